/* plansite: each clause's link menu (opened from span.c's number a.n or a heading's permalink),
   built on first use; and the highlight of the clause a link lands on. */
(() => {
  const doc = document;
  const TRIGGER = ".c>.n,.c>.headerlink";
  const root = typeof __md_scope == "object" ? __md_scope.href : new URL(".", location).href;
  const INTERACTIONS = ["pointerdown", "keydown", "wheel", "touchmove"];
  let menu, open, landed;

  // Addresses as published: served form (4/, not 4.html); from disk, at the canonical site_url.
  const path = () => location.href.split("#")[0].slice(root.length);
  function origin() {
    const canonical = doc.querySelector("link[rel=canonical]")?.href || "";
    const served = /^https?:$/.test(location.protocol) || !canonical.endsWith(path());
    return served ? root : canonical.slice(0, canonical.length - path().length);
  }
  const url = (id) => origin() + path().replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/") + "#" + id;
  const shareUrl = (id) => origin() + path().split("/")[0] + "/s/" + id + "/";
  const isHeading = (el) => /^H[12]$/.test(el.tagName);
  const number = (el) => el.querySelector(".n").textContent;

  // A sentence's citation: the data-cite of the heading above it, then 第n句.
  function cite(el) {
    if (isHeading(el)) return el.dataset.cite;
    let node = el;
    while (node.parentElement && !node.parentElement.classList.contains("md-typeset")) node = node.parentElement;
    while (node && !(isHeading(node) && node.dataset.cite)) node = node.previousElementSibling;
    return (node ? node.dataset.cite : "") + "第" + number(el) + "句";
  }

  function build() {
    menu = doc.createElement("div");
    menu.className = "cm";
    menu.setAttribute("role", "menu");
    for (const [action, text] of [["link", "复制链接"], ["cite", "复制引用"], ["share", "复制分享链接"]]) {
      const item = doc.createElement("button");
      Object.assign(item, { type: "button", tabIndex: -1, textContent: text });
      item.setAttribute("role", "menuitem");
      item.dataset.action = action;
      menu.append(item);
    }
    menu.addEventListener("click", (event) => {
      const item = event.target.closest("button");
      if (item) copy(item.dataset.action);
    });
    menu.addEventListener("keydown", (event) => {
      const items = [...menu.children];
      const at = items.indexOf(doc.activeElement);
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
      if (to !== undefined) items[(to + items.length) % items.length].focus();
      else if (event.key == "Escape" || event.key == "Tab") close(true);
      if (to !== undefined || event.key == "Escape") event.preventDefault();
    });
    doc.body.append(menu);
  }

  function show(trigger) {
    if (!menu) build();
    close();
    const clause = trigger.parentElement;
    open = { trigger, clause };
    menu.setAttribute("aria-label", cite(clause).replace(/^《.*?》/, ""));
    menu.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    clause.classList.add("sel");
    const box = trigger.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left, doc.documentElement.clientWidth - menu.offsetWidth - 8));
    menu.style.left = left + scrollX + "px";
    menu.style.top = box.bottom + scrollY + 4 + "px";
    history.replaceState(history.state, "", "#" + clause.id);
    menu.firstChild.focus();
  }

  function close(refocus) {
    if (!open) return;
    menu.hidden = true;
    open.trigger.setAttribute("aria-expanded", "false");
    open.clause.classList.remove("sel");
    if (refocus) open.trigger.focus();
    open = null;
  }

  async function copy(action) {
    const { trigger, clause } = open;
    const text = { link: url(clause.id), cite: cite(clause) + " " + url(clause.id), share: shareUrl(clause.id) }[action];
    close(true);
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch (error) {
      // No asynchronous clipboard on plain HTTP and in older in-app browsers.
      const area = doc.body.appendChild(doc.createElement("textarea"));
      area.value = text;
      area.className = "cm-copy";
      area.select();
      done = doc.execCommand("copy");
      area.remove();
      trigger.focus();
    }
    if (!done) return prompt("请复制：", text);
    const dialog = doc.querySelector(".md-dialog");
    if (!dialog) return;
    dialog.firstElementChild.textContent = "已复制" + { link: "链接", cite: "引用", share: "分享链接" }[action];
    dialog.classList.add("md-dialog--active");
    clearTimeout(copy.timer);
    copy.timer = setTimeout(() => dialog.classList.remove("md-dialog--active"), 2000);
  }

  // Landing: highlighted until the reader clicks, presses a key or scrolls; a moved clause's note
  // passes the reader on.
  function unmark() {
    landed?.classList.remove("hl");
    landed = null;
    for (const type of INTERACTIONS) removeEventListener(type, unmark, true);
  }

  function land() {
    unmark();
    let target;
    try {
      target = doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch {}
    if (!target?.matches(".c,.x,h1,h2")) return;
    const forward = target.matches(".x") && target.querySelector("a.mv");
    if (forward) return location.replace(forward.href);
    landed = target;
    target.classList.add("hl");
    target.scrollIntoView();
    for (const type of INTERACTIONS) addEventListener(type, unmark, { capture: true, passive: true });
  }

  for (const trigger of doc.querySelectorAll(TRIGGER)) {
    const clause = trigger.parentElement;
    trigger.setAttribute("aria-haspopup", "menu");
    trigger.setAttribute("aria-expanded", "false");
    const part = isHeading(clause) ? (clause.tagName == "H1" ? "本部分" : "本项") : "第" + number(clause) + "句";
    trigger.setAttribute("aria-label", part + "：链接与引用");
  }
  doc.querySelector(".md-dialog__inner")?.setAttribute("role", "status");
  doc.addEventListener("click", (event) => {
    const trigger = event.target.closest?.(TRIGGER);
    if (!trigger || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (open?.trigger == trigger) close(true);
    else show(trigger);
  });
  doc.addEventListener("pointerdown", (event) => {
    if (open && !menu.contains(event.target) && !open.trigger.contains(event.target)) close();
  });
  addEventListener("resize", () => close());
  addEventListener("hashchange", land);
  land();
})();
