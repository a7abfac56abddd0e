/* plansite: the one script of the site, loaded before material's bundle.
   1. Search: an address with ?q= opens the library's search page (search.js), online and offline.
   2. Addresses: where the page is published (also read from disk), for printed headings and links.
   3. Clauses: the link and cite menu of each clause and heading, and the landing highlight.
   4. Cards: a linked target's or name's card beside the text.
   5. Reading: the plain-reading setting; the navigation drawer from the keyboard. */

/* An address with ?q= (as material's search made them) opens the search page, scoped to the
   document it was on: where the header's search box would send it (search/ served, search.html
   offline). */
(() => {
  const query = new URLSearchParams(location.search).get("q");
  const box = document.querySelector("form.ps-header-search");
  if (query === null || !box || document.querySelector("[data-plansite-search]")) return;
  const params = new URLSearchParams({ q: query });
  const scope = box.querySelector("input[name=doc]");
  if (scope) params.set("doc", scope.value);
  location.replace(`${box.action}?${params}`);
})();

/* Where this page is published, from what the generator put in its head (theme/main.html): the
   site served, or, read from disk (the offline bundle), the site the bundle was taken from; and the
   page's served path (4/, not 4.html). Printed headings carry this address. */
const plansite = (() => {
  const meta = (name) => document.querySelector(`meta[name="plansite:${name}"]`)?.content ?? "";
  const served = /^https?:$/.test(location.protocol);
  const root = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href).href;
  const site = served ? root : meta("site");
  const page = site + meta("page");
  document.documentElement.style.setProperty("--plansite-page-url", JSON.stringify(page));
  return { meta, site, page };
})();

/* plansite: each clause's link menu (opened from span.c's number a.n or a heading's permalink),
   built on first use; and the highlight of the clause a link lands on. */
(() => {
  const doc = document;
  const TRIGGER = ".c>.n,.c>.headerlink";
  const INTERACTIONS = ["pointerdown", "keydown", "wheel", "touchmove"];
  const ACTIONS = { link: "链接", cite: "引用", full: "完整引用", share: "分享链接" };
  let menu, open, landed;

  // Public addresses: the page's (served form) with the clause's #id, and the clause's share page.
  const url = (id) => plansite.page + "#" + id;
  const shareUrl = (id) => plansite.site + plansite.meta("share") + id + "/";
  // A heading at any depth of the document's tree (a part or chapter h1, a section h2, an item h3…).
  const isHeading = (el) => /^H[1-6]$/.test(el.tagName);
  const number = (el) => el.querySelector(".n").textContent;

  // A clause's place, as render/cite.py's labels give it: the data-cite of a heading, or the
  // data-cite of the heading above a sentence, then 第n句. A chapter's closing, after the rule that
  // ends its last section, is the chapter's own (its page's h1).
  function place(el) {
    // A 专栏 box's clause carries its own place (专栏2第1项).
    if (isHeading(el) || el.dataset.cite) return el.dataset.cite;
    let node = el;
    while (node.parentElement && !node.parentElement.classList.contains("md-typeset")) node = node.parentElement;
    while (node && !(isHeading(node) && node.dataset.cite)) {
      node = node.tagName == "HR" ? doc.querySelector("h1.c") : node.previousElementSibling;
    }
    return (node ? node.dataset.cite : "") + "第" + number(el) + "句";
  }

  // The clause's own words: its text without its number or a heading's permalink.
  function words(el) {
    const copy = el.cloneNode(true);
    for (const furniture of copy.querySelectorAll(":scope>.n,:scope>.headerlink")) furniture.remove();
    return copy.textContent;
  }

  // render/cite.py's citation and long_citation, then the URL.
  const citation = (el) => plansite.meta("cite-title") + place(el);
  const fullCitation = (el) => plansite.meta("cite-title") + plansite.meta("cite-source") + place(el) + "：“" + words(el) + "”";

  function build() {
    menu = doc.createElement("div");
    menu.className = "cm";
    menu.setAttribute("role", "menu");
    for (const [action, noun] of Object.entries(ACTIONS)) {
      const item = doc.createElement("button");
      Object.assign(item, { type: "button", tabIndex: -1, textContent: "复制" + noun });
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
    menu.setAttribute("aria-label", place(clause));
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
    const text = {
      link: () => url(clause.id),
      cite: () => citation(clause) + " " + url(clause.id),
      full: () => fullCitation(clause) + " " + url(clause.id),
      share: () => shareUrl(clause.id),
    }[action]();
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
    dialog.firstElementChild.textContent = "已复制" + ACTIONS[action];
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
    if (!target?.matches(".c,.x,h1,h2,h3,h4,h5,h6")) return;
    const forward = target.matches(".x") && target.querySelector("a.mv");
    if (forward) return location.replace(forward.href);
    landed = target;
    target.classList.add("hl");
    target.scrollIntoView();
    for (const type of INTERACTIONS) addEventListener(type, unmark, { capture: true, passive: true });
  }

  // Each control is named by its clause's place on the page (第（一）项第1句), and a heading's name is
  // its words alone, without its control's.
  const chapterPart = doc.querySelector("h1.c")?.dataset.cite || "";
  for (const trigger of doc.querySelectorAll(TRIGGER)) {
    const clause = trigger.parentElement;
    trigger.setAttribute("aria-haspopup", "menu");
    trigger.setAttribute("aria-expanded", "false");
    const where = place(clause);
    const short = where.startsWith(chapterPart) && where != chapterPart ? where.slice(chapterPart.length) : where;
    trigger.setAttribute("aria-label", (short || "本部分") + "：链接与引用");
    if (isHeading(clause)) clause.setAttribute("aria-label", words(clause).trim());
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
  // Announced as a menu button, a clause number opens its menu with Space as with Enter.
  doc.addEventListener("keydown", (event) => {
    const trigger = event.target.closest?.(TRIGGER);
    if (!trigger || event.key != " " || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    show(trigger);
  });
  addEventListener("resize", () => close());
  addEventListener("hashchange", land);
  land();
})();

/* plansite: cards in place. Tapping, clicking or Enter on a linked target, project, place or cited
   document shows its card beside the text, from what the generator put in the page (#ps-cards,
   render/cards.py); the page does not move. Escape, the close button or a tap outside closes it, and
   focus goes back to the link. Without this script the link leads to the glossary or index entry. */
(() => {
  const doc = document;
  const source = doc.getElementById("ps-cards");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  // The indexes' link classes and titles come with the cards (render/cards.py: "ix"), from the one
  // table of index kinds; targets' links are "ind".
  const INDEX_NAMES = data.ix || {};
  const KINDS = ["ind", ...Object.keys(INDEX_NAMES)];
  const LINKS = KINDS.map((kind) => ".c a." + kind).join(",");
  let open = null;

  const kindOf = (link) => KINDS.find((kind) => link.classList.contains(kind));
  const cardData = (link) => {
    let id;
    try {
      id = decodeURIComponent(link.hash.slice(1));
    } catch {
      return null;
    }
    return data[kindOf(link)]?.[id] || null;
  };

  const element = (tag, attributes, ...children) => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const anchor = (href, text) => element("a", { href }, text);

  function build(link, card) {
    const kind = kindOf(link);
    const title = element("p", { class: "ps-card-title", id: "ps-card-title" }, card.n);
    const close = element("button", { type: "button", class: "ps-card-close", "aria-label": "关闭" }, "×");
    close.addEventListener("click", () => hide(true));
    const box = element("div", { class: "ps-card", role: "dialog", "aria-labelledby": "ps-card-title", tabindex: "-1" });
    box.append(element("div", { class: "ps-card-head" }, title, close));
    if (kind == "ind") {
      // The words as written are the link's own: the target's exact span of the clause.
      const rows = [["原文", link.textContent], ["目标", card.v], ["单位", card.u], ["释义", card.d]];
      const list = element("dl");
      for (const [label, value] of rows) if (value) list.append(element("dt", {}, label), element("dd", {}, value));
      const more = element("p", { class: "ps-card-more" }, anchor(link.href, "量化目标一览"));
      if (card.k && data.cmp) more.append(anchor(data.cmp + "#" + card.k, "各地区对照"));
      box.append(list, more);
    } else {
      const here = link.closest(".c")?.id;
      const others = card.m.filter(([, href]) => decodeURIComponent(new URL(href, location.href).hash.slice(1)) != here);
      box.append(element("p", {}, card.c));
      const shown = others.slice(0, 5);
      if (shown.length) {
        box.append(element("p", {}, "提到它的其他语句："));
        box.append(element("ul", {}, ...shown.map(([place, href]) => element("li", {}, anchor(href, place)))));
      } else {
        box.append(element("p", {}, "本文只在此处提到它。"));
      }
      box.append(element("p", { class: "ps-card-more" }, anchor(link.href, `${INDEX_NAMES[kind]}（共${card.t}处）`)));
    }
    return box;
  }

  function place(box, link) {
    const rects = link.getClientRects();
    const line = rects[rects.length - 1] || link.getBoundingClientRect();
    const frame = box.offsetParent ? box.offsetParent.getBoundingClientRect() : { left: -scrollX, top: -scrollY };
    const width = doc.documentElement.clientWidth;
    const left = Math.max(8, Math.min(line.left, width - box.offsetWidth - 8));
    box.style.left = left - frame.left + "px";
    box.style.top = line.bottom - frame.top + 6 + "px";
  }

  function show(link) {
    const card = cardData(link);
    if (!card) return false;
    hide(false);
    const box = build(link, card);
    const clause = link.closest(".c");
    // Beside its clause (after a heading, not inside it), so that Tab goes on from the card to the text.
    clause.after(box);
    open = { link, box };
    link.setAttribute("aria-expanded", "true");
    place(box, link);
    box.focus();
    return true;
  }

  function hide(refocus) {
    if (!open) return;
    const { link, box } = open;
    open = null;
    box.remove();
    link.setAttribute("aria-expanded", "false");
    if (refocus) link.focus();
  }

  for (const link of doc.querySelectorAll(LINKS)) {
    if (!cardData(link)) continue;
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  }
  doc.addEventListener("click", (event) => {
    const link = event.target.closest?.(LINKS);
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) return;
    if (open?.link == link) {
      event.preventDefault();
      return hide(true);
    }
    if (show(link)) event.preventDefault();
  });
  doc.addEventListener("keydown", (event) => {
    if (open && event.key == "Escape") {
      event.preventDefault();
      hide(true);
    }
  });
  doc.addEventListener("pointerdown", (event) => {
    if (open && !open.box.contains(event.target) && !open.link.contains(event.target)) hide(false);
  });
  doc.addEventListener("focusin", (event) => {
    if (open && !open.box.contains(event.target) && event.target != open.link) hide(false);
  });
  addEventListener("resize", () => open && place(open.box, open.link));
})();

/* plansite: reading. The plain-reading setting (简洁阅读, a button theme/main.html puts on pages with
   clauses), remembered on the device: clause numbers and link styling hidden on screen (main.html
   applies it before the page is drawn); and the navigation drawer's menu button, a label material
   leaves out of the keyboard's reach. */
(() => {
  const doc = document;
  const root = doc.documentElement;
  const KEY = "plansite:plain";
  const toggle = doc.querySelector(".ps-plain-toggle");
  if (toggle) {
    const sync = () => toggle.setAttribute("aria-pressed", String(root.classList.contains("ps-plain")));
    toggle.addEventListener("click", () => {
      const plain = root.classList.toggle("ps-plain");
      try {
        if (plain) localStorage.setItem(KEY, "1");
        else localStorage.removeItem(KEY);
      } catch {}
      sync();
    });
    sync();
  }

  // Material opens the drawer with a label for its checkbox, which the keyboard never reaches: a
  // button takes the label's place (the label stays for pages read without this script).
  const drawer = doc.getElementById("__drawer");
  const label = doc.querySelector('label.md-header__button[for="__drawer"]');
  const panel = doc.querySelector(".md-sidebar--primary");
  if (!drawer || !label || !panel) return;
  const button = doc.createElement("button");
  Object.assign(button, { type: "button", className: "md-header__button md-icon ps-menu", innerHTML: label.innerHTML });
  button.setAttribute("aria-label", "导航菜单");
  label.hidden = true;
  label.before(button);
  const sync = () => button.setAttribute("aria-expanded", String(drawer.checked));
  drawer.addEventListener("change", sync);
  sync();
  button.addEventListener("click", (event) => {
    drawer.click();
    if (drawer.checked && event.detail == 0) {
      // Opened from the keyboard: into the drawer, at its first link on screen.
      requestAnimationFrame(() => {
        const frame = panel.getBoundingClientRect();
        const first = [...panel.querySelectorAll("a[href], label[tabindex]")].find((item) => {
          const box = item.getBoundingClientRect();
          return box.width && box.left >= frame.left - 1 && box.right <= frame.right + 1 && getComputedStyle(item).visibility == "visible";
        });
        first?.focus();
      });
    }
  });
  doc.addEventListener("keydown", (event) => {
    if (event.key == "Escape" && drawer.checked && panel.contains(doc.activeElement)) {
      drawer.click();
      button.focus();
    }
  });
  // Tabbing out of the open drawer closes it: the page behind it is covered.
  doc.addEventListener("focusin", (event) => {
    if (drawer.checked && !panel.contains(event.target) && event.target != button && getComputedStyle(button).display != "none") drawer.click();
  });
})();
