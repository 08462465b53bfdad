// Search-quality and cost benchmark: runs query sets through the real engine (search-engine.js) on a built
// index and prints recall@1, recall@5 and MRR next to the whitespace+prefix baseline, plus index size, the gzip
// bytes a first query costs (scripts + every file it fetches) and warm query times.
//
//   node generator/src/test/js/benchmark.mjs <site dir with search/> <assets dir> <queries.tsv>...
//
// Output lines starting with "RESULT" are machine-readable (SearchQualityIT parses them).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, basename } from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { BaselineEngine } from "./baseline.mjs";

const [siteDir, assetsDir, ...sets] = process.argv.slice(2);
if (!siteDir || !assetsDir || sets.length === 0) {
  console.error("usage: benchmark.mjs <site dir> <assets dir> <queries.tsv>...");
  process.exit(2);
}
const { SearchEngine } = await import(pathToFileURL(join(assetsDir, "search-engine.js")).href);
const LIMIT = 8;

const gz = (buf) => gzipSync(buf, { level: 6 }).length;
const read = (p) => readFileSync(join(siteDir, p), "utf8");

function readSet(file) {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#")).map((l) => {
    const [query, answers, kind] = l.split("\t");
    return { query, answers: answers.split(",").map((a) => a.trim()), kind: kind?.trim() };
  });
}

const article = (url) => decodeURIComponent(url.split("#")[0]).replace(/\/$/, "");

function rankOf(urls, answers) {
  const i = urls.findIndex((u) => answers.includes(article(u)));
  return i < 0 ? Infinity : i + 1;
}

function scores(ranks) {
  const n = ranks.length;
  const r1 = ranks.filter((r) => r <= 1).length / n;
  const r5 = ranks.filter((r) => r <= 5).length / n;
  const mrr = ranks.reduce((s, r) => s + (r === Infinity ? 0 : 1 / r), 0) / n;
  return { r1, r5, mrr };
}

function walk(dir) {
  return readdirSync(dir).flatMap((f) => statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]);
}

const indexFiles = walk(join(siteDir, "search"));
const indexRaw = indexFiles.reduce((s, f) => s + statSync(f).size, 0);
const indexGz = indexFiles.reduce((s, f) => s + gz(readFileSync(f)), 0);
const scriptGz = ["search-engine.js", "search-ui.js"].reduce((s, f) => s + gz(readFileSync(join(assetsDir, f))), 0);
const meta = JSON.parse(read("search/meta.json"));
// Fragments are bundled meta.g to a file (format 2); an index without g (format 1) has one file per section.
const fragments = meta.g
  ? Array.from({ length: Math.ceil(meta.n / meta.g) }, (_, k) => JSON.parse(read("search/f/" + k + ".json"))).flat()
  : Array.from({ length: meta.n }, (_, i) => JSON.parse(read("search/f/" + i + ".json")));
if (fragments.length !== meta.n) throw new Error(`fragment files hold ${fragments.length} sections, meta.json says ${meta.n}`);
const baseline = new BaselineEngine(fragments);

console.log(`index: ${indexFiles.length} files, ${indexRaw} bytes raw, ${indexGz} bytes gzip (file by file); `
  + `${meta.n} sections, ${meta.chunks.length} term chunks; scripts ${scriptGz} bytes gzip`);

const warm = new SearchEngine(async (p) => read(p));
const allTimes = [];
const firstQueryBytes = [];
for (const file of sets) {
  const queries = readSet(file);
  const ours = [], base = [], misses = [];
  const byKind = new Map(); // kind → ranks (sets with a third column)
  for (const { query, answers, kind } of queries) {
    // Cold engine per query: what a reader's first query downloads.
    let fetched = 0;
    const cold = new SearchEngine(async (p) => { const t = read(p); fetched += gz(Buffer.from(t)); return t; });
    const { results } = await cold.search(query, { limit: LIMIT });
    firstQueryBytes.push(scriptGz + fetched);
    const r = rankOf(results.map((x) => x.url), answers);
    ours.push(r);
    if (kind) { if (!byKind.has(kind)) byKind.set(kind, []); byKind.get(kind).push(r); }
    if (r > 1) misses.push(`${query} → ${r === Infinity ? "not found" : "rank " + r}`);
    base.push(rankOf(baseline.search(query, LIMIT).map((x) => x.url), answers));
  }
  // Warm timings: all files cached, as after the first few keystrokes.
  for (const { query } of queries) await warm.search(query, { limit: LIMIT });
  for (let round = 0; round < 20; round++) {
    for (const { query } of queries) {
      const t0 = process.hrtime.bigint();
      await warm.search(query, { limit: LIMIT });
      allTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const o = scores(ours), b = scores(base);
  const name = basename(file).replace(/\.tsv$/, "");
  const f = (x) => x.toFixed(3);
  console.log(`\n${name} (${queries.length} queries)         recall@1  recall@5  MRR`);
  console.log(`  sd101                         ${f(o.r1)}     ${f(o.r5)}     ${f(o.mrr)}`);
  console.log(`  whitespace+prefix baseline    ${f(b.r1)}     ${f(b.r5)}     ${f(b.mrr)}`);
  for (const [kind, ranks] of byKind) {
    const k = scores(ranks);
    console.log(`  ${(kind + " (" + ranks.length + ")").padEnd(30)}${f(k.r1)}     ${f(k.r5)}     ${f(k.mrr)}`);
    console.log(`RESULT set=${name} kind=${kind} engine=sd101 r1=${f(k.r1)} r5=${f(k.r5)} mrr=${f(k.mrr)}`);
  }
  if (misses.length) console.log("  not first: " + misses.join("; "));
  console.log(`RESULT set=${name} engine=sd101 r1=${f(o.r1)} r5=${f(o.r5)} mrr=${f(o.mrr)}`);
  console.log(`RESULT set=${name} engine=baseline r1=${f(b.r1)} r5=${f(b.r5)} mrr=${f(b.mrr)}`);
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
console.log(`\nfirst query (scripts + fetched files, gzip): median ${pct(firstQueryBytes, 0.5)} B, max ${Math.max(...firstQueryBytes)} B`);
console.log(`warm query time: p50 ${pct(allTimes, 0.5).toFixed(3)} ms, p95 ${pct(allTimes, 0.95).toFixed(3)} ms (${allTimes.length} runs)`);
console.log(`RESULT cost indexBytes=${indexRaw} firstQueryMaxGzip=${Math.max(...firstQueryBytes)} p50ms=${pct(allTimes, 0.5).toFixed(3)} p95ms=${pct(allTimes, 0.95).toFixed(3)}`);
