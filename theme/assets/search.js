/* plansite: the library's search page (search/?q=…, or search.html?q=… in an offline bundle),
 * reading the static index that generator/search/library.py writes under search/ (see there for
 * the files and their format).
 *
 * A query is cut into words at white space; a result is a clause whose text holds every word,
 * compared character by character in NFKC form and lower case. A word's clauses come from the
 * postings of its characters (one character) or of its character pairs at offsets 0, 2, 4… and
 * the last, which must start at those offsets from one position: exact, so every result shown
 * holds the words. Documents come newest first; a search reads the chunks of its rarest token in
 * that order, and of the other tokens only the chunks covering documents still in the running,
 * until it has a page of results. A count is exact once every chunk has been read (or when the
 * query is one token, whose head counts its clauses); until then it says 至少 N.
 *
 * The engine (createEngine) touches no page: tests/search_parity.js runs it in Node against the
 * Python writer's files. The page's part reads the state from the address: q (the query), doc (the
 * document the reader came from, the default scope), all=1 (the whole library), region, year,
 * kind (filters of the library) and part (plan: the year's plans; review: the review of past work).
 *
 * Online, index files are fetched; in an offline bundle (file://, no fetch) each is a script that
 * hands its bytes to plansiteIndexFile(path, base64).
 */
(() => {
  "use strict";

  const PAGE_SIZE = 20;
  // A page reads at most this many chunks (about 3 KB each) before it shows what it found.
  const PAGE_CHUNKS = 64;
  // After a page is found, a search reads on to the end (exact counts) if so few chunks are left.
  const FINISH_CHUNKS = 6;
  const FIRST_BATCH = 4;
  // A token whose chunks covering a batch are this few is read at once with the others (fewer round trips).
  const NEAR = 2;
  const MAX_BATCH = 64;
  const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
  const ZERO_WIDTH_ALL = /[\u200b-\u200d\u2060\ufeff]/g;

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
  const queryWords = (query) => [...new Set(fold(query).split(/\s+/).filter(Boolean))];

  /* ---- Bytes ---- */
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

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

  const inflate = async (bytes) => {
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };

  /* The documents of one token's chunk (or inline postings): document → clause → positions. */
  const decodePostings = (bytes, first, pair) => {
    const found = new Map();
    const cursor = { at: 0 };
    let documentNumber = first;
    while (cursor.at < bytes.length) {
      if (cursor.at > 0) documentNumber += varint(bytes, cursor) + 1;
      const count = varint(bytes, cursor);
      const clauses = new Array(count);
      let clause = 0;
      for (let k = 0; k < count; k++) clauses[k] = clause += varint(bytes, cursor);
      const byClause = new Map();
      for (let k = 0; k < count; k++) {
        if (!byClause.has(clauses[k])) byClause.set(clauses[k], []);
        if (pair) byClause.get(clauses[k]).push(varint(bytes, cursor));
      }
      found.set(documentNumber, byClause);
    }
    return found;
  };

  /* The tokens of a word: its character, or its pairs at offsets 0, 2, 4… and the last. */
  const wordTokens = (word) => {
    const chars = Array.from(word);
    if (chars.length === 1) return [{ token: chars[0], offset: 0 }];
    const offsets = [];
    for (let offset = 0; offset < chars.length - 1; offset += 2) offsets.push(offset);
    if (offsets[offsets.length - 1] !== chars.length - 2) offsets.push(chars.length - 2);
    return offsets.map((offset) => ({ token: chars[offset] + chars[offset + 1], offset }));
  };

  /* ---- The engine: the index's files read through load(path, version) ---- */
  const createEngine = (load) => {
    const files = new Map();
    let catalogue = null;

    const bytes = (path) => {
      if (!files.has(path)) {
        const promise = load(path, catalogue ? catalogue.version : null).then(inflate);
        promise.catch(() => files.delete(path));
        files.set(path, promise);
      }
      return files.get(path);
    };
    const json = async (path) => JSON.parse(decoder.decode(await bytes(path)));

    const loadCatalogue = async () => {
      if (!catalogue) {
        const read = await json("search/catalogue.bin");
        const yearOf = [];
        const yearRanges = new Map();
        for (const [year, count] of read.documents.years) {
          yearRanges.set(year, [yearOf.length, yearOf.length + count]);
          for (let k = 0; k < count; k++) yearOf.push(year);
        }
        catalogue = { ...read, yearOf, yearRanges };
      }
      return catalogue;
    };

    const documentEntry = async (documentNumber) => {
      const perFile = catalogue.documents_per_file;
      const entries = await json(`search/documents/${Math.floor(documentNumber / perFile)}.bin`);
      const [slug, title, url, runs, review] = entries[documentNumber % perFile];
      let start = 0;
      const text = runs.map((size) => (start += size) - size);
      return { number: documentNumber, slug, title, url, text, review, region: catalogue.regions[catalogue.documents.region[documentNumber]] };
    };

    const documentNumber = async (slug) => {
      if (!slug) return null;
      const shard = (hash(encoder.encode(slug)) & (catalogue.slugs - 1)).toString(16);
      const numbers = await json(`search/slugs/${shard}.bin`);
      return Object.prototype.hasOwnProperty.call(numbers, slug) ? numbers[slug] : null;
    };

    const heads = new Map();
    /* A token's head: clauses holding it, its chunks' first documents, how to read each; null if absent. */
    const head = (token) => {
      if (!heads.has(token)) heads.set(token, readHead(token));
      return heads.get(token);
    };
    const readHead = async (token) => {
      const key = encoder.encode(token);
      const shard = (hash(key) & (catalogue.heads - 1)).toString(16);
      const data = await bytes(`search/heads/${shard}.bin`);
      const cursor = { at: 0 };
      while (cursor.at < data.length) {
        const length = varint(data, cursor);
        const match = length === key.length && sameBytes(data, cursor.at, key);
        cursor.at += length;
        const size = varint(data, cursor);
        if (!match) {
          cursor.at += size;
          continue;
        }
        const end = cursor.at + size;
        const clauses = varint(data, cursor);
        const count = varint(data, cursor);
        const firsts = [];
        const paths = [];
        let first = 0;
        let number = 0;
        for (let k = 0; k < count; k++) {
          firsts.push((first += varint(data, cursor)));
          number += varint(data, cursor);
          paths.push(`search/chunks/${Math.floor(number / catalogue.chunks_per_folder)}/${number}.bin`);
        }
        const pair = Array.from(token).length === 2;
        const chunks = paths.map((path, k) => ({ first: firsts[k], read: null, load: async () => decodePostings(await bytes(path), firsts[k], pair) }));
        if (!count) {
          const inline = varint(data, cursor);
          const postings = decodePostings(data.subarray(cursor.at, end), inline, pair);
          chunks.push({ first: inline, read: Promise.resolve(postings), load: null });
        }
        return { token, clauses, chunks };
      }
      return null;
    };

    /* The index of the chunk of a head covering a document (-1 before its first). */
    const chunkOf = (entry, documentNumber) => {
      let low = 0;
      let high = entry.chunks.length - 1;
      if (high < 0 || documentNumber < entry.chunks[0].first) return -1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (entry.chunks[middle].first <= documentNumber) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    const chunk = (entry, index) => {
      const found = entry.chunks[index];
      if (!found.read) found.read = found.load();
      return found.read;
    };
    const unread = (entry) => entry.chunks.filter((found) => !found.read).length;

    const clauseRecord = async (documentNumber, clause) => {
      const entry = await documentEntry(documentNumber);
      let run = 0;
      while (run + 1 < entry.text.length && entry.text[run + 1] <= clause) run++;
      const records = await json(`search/text/${documentNumber}/${run}.bin`);
      const [label, text, url] = records[clause - entry.text[run]];
      const review = inRanges(entry.review, clause);
      return { document: entry, clause, label, text, url, review };
    };

    /* A search: its results so far (each [document, clause], in the index's order), read on by fill(). */
    const search = (words, filter = {}) => new Search(words, filter);

    class Search {
      constructor(words, filter) {
        this.words = words.map((word) => ({ word, tokens: wordTokens(word) }));
        this.filter = filter;
        this.results = [];
        this.exhausted = false;
        this.started = null;
        this.pending = [];
        this.batch = FIRST_BATCH;
        this.reads = 0;
      }

      /* The exact number of results, or null while it is not known (the page says 至少 N). */
      get total() {
        if (this.exhausted) return this.results.length;
        const filtered = this.filter.document != null || this.filter.region != null || this.filter.year != null || this.filter.kind != null || this.filter.part;
        if (this.words.length === 1 && this.words[0].tokens.length === 1 && !filtered && this.entries) return this.entries[0].clauses;
        return null;
      }

      /* The documents the filter keeps: a range (year, document) and a test (region, kind). */
      range() {
        const { documents, yearRanges } = catalogue;
        let low = 0;
        let high = documents.count;
        if (this.filter.document != null) [low, high] = [this.filter.document, this.filter.document + 1];
        if (this.filter.year != null) {
          const [start, end] = yearRanges.get(this.filter.year) || [0, 0];
          [low, high] = [Math.max(low, start), Math.min(high, end)];
        }
        return [low, high];
      }

      keeps(documentNumber) {
        const { documents } = catalogue;
        if (this.filter.region != null && documents.region[documentNumber] !== this.filter.region) return false;
        if (this.filter.kind != null && documents.kind[documentNumber] !== this.filter.kind) return false;
        return true;
      }

      async start() {
        const tokens = [...new Set(this.words.flatMap((word) => word.tokens.map((found) => found.token)))];
        const entries = await Promise.all(tokens.map(head));
        this.entries = entries;
        [this.low, this.high] = this.range();
        if (entries.some((entry) => !entry) || this.low >= this.high) {
          this.exhausted = true;
          return;
        }
        // The driver has the fewest chunks (then clauses): its documents are the candidates.
        entries.sort((a, b) => a.chunks.length - b.chunks.length || a.clauses - b.clauses || (a.token < b.token ? -1 : 1));
        this.byToken = new Map(entries.map((entry) => [entry.token, entry]));
        this.driver = entries[0];
        this.others = entries.slice(1);
        this.next = Math.max(0, chunkOf(this.driver, this.low));
      }

      /* Read on until there are ``count`` results (or none is left), reading at most ``budget``
         more chunks: a page of a word rarely found among common tokens stops there, and reads on
         when asked (继续查找). */
      async fill(count, budget = Infinity) {
        if (!this.started) this.started = this.start();
        await this.started;
        const limit = this.reads + budget;
        while (!this.exhausted && this.results.length < count && this.reads < limit) await this.step(limit);
      }

      /* A chunk of a token, counted against the budget when it is read now. */
      load(entry, index) {
        if (!entry.chunks[index].read) this.reads++;
        return chunk(entry, index);
      }

      /* How many chunks of the other tokens checking these documents would read at most. */
      cost(numbers) {
        return this.others.reduce((sum, entry) => sum + new Set(numbers.map((number) => chunkOf(entry, number)).filter((index) => index >= 0 && !entry.chunks[index].read)).size, 0);
      }

      /* Read on to the end when few chunks are left to read (so that counts are exact). */
      async finishIfCheap() {
        await this.fill(0);
        while (!this.exhausted && [this.driver, ...this.others].reduce((sum, entry) => sum + unread(entry), 0) <= FINISH_CHUNKS) await this.step();
      }

      async step(limit = Infinity) {
        if (!this.pending.length) {
          const { chunks } = this.driver;
          if (this.next >= chunks.length || chunks[this.next].first >= this.high) {
            this.exhausted = true;
            return;
          }
          const postings = await this.load(this.driver, this.next++);
          this.pending = [...postings.keys()].filter((number) => number >= this.low && number < this.high && this.keeps(number));
          return;
        }
        let batch = this.pending.slice(0, this.batch);
        while (batch.length > 1 && this.reads + this.cost(batch) > limit) batch = batch.slice(0, Math.ceil(batch.length / 2));
        this.pending.splice(0, batch.length);
        this.batch = Math.min(this.batch * 2, MAX_BATCH);
        // The other tokens' chunks covering the batch: those needing at most NEAR unread chunks
        // are read together (one round trip); the others one token after another, rarest first,
        // each for the documents still in the running.
        let survivors = batch;
        const needed = (entry) => [...new Set(survivors.map((number) => chunkOf(entry, number)).filter((index) => index >= 0))];
        const near = this.others.filter((entry) => needed(entry).filter((index) => !entry.chunks[index].read).length <= NEAR);
        const rounds = [near, ...this.others.filter((entry) => !near.includes(entry)).map((entry) => [entry])];
        for (const round of rounds) {
          if (!survivors.length) break;
          const read = await Promise.all(round.map(async (entry) => [entry, new Map(await Promise.all(needed(entry).map(async (index) => [index, await this.load(entry, index)])))]));
          survivors = survivors.filter((number) =>
            read.every(([entry, postings]) => {
              const found = postings.get(chunkOf(entry, number));
              return found && found.has(number);
            }),
          );
        }
        const reviews = this.filter.part ? await Promise.all(survivors.map((number) => documentEntry(number))) : null;
        for (const [k, number] of survivors.entries()) {
          for (const clause of await this.clausesOf(number)) {
            if (reviews && inRanges(reviews[k].review, clause) !== (this.filter.part === "review")) continue;
            this.results.push([number, clause]);
          }
        }
      }

      /* The clauses of a document holding every word, in order (every token's chunk covering it is read). */
      async clausesOf(number) {
        const postingsOf = async (token) => {
          const entry = this.byToken.get(token);
          return (await chunk(entry, chunkOf(entry, number))).get(number);
        };
        let held = null;
        for (const { word, tokens } of this.words) {
          const lists = await Promise.all(tokens.map(({ token }) => postingsOf(token)));
          const found = new Set();
          if (Array.from(word).length === 1) {
            for (const clause of lists[0].keys()) found.add(clause);
          } else {
            for (const [clause, starts] of lists[0]) {
              if (starts.some((start) => lists.every((list, k) => k === 0 || (list.get(clause) || []).includes(start + tokens[k].offset)))) found.add(clause);
            }
          }
          held = held ? new Set([...held].filter((clause) => found.has(clause))) : found;
        }
        return [...held].sort((a, b) => a - b);
      }
    }

    return { catalogue: loadCatalogue, documentEntry, documentNumber, clauseRecord, search };
  };

  const inRanges = (ranges, clause) => {
    for (let k = 0; k < ranges.length; k += 2) if (ranges[k] <= clause && clause < ranges[k + 1]) return true;
    return false;
  };

  globalThis.plansiteSearch = { createEngine, fold, queryWords, PAGE_SIZE, PAGE_CHUNKS };

  /* ---- The page ---- */
  if (typeof document === "undefined") return;
  const form = document.querySelector("form[data-plansite-search]");
  if (!form) return;

  const SNIPPET_LENGTH = 160;
  // Up to this many regions are listed in one line; more fold under the three with most hits.
  const FEW_REGIONS = 6;
  const SNIPPET_BEFORE = 30;
  const DEBOUNCE_MS = 120;
  const UNAVAILABLE = "搜索暂时无法使用：索引文件未能读取，请稍后再试。";
  const PROMPT = "输入词语即可搜索；多个词语以空格分隔。";

  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base, location.href);
  const input = form.querySelector("input[name=q]");
  const docField = form.querySelector("input[name=doc]");
  const scopeBox = form.querySelector("[data-scope]");
  const scopeTitle = form.querySelector("[data-scope-title]");
  const [thisBox, allBox] = form.querySelectorAll("input[name=all]");
  const filters = [...form.querySelectorAll("select[data-library]")];
  const partSelect = form.querySelector("select[name=part]");
  const filterBox = form.querySelector("[data-filters]");
  const status = document.querySelector("[data-search-status]");
  const regionLine = document.querySelector("[data-search-regions]");
  const list = document.querySelector("[data-search-results]");
  const more = document.querySelector("[data-search-more]");

  /* Index files: fetched online; offline (scripts beside them) each script hands over its bytes. */
  const byScript = form.dataset.plansiteSearch === "scripts";
  const waiting = new Map();
  globalThis.plansiteIndexFile = (path, base64) => {
    const binary = atob(base64);
    const data = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) data[k] = binary.charCodeAt(k);
    const callbacks = waiting.get(path);
    waiting.delete(path);
    if (callbacks) callbacks.resolve(data);
  };
  const load = (path, version) => {
    if (byScript) {
      return new Promise((resolve, reject) => {
        waiting.set(path, { resolve, reject });
        const script = document.createElement("script");
        script.src = new URL(path.replace(/\.bin$/, ".js"), root).href;
        script.onerror = () => {
          waiting.delete(path);
          reject(new Error(`${path}: not loaded`));
        };
        script.onload = () => script.remove();
        document.head.append(script);
      });
    }
    // The catalogue is always revalidated: it names the version of every other file.
    const url = new URL(version ? `${path}?v=${version}` : path, root);
    return fetch(url, version ? {} : { cache: "no-cache" }).then(async (response) => {
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
  };
  const engine = createEngine(load);
  let catalogue = null;
  let scope = null; // the document the reader came from: { number, title }

  /* ---- The query and its scope ---- */
  const state = () => {
    const params = new URLSearchParams();
    const query = input.value.trim();
    if (query) params.set("q", query);
    if (docField.value) params.set("doc", docField.value);
    if (allBox.checked && scope) params.set("all", "1");
    for (const select of [...filters, partSelect]) if (select && select.value) params.set(select.name, select.value);
    return params;
  };

  const libraryScope = () => !scope || allBox.checked;

  const filterOf = () => {
    const filter = { part: partSelect ? partSelect.value : "" };
    if (!libraryScope()) return { ...filter, document: scope.number };
    for (const select of filters) {
      if (!select.value) continue;
      if (select.name === "year") filter.year = Number(select.value);
      if (select.name === "region") filter.region = catalogue.regions.indexOf(select.value);
      if (select.name === "kind") filter.kind = catalogue.kinds.findIndex(([code]) => code === select.value);
    }
    return filter;
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
      const folding = foldChar(char);
      folded += folding;
      for (let k = 0; k < folding.length; k++) owner.push(index);
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
    const piece = (start, end) => escape(chars.slice(start, end).join("").replace(ZERO_WIDTH_ALL, ""));
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

  const resultItem = ({ document: entry, label, text, url, review }, words) => {
    const item = document.createElement("li");
    item.className = "ps-result";
    item.setAttribute("data-search-result", "");
    item.innerHTML =
      `<a class="ps-result__link" href="${escape(new URL(url, root).href)}">` +
      `<span class="ps-result__place">${escape(label)}</span>` +
      (review ? `<span class="ps-result__part">工作回顾</span>` : "") +
      `<span class="ps-result__text">${highlight(text, words)}</span>` +
      `<span class="ps-result__doc">${escape(documentName(entry))}</span></a>`;
    return item;
  };

  /* ---- Running a search ---- */
  let run = 0;
  let current = null;
  let shown = 0;

  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const busy = (yes) => list.setAttribute("aria-busy", String(yes));
  /* 找到 18 句 when the count is exact, 找到至少 20 句 while chunks are left to read. */
  const counted = (found, exact, atLeast) => (found.total === null ? `${atLeast} ${found.results.length} 句` : `${exact} ${found.total} 句`);

  const search = async () => {
    const ticket = ++run;
    busy(true);
    const params = state().toString();
    history.replaceState(history.state, "", `${location.pathname}${params ? "?" + params : ""}`);
    const words = queryWords(input.value);
    if (!words.length) {
      list.replaceChildren();
      more.hidden = true;
      if (regionLine) regionLine.hidden = true;
      say(PROMPT);
      busy(false);
      return;
    }
    say("正在搜索…");
    try {
      await setUp();
      const found = engine.search(words, filterOf());
      await found.fill(PAGE_SIZE, PAGE_CHUNKS);
      await found.finishIfCheap();
      if (ticket !== run) return;
      current = found;
      shown = 0;
      list.replaceChildren();
      await showMore(ticket);
      if (ticket !== run) return;
      await report(ticket);
      busy(false);
    } catch (error) {
      if (ticket === run) {
        say(UNAVAILABLE);
        busy(false);
      }
      throw error;
    }
  };

  /* The count and the counts by region, as far as the search has read. */
  const report = async (ticket) => {
    const text = await summary(current, input.value.trim());
    if (ticket !== run) return;
    say(text);
    showRegions(current);
  };

  const summary = async (found, query) => {
    const results = found.results;
    if (results.length) {
      const documents = new Set(results.map(([number]) => number)).size;
      const where = !libraryScope() ? "（本文件）" : found.exhausted && documents > 1 ? `，分布在 ${documents} 个文件中` : "";
      return `${counted(found, "找到", "找到至少")}${where}。`;
    }
    if (!found.exhausted) return `尚未找到含有“${query}”的句子，还有文件没有查到：点“继续查找”。`;
    if (!libraryScope()) {
      const everywhere = engine.search(found.words.map(({ word }) => word), { part: found.filter.part });
      await everywhere.fill(1);
      if (everywhere.results.length) return `本文件中没有含有“${query}”的句子；${counted(everywhere, "全部文件中有", "全部文件中至少有")}。`;
    }
    return `没有找到含有“${query}”的句子。`;
  };

  /* 北京市 3 · 河南省 5 …: the results found so far by region, each a button keeping to that region. */
  const showRegions = (found) => {
    if (!regionLine) return;
    const regionFilter = filters.find((select) => select.name === "region");
    const counts = new Map();
    for (const [number] of found.results) {
      const region = catalogue.documents.region[number];
      counts.set(region, (counts.get(region) || 0) + 1);
    }
    regionLine.hidden = !libraryScope() || catalogue.regions.length < 2 || !counts.size || Boolean(regionFilter && regionFilter.value);
    if (regionLine.hidden) return;
    const buttons = [...counts.keys()].sort((a, b) => a - b).map((region) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ps-regions__region";
      button.dataset.region = catalogue.regions[region];
      button.textContent = `${catalogue.regions[region] || "其他"} ${counts.get(region)}`;
      return button;
    });
    const label = found.exhausted ? "按地区：" : "按地区（已找到的，至少）：";
    const line = buttons.flatMap((button, k) => (k ? [" · ", button] : [button]));
    if (buttons.length <= FEW_REGIONS) {
      const title = document.createElement("span");
      title.textContent = label;
      regionLine.replaceChildren(title, ...line);
      return;
    }
    // Many regions (a phone would scroll past them to reach the results): the three with most
    // hits, the others a tap away.
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    const most = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3);
    summary.textContent = `${label}${most.map(([region, hits]) => `${catalogue.regions[region] || "其他"} ${hits}`).join(" · ")} 等 ${counts.size} 个地区`;
    details.append(summary, ...line);
    regionLine.replaceChildren(details);
  };

  const showMore = async (ticket) => {
    await current.fill(shown + PAGE_SIZE, PAGE_CHUNKS);
    const batch = current.results.slice(shown, shown + PAGE_SIZE);
    const records = await Promise.all(batch.map(([number, clause]) => engine.clauseRecord(number, clause)));
    if (ticket !== run) return;
    const words = current.words.map(({ word }) => word);
    list.append(...records.map((record) => resultItem(record, words)));
    shown += batch.length;
    // 显示更多 only when there is more: a result beyond those shown found, or looked for a little.
    if (!current.exhausted && current.results.length <= shown) await current.fill(shown + 1, NEAR);
    if (ticket !== run) return;
    more.hidden = current.exhausted && shown >= current.results.length;
    if (current.results.length <= shown) more.textContent = "继续查找";
    else more.textContent = current.total === null ? "显示更多结果" : `显示更多结果（还有 ${current.total - shown} 句）`;
  };

  /* ---- Controls ---- */
  const setAll = (all) => {
    allBox.checked = all;
    thisBox.checked = !all;
  };

  /* The catalogue read, the reader's document found, the filters' options listed (once). */
  const setUp = async () => {
    if (catalogue) return;
    catalogue = await engine.catalogue();
    const number = await engine.documentNumber(docField.value);
    scope = number === null ? null : { number, title: (await engine.documentEntry(number)).title };
    if (scopeBox) scopeBox.hidden = !scope || catalogue.documents.count < 2;
    if (scope && scopeTitle) scopeTitle.textContent = `《${scope.title}》`;
    // One document (an offline bundle): no region, year or kind to choose; plans or review still.
    for (const select of filters) select.closest("label").hidden = catalogue.documents.count < 2;
    const options = {
      region: catalogue.regions.filter(Boolean).map((region) => [region, region]),
      year: catalogue.documents.years.map(([year]) => [String(year), `${year}年`]),
      kind: catalogue.kinds.map(([code, name]) => [code, name]),
    };
    for (const select of filters) {
      for (const [value, label] of options[select.name] || []) select.add(new Option(label, value, false, value === select.dataset.initial));
    }
  };

  let timer = 0;
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
      // A filter of the library searches the whole library.
      if (select.value) setAll(true);
      soon();
    });
  }
  if (partSelect) partSelect.addEventListener("change", soon);
  form.addEventListener("change", (event) => {
    if (event.target.name === "all") soon();
  });
  if (regionLine) {
    regionLine.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-region]");
      const regionFilter = filters.find((select) => select.name === "region");
      if (!button || !regionFilter) return;
      regionFilter.value = button.dataset.region;
      if (filterBox) filterBox.open = true;
      setAll(true);
      search().catch(() => {});
    });
  }
  more.addEventListener("click", () => {
    busy(true);
    const ticket = run;
    showMore(ticket)
      .then(() => report(ticket))
      .then(() => ticket === run && busy(false))
      .catch(() => ticket === run && say(UNAVAILABLE));
  });

  /* ---- The address's state, then the first search ---- */
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  docField.value = params.get("doc") || "";
  for (const select of filters) select.dataset.initial = params.get(select.name) || "";
  if (partSelect) partSelect.value = params.get("part") || "";
  if (filterBox && (filters.some((select) => select.dataset.initial) || (partSelect && partSelect.value))) filterBox.open = true;
  setAll(params.get("all") === "1" || filters.some((select) => select.dataset.initial));
  setUp()
    .then(() => {
      if (input.value.trim()) return search();
      say(PROMPT);
      input.focus();
    })
    .catch(() => say(UNAVAILABLE));
})();
