// Engine tests on a fixture index built by the Java indexer (NodeSuiteTest writes it and sets SD101_FIXTURE_SITE).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EditionsSearch, SearchEngine, analyzeQuery, chunkPath, cjkBigrams, koreanStems, scorePostings, snippet } from "../../../../templates/theme/assets/search-engine.js";

const site = process.env.SD101_FIXTURE_SITE;
const skip = site ? false : "SD101_FIXTURE_SITE not set (run through NodeSuiteTest / mvn test)";

function engine() {
  const fetched = [];
  const e = new SearchEngine(async (p) => { fetched.push(p); return readFile(join(site, p), "utf8"); });
  return { e, fetched };
}

async function urls(query) {
  const { results } = await engine().e.search(query, { limit: 5 });
  return results.map((r) => r.url);
}

const first = async (query) => (await urls(query))[0] ?? "";

test("Korean with a particle the text also uses", { skip }, async () => {
  assert.match(await first("Redis는"), /^redis\/#/);
});

test("other particle than the text (캐시를 for 캐시는)", { skip }, async () => {
  assert.match(await first("캐시를"), /^redis\/#/);
});

test("partial word finds the whole (쿠버 → 쿠버네티스)", { skip }, async () => {
  assert.match(await first("쿠버"), /^kubernetes\//);
});

test("words run together (API게이트웨이 for API 게이트웨이)", { skip }, async () => {
  assert.match(await first("API게이트웨이"), /^gateway\//);
});

test("a sub-section is found with its own #id", { skip }, async () => {
  assert.equal(await first("스케줄러가"), "kubernetes/#control-plane");
});

test("English: plural and singular, prefix", { skip }, async () => {
  assert.match(await first("microservice queues"), /^english\//);
  assert.match(await first("Kube"), /^kubernetes\//);
});

test("mixed Korean and English", { skip }, async () => {
  assert.match(await first("Kubernetes 컨테이너"), /^kubernetes\//);
});

test("no results", { skip }, async () => {
  assert.deepEqual(await urls("zzqxv"), []);
  assert.deepEqual(await urls("ㅋㅋㅋ"), []);
});

test("bad input: empty, blank, punctuation only, very long, markup", { skip }, async () => {
  for (const q of ["", "   ", "!!! ??? ...", "\u0000\uffff", null, undefined]) {
    assert.deepEqual((await engine().e.search(q)).results, [], String(q));
  }
  const long = "캐시 Redis ".repeat(100);
  const t0 = performance.now();
  await engine().e.search(long);
  assert.ok(performance.now() - t0 < 1000, "a 1,000-char query must not freeze");
  const { results } = await engine().e.search("<script>alert(1)</script>");
  assert.ok(results.length >= 1);
  for (const r of results) {
    for (const part of r.snippet) assert.equal(typeof part.text, "string"); // text only; the UI makes text nodes
  }
  assert.equal(results[0].url, "xss/#xss");
  assert.equal(results[0].title, "<script>alert(1)</script>"); // the literal text, shown as text, never parsed
});

test("the first query fetches meta, a few chunks and the shown fragments only", { skip }, async () => {
  const { e, fetched } = engine();
  await e.search("Redis", { limit: 3 });
  assert.equal(fetched[0], "search/meta.json");
  assert.ok(fetched.every((p) => p.startsWith("search/")));
  assert.ok(fetched.filter((p) => p.startsWith("search/f/")).length <= 10);
});

test("results whose sections share a fragment bundle fetch it once", { skip }, async () => {
  const { e, fetched } = engine();
  const { results } = await e.search("무엇", { limit: 8 }); // three sections, all in bundle 0 of the fixture
  assert.ok(results.length >= 2, JSON.stringify(results.map((r) => r.url)));
  const bundles = fetched.filter((p) => p.startsWith("search/f/"));
  assert.ok(bundles.length >= 1 && bundles.length < results.length, JSON.stringify(fetched));
  assert.equal(new Set(fetched).size, fetched.length, JSON.stringify(fetched));
  for (const r of results) assert.equal(typeof r.url, "string"); // every result found its fragment in the bundle
});

test("results carry breadcrumb, title and a highlighted snippet", { skip }, async () => {
  const { results } = await engine().e.search("멀티플렉싱", { limit: 1 });
  assert.deepEqual(results[0].breadcrumb, ["캐시"]);
  assert.equal(results[0].title, "Redis는 왜 빠른가요?");
  assert.ok(results[0].snippet.some((p) => p.hit && p.text === "멀티플렉싱"), JSON.stringify(results[0].snippet));
});

test("query analysis: particle-only words are dropped, stems are offered", () => {
  assert.deepEqual(analyzeQuery("Redis는").map((w) => w.form), ["redis"]);
  assert.ok(koreanStems("서비스들을").includes("서비스"));
  assert.deepEqual(koreanStems("캐시를"), ["캐시"]);
  assert.deepEqual(analyzeQuery("").length, 0);
});

test("snippet marks every occurrence and never exceeds the text", () => {
  const parts = snippet("캐시는 빠르다. 캐시를 쓴다.", ["캐시"]);
  assert.equal(parts.filter((p) => p.hit).length, 2);
  assert.equal(parts.map((p) => p.text).join(""), "캐시는 빠르다. 캐시를 쓴다.");
});

test("typos: Hangul by jamo (one jamo changed, dropped or added is one edit), Latin by Damerau–Levenshtein", async () => {
  const { jamo, editDistance, closest } = await import("../../../../templates/theme/assets/search-engine.js");
  const d = (a, b) => editDistance(jamo(a), jamo(b), 2);
  assert.equal(d("캐쉬", "캐시"), 1);      // ㅟ for ㅣ
  assert.equal(d("결재", "결제"), 1);      // ㅐ for ㅔ
  assert.equal(d("컴맨드", "커맨드"), 1);  // an extra final ㅁ
  assert.equal(d("아키텍쳐", "아키텍처"), 1);
  assert.equal(editDistance("kafak", "kafka", 1), 1); // two letters swapped
  assert.equal(editDistance("dokcer", "docker", 1), 1);
  assert.equal(editDistance("kuberntes", "kubernetes", 2), 1);
  assert.equal(editDistance("redis", "docker", 2), 3);
  const vocab = ["kubernetes", "kube", "docker"].map((term) => ({ term, key: term }));
  assert.deepEqual(closest("kuberntes", vocab, false), [{ term: "kubernetes", distance: 1 }]);
});

test("glossary keys: Hangul words run together, Latin words stemmed (as Lexicon.key)", async () => {
  const { glossaryKey } = await import("../../../../templates/theme/assets/search-engine.js");
  assert.equal(glossaryKey(["로드", "밸런서"]), "로드밸런서");
  assert.equal(glossaryKey(["load", "balancers"]), "load balancer");
  assert.equal(glossaryKey(["api", "게이트웨이"]), "api 게이트웨이");
});

// ---------------------------------------------------------------- editions: the own edition first, then the others

function editions(few, { failing = false } = {}) {
  const own = engine();
  const fetched = [];
  const load = async (p) => {
    fetched.push(p);
    if (failing) throw new Error(p + ": HTTP 404");
    return readFile(join(site, "en", p), "utf8");
  };
  const errors = [];
  const search = new EditionsSearch(own.e, [{ lang: "en", name: "English", root: "../en/", load }], { few });
  return { search, own: own.fetched, fetched, errors, onError: (e, error) => errors.push(e.lang + ": " + error.message) };
}

test("editions: a query the own edition answers well enough downloads nothing of the others", { skip }, async () => {
  const x = editions(1);
  const answer = await x.search.search("Redis", { limit: 5 });
  assert.match(answer.results[0].url, /^redis\//);
  assert.deepEqual(answer.others, []);
  assert.deepEqual(x.fetched, [], "the English index is not loaded");
  assert.ok(x.own.includes("search/meta.json"));
});

test("editions: fewer own results than the threshold: the other editions' results follow, labelled", { skip }, async () => {
  const x = editions(5);
  const answer = await x.search.search("Redis", { limit: 8, otherLimit: 3 });
  assert.match(answer.results[0].url, /^redis\//, "the own edition's result comes first");
  assert.equal(answer.others.length, 1);
  const [en] = answer.others;
  assert.deepEqual([en.lang, en.name, en.root], ["en", "English", "../en/"]);
  assert.equal(en.results[0].url, "redis/#redis");
  assert.equal(en.results[0].title, "Why is Redis so fast?");
  assert.ok(x.fetched.includes("search/meta.json"), "loaded relative to the other edition's root: " + x.fetched);
});

test("editions: nothing in the own edition, found in another (with its language's analysis)", { skip }, async () => {
  const x = editions(5);
  const answer = await x.search.search("webhooks");
  assert.deepEqual(answer.results, []);
  assert.deepEqual(answer.others.map((o) => o.results.map((r) => r.url)), [["webhook/#webhook"]]);
  // An edition without a result is left out, so an empty group is never shown.
  assert.deepEqual((await x.search.search("zzqxv")).others, []);
  assert.deepEqual((await x.search.search("   ")).others, []);
});

test("editions: another edition's index failing to load leaves the own results, and is reported", { skip }, async () => {
  const x = editions(5, { failing: true });
  const answer = await x.search.search("Redis", { onError: x.onError });
  assert.match(answer.results[0].url, /^redis\//);
  assert.deepEqual(answer.others, []);
  assert.match(x.errors[0], /^en: search\/meta\.json: HTTP 404/);
});

test("CJK words are also looked up by the bigrams of each Han/kana run, as Japanese and Chinese editions index them", () => {
  assert.deepEqual(cjkBigrams("システム設計"), ["シス", "ステ", "テム", "ム設", "設計"]);
  assert.deepEqual(cjkBigrams("サーバー"), ["サー", "ーバ", "バー"], "the prolonged sound mark belongs to the run");
  assert.deepEqual(cjkBigrams("Redis缓存"), ["缓存"], "Latin letters end a run");
  assert.deepEqual(cjkBigrams("图a设计"), ["图", "设计"], "a lone character is its own unigram");
  assert.deepEqual(cjkBigrams("캐시"), [], "Hangul has its own bigrams");
  const [word] = analyzeQuery("系统设计");
  assert.deepEqual(word.alts.find((a) => a.bigrams).bigrams, ["系统", "统设", "设计"]);
  assert.equal(analyzeQuery("设计")[0].alts.some((a) => a.bigrams), false, "one bigram: the word itself is that term");
});

/** An index in memory, one chunk per term (so the fetches show which terms were looked up): terms → sections. */
function memoryIndex(n, lists, stop) {
  const LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV", MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_";
  const num = (v) => { let s = LAST[v & 31]; for (v >>>= 5; v; v >>>= 5) s = MORE[v & 31] + s; return s; };
  const terms = Object.keys(lists).sort();
  // Each posting: frequency 1, length class 2 (Postings.code), no title hit.
  const files = { "search/meta.json": { v: 3, n, l: n * 32, g: 6, chunks: terms, ...(stop ? { s: stop } : {}) } };
  const termOf = new Map();
  terms.forEach((t) => {
    let prev = -1, p = "";
    for (const s of lists[t]) { p += num(s - prev) + num(4); prev = s; }
    files[chunkPath(t)] = { t: [t], p: [p] };
    termOf.set(chunkPath(t), t);
  });
  for (let k = 0; k * 6 < n; k++) {
    files["search/f/" + k + ".json"] = Array.from({ length: Math.min(6, n - k * 6) }, (_, j) => ({ u: "s" + (k * 6 + j) + "/", t: "T", h: "", b: [], x: "text" }));
  }
  const fetched = [];
  const e = new SearchEngine(async (p) => { fetched.push(p); if (!files[p]) throw new Error("404 " + p); return JSON.stringify(files[p]); });
  return { e, fetched, terms: (paths) => paths.filter((p) => p.startsWith("search/terms/")).map((p) => termOf.get(p)) };
}

test("a compound's stop bigrams are not fetched: its other bigrams match it; a word of stop bigrams only, by its whole forms", async () => {
  const all = Array.from({ length: 40 }, (_, i) => i);
  // 분산캐시 is no term: its bigrams 분산, 산캐, 캐시 are; 분산 and 캐시 are in most sections (stop), 산캐 in 3.
  // 분산기 sorts just before 분산캐시: the word's own lookup lands in its chunk, not in 분산's; the lexicon's
  // lookups (they sort first) land in a's.
  const lists = { "a": [0], "분산": all, "분산기": [5], "산캐": [3, 17, 30], "캐시": all.filter((s) => s % 2 === 0 || s === 17) };
  const { e, fetched, terms } = memoryIndex(40, lists, ["캐시", "분산"]);
  const { results } = await e.search("분산캐시", { limit: 8 });
  assert.deepEqual(terms(fetched).sort(), ["a", "분산기", "산캐"], "the stop bigrams are left out");
  assert.deepEqual(results.map((r) => r.url).sort(), ["s17/", "s3/", "s30/"]);
  // Without a stop list every bigram is looked up; the sections with all three come first.
  const plain = memoryIndex(40, lists, null);
  const r2 = await plain.e.search("분산캐시", { limit: 8 });
  assert.deepEqual(plain.terms(plain.fetched).sort(), ["a", "분산", "분산기", "산캐", "캐시"]);
  assert.deepEqual(r2.results.slice(0, 2).map((r) => r.url).sort(), ["s17/", "s30/"]);
  // 캐시분산's bigrams (캐시, 시분, 분산) are all stop bigrams: it is no typo (no vocabulary fetched), and the
  // other word decides.
  const common = memoryIndex(40, { "a": [0], "분산": all, "분산캐": [7], "시분": all, "캐시": all }, ["분산", "시분", "캐시"]);
  const r3 = await common.e.search("분산캐 캐시분산", { limit: 8 });
  assert.ok(!common.fetched.some((p) => p.includes("vocab")), JSON.stringify(common.fetched));
  // (캐시's chunk is where the whole word 캐시분산 would sort; 시분's and 분산's are never fetched.)
  assert.deepEqual(common.terms(common.fetched).filter((t) => t === "시분" || t === "분산"), []);
  assert.deepEqual(r3.results.map((r) => r.url), ["s7/"]);
});

test("chunk files are named by their keys' UTF-8 in hex (ClientIndexWriter.chunkPath)", () => {
  assert.equal(chunkPath("a"), "search/terms/61.json");
  assert.equal(chunkPath("\u0001캐"), "search/terms/01ecba90.json");
});

test("BM25 in the browser: a rarer term, a higher frequency and a shorter section score higher", () => {
  // [section, code, title]: code = frequency level * 16 + length class (Postings.code).
  const score = (list, n) => scorePostings(list.slice(), n, n * 128);
  const [, rare] = score([0, 6, 0], 1000);
  const [, common] = score([0, 6, 0, 1, 6, 0, 2, 6, 0, 3, 6, 0], 1000);
  assert.ok(rare > common, `${rare} > ${common}`);
  const p = score([0, 6, 0, 1, 1 * 16 + 6, 0, 2, 2, 0, 3, 12, 0], 1000);
  assert.ok(p[4] > p[1], "frequency 2 above 1");
  assert.ok(p[7] > p[1] && p[1] > p[10], "shorter above longer");
  // Lucene's BM25 with k1 = 1.2, b = 0.75: tf 1 in a section of the average length (class 6: 2^7 = 128) is idf × 1.
  const [, one] = scorePostings([0, 6, 0], 10, 10 * 128);
  assert.ok(Math.abs(one - Math.log(1 + 9.5 / 1.5)) < 1e-12, String(one));
});
