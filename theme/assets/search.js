/* plansite: the library's search page (/search/?q=…), reading the static index that
 * generator/search/library.py writes under search/ (see there for the files and their format).
 *
 * A query is cut into words at white space; a result is a clause whose text holds every word,
 * compared character by character in NFKC form and lower case. A word's clauses come from the
 * postings of its characters (one character) or of its character pairs at offsets 0, 2, 4… and
 * the last, which must start at those offsets from one position: exact, so counts are exact
 * before any text is fetched. Only the shards holding the query's tokens are downloaded, and the
 * text of the results shown (a page at a time).
 *
 * State lives in the address: q (the query), doc (the document the reader came from, the
 * default scope), all=1 (the whole library), region, year, kind (filters of the library).
 */
(() => {
  "use strict";
  const form = document.querySelector("form[data-plansite-search]");
  if (!form) return;

  const PAGE_SIZE = 20;
  const SNIPPET_LENGTH = 160;
  const SNIPPET_BEFORE = 30;
  const DEBOUNCE_MS = 120;
  const CLAUSE_BITS = 2 ** 20; // a document's clause index is below this
  const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;

  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base, location.href);
  const input = form.querySelector("input[name=q]");
  const docField = form.querySelector("input[name=doc]");
  const scopeBox = form.querySelector("[data-scope]");
  const scopeTitle = form.querySelector("[data-scope-title]");
  const [thisBox, allBox] = form.querySelectorAll("input[name=all]");
  const filters = [...form.querySelectorAll("select")];
  const filterBox = form.querySelector("[data-filters]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const more = document.querySelector("[data-search-more]");
  const encoder = new TextEncoder();

  /* ---- Folding: as library.py's _FoldTable, one character at a time ---- */
  const folds = new Map();
  const foldChar = (char) => {
    let folded = folds.get(char);
    if (folded === undefined) {
      folded = ZERO_WIDTH.test(char) ? "" : char.normalize("NFKC").toLowerCase();
      folds.set(char, folded);
    }
    return folded;
  };
  const fold = (text) => {
    let folded = "";
    for (const char of text) folded += foldChar(char);
    return folded;
  };

  /* ---- Files: gzip inflated here (unless the server already did), fetched once a page ---- */
  const files = new Map();
  let catalogue = null;

  const fetchBytes = async (path, options) => {
    const response = await fetch(new URL(path, root), options);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };

  const file = (path) => {
    if (!files.has(path)) {
      const promise = fetchBytes(`${path}?v=${catalogue.version}`);
      promise.catch(() => files.delete(path));
      files.set(path, promise);
    }
    return files.get(path);
  };

  const loadCatalogue = async () => {
    if (!catalogue) {
      // Always revalidated: it names the version of every other file.
      const bytes = await fetchBytes("search/catalogue.bin", { cache: "no-cache" });
      catalogue = JSON.parse(new TextDecoder().decode(bytes));
      catalogue.documents.forEach((documentEntry, index) => (documentEntry.index = index));
      catalogue.bySlug = new Map(catalogue.documents.map((entry) => [entry.slug, entry]));
    }
    return catalogue;
  };

  /* ---- Postings ---- */
  const varint = (bytes, cursor) => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[cursor.at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };

  const hash = (key) => {
    let value = 0x811c9dc5;
    for (const byte of key) value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    return value;
  };

  const sameBytes = (bytes, start, key) => {
    for (let k = 0; k < key.length; k++) if (bytes[start + k] !== key[k]) return false;
    return true;
  };

  /* The postings of a token (a character or a pair), or null if no clause holds it. */
  const postings = async (token) => {
    const key = encoder.encode(token);
    const shard = (hash(key) & (catalogue.shards - 1)).toString(16);
    const bytes = await file(`search/postings/${shard}.bin`);
    const cursor = { at: 0 };
    while (cursor.at < bytes.length) {
      const length = varint(bytes, cursor);
      const match = length === key.length && sameBytes(bytes, cursor.at, key);
      cursor.at += length;
      const size = varint(bytes, cursor);
      if (match) return bytes.subarray(cursor.at, cursor.at + size);
      cursor.at += size;
    }
    return null;
  };

  /* Each clause holding a token (document × CLAUSE_BITS + clause) with, for a pair, its positions. */
  const occurrences = (bytes, pair) => {
    const found = new Map();
    if (!bytes) return found;
    const cursor = { at: 0 };
    let documentIndex = -1;
    while (cursor.at < bytes.length) {
      const gap = varint(bytes, cursor);
      documentIndex = documentIndex < 0 ? gap : documentIndex + gap + 1;
      const count = varint(bytes, cursor);
      const clauses = new Array(count);
      let clause = 0;
      for (let k = 0; k < count; k++) clauses[k] = clause += varint(bytes, cursor);
      for (let k = 0; k < count; k++) {
        const key = documentIndex * CLAUSE_BITS + clauses[k];
        if (!found.has(key)) found.set(key, []);
        if (pair) found.get(key).push(varint(bytes, cursor));
      }
    }
    return found;
  };

  /* The clauses (keys) whose folded text holds a word. */
  const clausesHolding = async (word) => {
    const chars = Array.from(fold(word));
    if (chars.length === 1) return new Set((occurrences(await postings(chars[0]), false)).keys());
    const offsets = [];
    for (let offset = 0; offset < chars.length - 1; offset += 2) offsets.push(offset);
    if (offsets[offsets.length - 1] !== chars.length - 2) offsets.push(chars.length - 2);
    const lists = await Promise.all(offsets.map((offset) => postings(chars[offset] + chars[offset + 1])));
    const maps = lists.map((bytes) => occurrences(bytes, true));
    const found = new Set();
    for (const [key, positions] of maps[0]) {
      const starts = positions.filter((start) =>
        maps.every((map, k) => k === 0 || (map.get(key) || []).includes(start + offsets[k])),
      );
      if (starts.length) found.add(key);
    }
    return found;
  };

  /* ---- The query and its scope ---- */
  const queryWords = (query) => [...new Set(fold(query).split(/\s+/).filter(Boolean))];

  const state = () => {
    const params = new URLSearchParams();
    const query = input.value.trim();
    if (query) params.set("q", query);
    if (docField.value) params.set("doc", docField.value);
    if (allBox.checked && scopeDocument()) params.set("all", "1");
    for (const select of filters) if (select.value) params.set(select.name, select.value);
    return params;
  };

  const scopeDocument = () => (catalogue && catalogue.bySlug.get(docField.value)) || null;
  const libraryScope = () => !scopeDocument() || allBox.checked;

  const included = (entry) => {
    if (!libraryScope()) return entry === scopeDocument();
    return filters.every((select) => !select.value || String(entry[select.name]) === select.value);
  };

  /* ---- Showing results ---- */
  const escape = (text) =>
    text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]);

  /* A clause's text in HTML, every word marked, cut around the first mark when it is long. */
  const highlight = (text, words) => {
    const chars = Array.from(text);
    let folded = "";
    const owner = [];
    chars.forEach((char, index) => {
      const form = foldChar(char);
      folded += form;
      for (let k = 0; k < form.length; k++) owner.push(index);
    });
    const marks = [];
    for (const word of words) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
        marks.push([owner[at], owner[at + word.length - 1] + 1]);
      }
    }
    marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let from = 0;
    let to = chars.length;
    if (chars.length > SNIPPET_LENGTH) {
      from = Math.max(0, Math.min((marks.length ? marks[0][0] : 0) - SNIPPET_BEFORE, chars.length - SNIPPET_LENGTH));
      to = from + SNIPPET_LENGTH;
    }
    const piece = (start, end) => escape(chars.slice(start, end).join("").replace(/[\u200b-\u200d\u2060\ufeff]/g, ""));
    let html = from > 0 ? "…" : "";
    let position = from;
    for (const [start, end] of marks) {
      if (start < position || end > to) continue;
      html += `${piece(position, start)}<mark>${piece(start, end)}</mark>`;
      position = end;
    }
    return html + piece(position, to) + (to < chars.length ? "…" : "");
  };

  const documentName = (entry) => [entry.region, `《${entry.title}》`].filter(Boolean).join(" · ");

  const clauseRecord = async (key) => {
    const entry = catalogue.documents[Math.floor(key / CLAUSE_BITS)];
    const clause = key % CLAUSE_BITS;
    let run = 0;
    while (run + 1 < entry.text.length && entry.text[run + 1] <= clause) run++;
    const bytes = await file(`search/text/${entry.slug}/${run}.bin`);
    if (!entry.runs) entry.runs = new Map();
    if (!entry.runs.has(run)) entry.runs.set(run, JSON.parse(new TextDecoder().decode(bytes)));
    const [label, text, url] = entry.runs.get(run)[clause - entry.text[run]];
    return { entry, label, text, url };
  };

  const resultItem = ({ entry, label, text, url }, words) => {
    const item = document.createElement("li");
    item.className = "ps-result";
    item.setAttribute("data-search-result", "");
    item.innerHTML =
      `<a class="ps-result__link" href="${escape(new URL(url, root).href)}">` +
      `<span class="ps-result__place">${escape(label)}</span>` +
      `<span class="ps-result__text">${highlight(text, words)}</span>` +
      `<span class="ps-result__doc">${escape(documentName(entry))}</span></a>`;
    return item;
  };

  /* ---- Running a search ---- */
  let run = 0;
  let shown = { keys: [], words: [], next: 0 };

  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };

  /* Results in reading order: the reader's document first, then the newest documents, each in
     document order. */
  const order = (keys) => {
    const from = scopeDocument();
    const ranked = [...catalogue.documents].sort((a, b) => (b === from) - (a === from) || b.year - a.year || a.index - b.index);
    const rank = new Map(ranked.map((entry, position) => [entry.index, position]));
    const key = (clauseKey) => rank.get(Math.floor(clauseKey / CLAUSE_BITS)) * CLAUSE_BITS + (clauseKey % CLAUSE_BITS);
    return keys.sort((a, b) => key(a) - key(b));
  };

  const search = async () => {
    const ticket = ++run;
    busy(true);
    history.replaceState(history.state, "", `${location.pathname}${state().toString() ? "?" + state() : ""}`);
    const words = queryWords(input.value);
    if (!words.length) {
      list.replaceChildren();
      more.hidden = true;
      say("输入词语即可搜索；多个词语以空格分隔。");
      busy(false);
      return;
    }
    say("正在搜索…");
    try {
      await loadCatalogue();
      syncScope();
      const sets = await Promise.all(words.map(clausesHolding));
      if (ticket !== run) return;
      const all = [...sets.reduce((a, b) => new Set([...a].filter((key) => b.has(key))))];
      const keys = order(all.filter((key) => included(catalogue.documents[Math.floor(key / CLAUSE_BITS)])));
      shown = { keys, words, next: 0 };
      list.replaceChildren();
      await showMore(ticket);
      if (ticket !== run) return;
      say(summary(keys, all, input.value.trim()));
      busy(false);
    } catch (error) {
      if (ticket === run) {
        say("搜索暂时无法使用：索引文件未能下载，请稍后再试。");
        busy(false);
      }
      throw error;
    }
  };

  const summary = (keys, all, query) => {
    const documents = new Set(keys.map((key) => Math.floor(key / CLAUSE_BITS))).size;
    const where = libraryScope() ? (documents > 1 ? `，分布在 ${documents} 个文件中` : "") : "（本文件）";
    if (keys.length) return `找到 ${keys.length} 句${where}。`;
    if (!libraryScope() && all.length) return `本文件中没有含有“${query}”的句子；全部文件中有 ${all.length} 句。`;
    return `没有找到含有“${query}”的句子。`;
  };

  const showMore = async (ticket) => {
    const batch = shown.keys.slice(shown.next, shown.next + PAGE_SIZE);
    const records = await Promise.all(batch.map(clauseRecord));
    if (ticket !== run) return;
    list.append(...records.map((record) => resultItem(record, shown.words)));
    shown.next += batch.length;
    more.hidden = shown.next >= shown.keys.length;
    if (!more.hidden) more.textContent = `显示更多结果（还有 ${shown.keys.length - shown.next} 句）`;
  };

  /* ---- Controls ---- */
  const setAll = (all) => {
    allBox.checked = all;
    thisBox.checked = !all;
  };

  const syncScope = () => {
    const entry = scopeDocument();
    if (scopeBox) scopeBox.hidden = !entry;
    if (entry && scopeTitle) scopeTitle.textContent = `《${entry.title}》`;
    for (const select of filters) {
      if (select.options.length > 1) continue;
      const values = [...new Set(catalogue.documents.map((doc) => doc[select.name]).filter(Boolean))];
      values.sort((a, b) => (select.name === "year" ? b - a : String(a).localeCompare(String(b), "zh")));
      for (const value of values) {
        const label = select.name === "kind" ? catalogue.kinds[value] || value : select.name === "year" ? `${value}年` : value;
        select.add(new Option(label, value, false, String(value) === select.dataset.initial));
      }
    }
  };

  let timer = 0;
  const busy = (yes) => list.setAttribute("aria-busy", String(yes));

  const soon = () => {
    busy(true);
    clearTimeout(timer);
    timer = setTimeout(() => search().catch(() => {}), DEBOUNCE_MS);
  };

  input.addEventListener("input", (event) => {
    if (!event.isComposing) soon();
  });
  input.addEventListener("compositionend", soon);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search().catch(() => {});
  });
  for (const select of filters) {
    select.addEventListener("change", () => {
      // A filter is about the library: choosing one searches the whole library.
      if (select.value) setAll(true);
      soon();
    });
  }
  form.addEventListener("change", (event) => {
    if (event.target.name === "all") soon();
  });
  more.addEventListener("click", () => showMore(run).catch(() => {}));

  /* ---- The address's state, then the first search ---- */
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  docField.value = params.get("doc") || "";
  for (const select of filters) select.dataset.initial = params.get(select.name) || "";
  if (filterBox && filters.some((select) => select.dataset.initial)) filterBox.open = true;
  setAll(params.get("all") === "1" || filters.some((select) => select.dataset.initial));
  loadCatalogue()
    .then(() => {
      syncScope();
      if (input.value.trim()) return search();
      say("输入词语即可搜索；多个词语以空格分隔。");
      input.focus();
    })
    .catch(() => say("搜索暂时无法使用：索引文件未能下载，请稍后再试。"));
})();
