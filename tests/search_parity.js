/* Runs the search page's engine (theme/assets/search.js) in Node against an index folder, as a
 * reader's browser would: node tests/search_parity.js FOLDER < requests.json > answers.json
 *
 * Each request is {query, doc?, region?, year?, kind?, part?, all?}: with all, every result is read
 * (every chunk); without, the first page as the search page reads it (a page of results, or as many
 * as PAGE_CHUNKS chunks give, read on to the end if few chunks are left, the shown results' texts). Each answer gives the results
 * ([slug, clause index] in order), the exact total or null (the page says 至少 N), the records of
 * the first page ([label, text, URL, review]), and the bytes and number of index files read (a
 * reader's first query: nothing cached).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const folder = process.argv[2];
vm.runInThisContext(fs.readFileSync(path.join(__dirname, "..", "theme", "assets", "search.js"), "utf8"));
const { createEngine, queryWords, PAGE_SIZE, PAGE_CHUNKS } = globalThis.plansiteSearch;

const answer = async (request) => {
  const read = new Map();
  const engine = createEngine(async (file) => {
    const data = fs.readFileSync(path.join(folder, file));
    read.set(file, data.length);
    return new Uint8Array(data);
  });
  const catalogue = await engine.catalogue();
  const filter = { part: request.part || "" };
  if (request.doc) filter.document = await engine.documentNumber(request.doc);
  if (request.region) filter.region = catalogue.regions.indexOf(request.region);
  if (request.year) filter.year = request.year;
  if (request.kind) filter.kind = catalogue.kinds.findIndex(([code]) => code === request.kind);
  const search = engine.search(queryWords(request.query), filter);
  await search.fill(request.all ? Infinity : PAGE_SIZE, request.all ? Infinity : PAGE_CHUNKS);
  if (!request.all) await search.finishIfCheap();
  const page = await Promise.all(search.results.slice(0, PAGE_SIZE).map(([number, clause]) => engine.clauseRecord(number, clause)));
  const bytes = [...read.values()].reduce((sum, size) => sum + size, 0);
  const files = read.size;
  const slugs = new Map();
  for (const [number] of search.results) if (!slugs.has(number)) slugs.set(number, (await engine.documentEntry(number)).slug);
  return {
    results: search.results.map(([number, clause]) => [slugs.get(number), clause]),
    total: search.total,
    exhausted: search.exhausted,
    page: page.map(({ label, text, url, review }) => [label, text, url, review]),
    bytes,
    files,
  };
};

(async () => {
  const requests = JSON.parse(fs.readFileSync(0, "utf8"));
  const answers = [];
  for (const request of requests) answers.push(await answer(request));
  process.stdout.write(JSON.stringify(answers));
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
