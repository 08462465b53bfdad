// sd101 search engine: a DOM-free ES module (the browser UI and the Node tests share it).
//
// The index (built by dev.sd101.search.SearchIndexer) holds, in one sorted term space:
//   - surface terms: words split at whitespace/punctuation and at Hangul/non-Hangul boundaries, lowercased,
//     ASCII-folded, Latin words plus their light English stem, Hangul words as character bigrams;
//   - Nori morphemes of the Korean text (compounds and their parts, particles and endings removed).
// The browser cannot run Nori, so a query word is looked up in the forms the index also holds: the word itself,
// the word without a trailing particle/ending, terms it is a prefix of, and its Hangul bigrams.
// surfaceTerms() must equal the Java surface analyzer: token-vectors.tsv is checked by both test suites.

const LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
const MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_";
const FORMAT = 3;       // 3: postings hold local codes (the engine scores BM25F), chunk files named by their keys
const MAX_QUERY_CHARS = 200;   // bounds the work a pasted essay can cause
const MAX_WORDS = 10;
const MAX_EXPANSIONS = 60;     // prefix matches per word; more adds noise, not recall
const PHRASE_RERANK = 10;      // how many top results are checked for the exact phrase
const ALIAS = "\u0001";       // lexicon keys (Lexicon.java): Hangul spelling → Latin terms
const GLOSS = "\u0002";       // glossary key → words that mean the same
const ALIAS_WEIGHT = 0.75;     // a spelling of the word: above bigram noise, below the word itself
const GLOSS_WEIGHT = 0.6;      // another word for the phrase: below the phrase's own matches
const FUZZY_WEIGHT = 0.6;      // a word one edit away (two: three quarters of it)
const MIN_FUZZY_LATIN = 4;     // Lexicon.MIN_FUZZY_LATIN
const MAX_CORRECTIONS = 2;     // closest words tried per typo
const MAX_SYNONYMS = 4;        // other words tried per glossary phrase
const FEW = 3;                 // a Latin word matching fewer sections than this, none whole, may be a typo

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const DIGIT = /\p{Nd}/u;

// ---------------------------------------------------------------- analysis (mirrors the Java side)

/** Splits text into raw tokens exactly as SurfaceTokenizer does: [{text, hangul}]. */
export function splitWords(input) {
  const text = String(input).normalize("NFKC");
  const cps = Array.from(text);
  const out = [];
  let i = 0;
  while (i < cps.length) {
    while (i < cps.length && !WORD_CHAR.test(cps[i])) i++;
    if (i >= cps.length) break;
    const start = i;
    const hangul = HANGUL.test(cps[i]);
    while (i < cps.length) {
      const c = cps[i];
      if (WORD_CHAR.test(c) && HANGUL.test(c) === hangul) {
        i++;
      } else if (c === "." && !hangul && i > start && DIGIT.test(cps[i - 1]) && i + 1 < cps.length && DIGIT.test(cps[i + 1])) {
        i++;
      } else {
        break;
      }
    }
    out.push({ text: cps.slice(start, i).join(""), hangul });
  }
  return out;
}

// Letters ASCIIFoldingFilter folds to more than one letter, or that NFD does not decompose.
const FOLD_SPECIAL = {
  "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i", "ħ": "h",
  "ŀ": "l", "ŧ": "t", "ŋ": "n", "ĸ": "q", "ſ": "s",
};

/** Lowercase + ASCII folding of Latin letters (Hangul and other scripts pass through unchanged). */
export function fold(word) {
  let out = "";
  for (const ch of word) {
    const lower = ch.toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) < 0x80) { out += lower; continue; }
    if (FOLD_SPECIAL[lower]) { out += FOLD_SPECIAL[lower]; continue; }
    if (/\p{Script=Latin}/u.test(lower)) {
      const base = lower.normalize("NFD").replace(/\p{M}/gu, "");
      out += /^[\x00-\x7f]+$/.test(base) ? base : lower;
    } else {
      out += lower;
    }
  }
  return out;
}

/** Lucene's EnglishMinimalStemmer (Harman's S-stemmer). */
export function stem(w) {
  const n = w.length;
  if (n < 3 || w[n - 1] !== "s") return w;
  switch (w[n - 2]) {
    case "u": case "s": return w;
    case "e":
      if (n > 3 && w[n - 3] === "i" && w[n - 4] !== "a" && w[n - 4] !== "e") return w.slice(0, n - 3) + "y";
      if (w[n - 3] === "i" || w[n - 3] === "a" || w[n - 3] === "o" || w[n - 3] === "e") return w;
      return w.slice(0, n - 1);
    default: return w.slice(0, n - 1);
  }
}

/** Character bigrams of a Hangul word; a one-syllable word is its own unigram (as CJKBigramFilter does). */
export function bigrams(word) {
  const cps = Array.from(word);
  if (cps.length === 1) return [word];
  const out = [];
  for (let i = 0; i + 1 < cps.length; i++) out.push(cps[i] + cps[i + 1]);
  return out;
}

// Han, kana and the prolonged sound mark (ー, script Common): TermAnalysis.isCjk.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;

/**
 * Character bigrams of each run of Han and kana in a word (a one-character run is its own unigram): what a
 * Japanese or Chinese edition's index also holds (TermAnalysis.cjkBigrams), so that a compound typed without
 * spaces (システム設計) finds the text the segmenter split into words.
 */
export function cjkBigrams(word) {
  const out = [];
  let run = [];
  const flush = () => { if (run.length) out.push(...bigrams(run.join(""))); run = []; };
  for (const ch of word) {
    if (CJK.test(ch)) run.push(ch); else flush();
  }
  flush();
  return out;
}

/** The surface terms of a text, in order: what the Java surface analyzer emits. */
export function surfaceTerms(text) {
  const out = [];
  for (const w of splitWords(text)) {
    const f = fold(w.text);
    if (w.hangul) {
      out.push(...bigrams(f));
    } else {
      out.push(f);
      const s = stem(f);
      if (s !== f) out.push(s);
    }
  }
  return out;
}

// Trailing particles (josa), plural 들 and common light-verb endings, longest first. The index holds Nori's
// morphemes without them, so "캐시를" must also be looked up as "캐시".
const SUFFIXES = [
  "에서부터", "으로부터", "이라는", "에서는", "에게서", "으로서", "으로써", "으로는", "에서도", "이라고", "라고", "하려면",
  "합니다", "하나요", "입니다", "인가요", "되나요", "됩니다", "에서", "에게", "에는", "에도", "으로", "로서", "로써", "로는",
  "까지", "부터", "보다", "처럼", "마다", "이나", "이란", "라는", "하는", "하기", "하고", "하여", "해서", "하면", "한다",
  "했다", "하다", "되는", "되어", "적인", "적으로", "들을", "들이", "들은", "들의", "들과", "들에", "이며", "이고", "이다",
  "란", "과", "와", "의", "을", "를", "은", "는", "이", "가", "에", "로", "도", "만", "들", "한", "할", "된", "적",
];

const PARTICLES = new Set(SUFFIXES);

/** A Hangul word and the stems left after removing up to two trailing particles/endings. */
export function koreanStems(word) {
  const out = [];
  let current = word;
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => current.length > s.length && current.endsWith(s));
    if (!suffix) break;
    current = current.slice(0, current.length - suffix.length);
    out.push(current);
  }
  return out;
}

/** What the engine looks up for a query: per word, alternatives with weights. */
export function analyzeQuery(query) {
  let words = splitWords(String(query ?? "").slice(0, MAX_QUERY_CHARS)).slice(0, MAX_WORDS);
  // A word that is only a particle ("Redis는" splits into "redis" and "는") carries no topic; it would match
  // nearly every section and outvote the real words in coordination.
  const content = words.filter((w) => !(w.hangul && PARTICLES.has(w.text.normalize("NFKC"))));
  if (content.length > 0) words = content;
  return words.map((w) => {
    const form = fold(w.text);
    const alts = [{ term: form, weight: 1 }];
    if (w.hangul) {
      for (const s of koreanStems(form)) alts.push({ term: s, weight: 0.9 });
      if (Array.from(form).length >= 2) alts.push({ term: form, weight: 0.75, prefix: true });
      const grams = bigrams(form);
      if (grams.length >= 2) alts.push({ bigrams: grams, weight: 0.7 });
    } else {
      const s = stem(form);
      if (s !== form) alts.push({ term: s, weight: 0.95 });
      if (form.length >= 2) alts.push({ term: form, weight: 0.6, prefix: true });
      const grams = cjkBigrams(form);
      if (grams.length >= 2) alts.push({ bigrams: grams, weight: 0.7 });
    }
    return { text: w.text, form, hangul: w.hangul, alts };
  });
}

// ---------------------------------------------------------------- index access

// Postings.java: a posting's code is a term frequency level (TF_LEVELS) times LENGTH_CLASSES plus a length class,
// class c standing for a field-weighted length of 2^((c + LENGTH_OFFSET) / 2).
const TF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 128, 192];
const LENGTH_CLASSES = 16;
const LENGTH_OFFSET = 8;
const K1 = 1.2, B = 0.75;

/** Decodes a postings string into [section, code, titleHit, section, code, titleHit, ...]. */
export function decodePostings(s) {
  const out = [];
  let value = 0, nth = 0, section = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const last = LAST.indexOf(c);
    if (last < 0) { value = value * 32 + MORE.indexOf(c); continue; }
    value = value * 32 + last;
    if (nth % 2 === 0) { section += value; out.push(section); }
    else { out.push(value >> 1, value & 1); }
    nth++;
    value = 0;
  }
  return out;
}

/**
 * A decoded list with each code replaced by its BM25 score: idf from the list's length (the number of sections
 * holding the term) and the section count `n`, the length norm from the section's length class and the average length
 * (`total` / `n`), as Lucene's BM25 computes them with k1 = 1.2, b = 0.75.
 */
export function scorePostings(p, n, total) {
  const df = p.length / 3;
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const avg = Math.max(total / Math.max(n, 1), 1e-9);
  for (let k = 1; k < p.length; k += 3) {
    const tf = TF_LEVELS[Math.floor(p[k] / LENGTH_CLASSES)];
    const length = 2 ** (((p[k] % LENGTH_CLASSES) + LENGTH_OFFSET) / 2);
    p[k] = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg));
  }
  return p;
}

/** A term chunk's file (ClientIndexWriter.chunkPath): its key's UTF-8 in hex. */
export function chunkPath(key) {
  let hex = "";
  for (const b of new TextEncoder().encode(key)) hex += (b < 16 ? "0" : "") + b.toString(16);
  return "search/terms/" + hex + ".json";
}

function upperBound(sorted, key) { // first index with sorted[i] > key
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] <= key) lo = mid + 1; else hi = mid; }
  return lo;
}

function lowerBound(sorted, key) { // first index with sorted[i] >= key
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < key) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * A search engine over one site's index. `load(path)` returns a promise of the text of a file relative to the
 * site root (e.g. "search/meta.json"); files are fetched once and cached.
 */
export class SearchEngine {
  constructor(load) {
    this._load = load;
    this._files = new Map();
    this._chunks = new Map();
    this._decoded = new Map();
    this._squash = new Map();
    this._vocabs = new Map();
    this._corrected = new Map();
    this._expanded = new Map();
  }

  _json(path) {
    let p = this._files.get(path);
    if (!p) {
      p = Promise.resolve().then(() => this._load(path)).then((text) => JSON.parse(text));
      p.catch(() => this._files.delete(path)); // a failed fetch may be retried by the next query
      this._files.set(path, p);
    }
    return p;
  }

  async _meta() {
    const meta = await this._json("search/meta.json");
    if (meta.v !== FORMAT) throw new Error("search index format " + meta.v + ", engine expects " + FORMAT);
    return meta;
  }

  /** Chunk numbers that may hold `term` (or, for a prefix, any term starting with it). */
  _chunkRange(meta, term, prefix) {
    const first = Math.max(0, upperBound(meta.chunks, term) - 1);
    const last = prefix ? Math.max(0, upperBound(meta.chunks, term + "\uffff") - 1) : first;
    const out = [];
    for (let i = first; i <= last; i++) out.push(i);
    return out;
  }

  async _ensureChunks(meta, numbers) {
    await Promise.all(numbers.map(async (n) => {
      if (!this._chunks.has(n)) this._chunks.set(n, await this._json(chunkPath(meta.chunks[n])));
    }));
  }

  _postings(meta, chunkNo, i) {
    const key = chunkNo + ":" + i;
    let p = this._decoded.get(key);
    if (!p) { p = scorePostings(decodePostings(this._chunks.get(chunkNo).p[i]), meta.n, meta.l); this._decoded.set(key, p); }
    return p;
  }

  /** Postings lists for a term, or for every term starting with it: [[term, postings], ...]. */
  _lookup(meta, term, prefix) {
    const found = [];
    for (const n of this._chunkRange(meta, term, prefix)) {
      const chunk = this._chunks.get(n);
      if (!chunk) continue;
      let i = lowerBound(chunk.t, term);
      if (!prefix) {
        if (chunk.t[i] === term) found.push([term, this._postings(meta, n, i)]);
        continue;
      }
      for (; i < chunk.t.length && chunk.t[i].startsWith(term) && found.length < MAX_EXPANSIONS; i++) {
        if (chunk.t[i] !== term) found.push([chunk.t[i], this._postings(meta, n, i)]);
      }
    }
    return found;
  }

  _squashed(section, f) { // per section, computed once: squashing is the costliest step of a warm query
    let sq = this._squash.get(section);
    if (!sq) { sq = { title: squash(f.t + " " + f.h), text: squash(f.x) }; this._squash.set(section, sq); }
    return sq;
  }

  /** The raw value of a lexicon entry (an alias or glossary key, see Lexicon.java), or null. */
  _entry(meta, key) {
    const [n] = this._chunkRange(meta, key, false);
    const chunk = this._chunks.get(n);
    if (!chunk) return null;
    const i = lowerBound(chunk.t, key);
    return chunk.t[i] === key && chunk.p[i][0] === "=" ? chunk.p[i].slice(1) : null;
  }

  /**
   * The bigrams of a word to look up: without the site's stop bigrams (meta.s: on a large site those in an eighth
   * of the sections or more, each list kilobytes that narrow the match little). None when all are stop bigrams:
   * the word is then as common as a stop word (어떻게, 무엇), and matches by its whole forms only.
   */
  _grams(meta, grams) {
    if (!meta.s) return grams;
    if (!this._stop) this._stop = new Set(meta.s);
    return grams.filter((g) => !this._stop.has(g));
  }

  async _fetchTerms(meta, alts) {
    const needed = new Set();
    for (const a of alts) for (const t of a.bigrams ? this._grams(meta, a.bigrams) : [a.term]) for (const n of this._chunkRange(meta, t, !!a.prefix)) needed.add(n);
    await this._ensureChunks(meta, [...needed]);
  }

  /**
   * A word's best match per section: section → [score, titleHit, terms matched]; exact: a whole-word match, or
   * a section with all its bigrams; own: any match; common: its bigrams are all stop bigrams (no typo, then).
   */
  _scoreWord(meta, alts) {
    const best = new Map();
    let exact = false, whole = false, common = false;
    const offer = (section, score, title, terms, whole = false) => { // whole: the word itself, not a part
      const cur = best.get(section);
      if (!cur || score > cur[0]) best.set(section, [score, title, terms, whole || (cur?.[3] ?? false)]);
      else if (whole) cur[3] = true;
    };
    for (const a of alts) {
      if (a.bigrams) {
        const sum = new Map();
        const grams = this._grams(meta, a.bigrams);
        if (grams.length === 0) common = true;
        for (const g of grams) {
          for (const [, p] of this._lookup(meta, g, false)) {
            for (let k = 0; k < p.length; k += 3) {
              const s = sum.get(p[k]) ?? [0, 0, 1];
              s[0] += p[k + 1]; s[1] += 1; s[2] &= p[k + 2];
              sum.set(p[k], s);
            }
          }
        }
        for (const [section, [impact, count, title]] of sum) {
          const coverage = count / grams.length;
          if (coverage === 1) whole = true;
          // The grams are what a snippet can show of a partial match (those the section lacks mark nothing).
          if (coverage >= 0.5) offer(section, a.weight * coverage * impact / grams.length, coverage === 1 && title === 1, a.bigrams, coverage === 1);
        }
      } else {
        for (const [term, p] of this._lookup(meta, a.term, !!a.prefix)) {
          if (!a.prefix && p.length) exact = true;
          for (let k = 0; k < p.length; k += 3) offer(p[k], a.weight * p[k + 1], p[k + 2] === 1, [term], !a.prefix);
        }
      }
    }
    return { best, exact: exact || whole, own: best.size > 0, common };
  }

  /**
   * Ranked matches without fetching fragments: {words, hits: [{section, score, words, titleAll, terms}],
   * corrections: Map(word index → corrected word)}. A word matches by its own forms first; a Hangul word that matches
   * no term as a whole also by the Latin terms it spells (레디스 → redis); a phrase of the glossary also by its
   * other words (sharding → 샤딩), below its own matches; a word that still matches nothing by the closest words
   * of the site's vocabulary (a typo).
   */
  async rank(query) {
    const words = analyzeQuery(query);
    if (words.length === 0) return { words, hits: [], corrections: new Map() };
    const meta = await this._meta();
    const spans = glossarySpans(words);
    // A word's bigrams are looked up only when the word itself matches no term whole: a common word's bigrams
    // (데이, 이터 of 데이터베이스) have postings in most sections of a large site, and its whole term already
    // finds what they would. They go in the second wave of fetches, beside what a lonely word may need then.
    const own = (w) => w.alts.filter((a) => !a.bigrams);
    await Promise.all([this._fetchTerms(meta, words.flatMap(own)), this._fetchTerms(meta, spans.flatMap((s) => s.keys.map((k) => ({ term: GLOSS + k }))))]);
    const scored = words.map((w) => this._scoreWord(meta, own(w)));
    const partial = words.map((w, i) => i).filter((i) => !scored[i].exact && words[i].alts.some((a) => a.bigrams));
    // Spelled names are looked up for a Hangul word of two syllables or more (one syllable is a particle or noise).
    const aliasable = (i) => words[i].hangul && Array.from(words[i].form).length >= 2 && !PARTICLES.has(words[i].form);
    const expansionsOf = (skip) => {
      const out = [];
      for (const span of spans) {
        // Korean words the text has whole, in one section, need no synonyms (they would cost chunks and add noise);
        // English words are expanded even then, below their own matches (a Korean text says most things in Korean),
        // and so is a phrase whose words the text has only apart (장애 허용 for 내결함성).
        if (skip(span)) continue;
        for (const k of span.keys) {
          const v = this._entry(meta, GLOSS + k);
          if (v) {
            // A few other words per phrase.
            for (const text of v.split("|").slice(0, MAX_SYNONYMS)) out.push({ span, words: this._wholeWords(text) });
            break;
          }
        }
      }
      return out;
    };
    const allExact = (span) => span.words.every((w, k) => w.hangul && scored[span.from + k].exact) && together(span, scored);
    // Fetched now for what may need them once the bigrams are in (a word they make whole needs neither); the
    // decisions below are taken on the final scores.
    const maybeExpansions = expansionsOf(allExact);
    const maybeAlias = words.map((w, i) => i).filter((i) => !scored[i].exact && aliasable(i)).map((i) => ({ i, keys: [words[i].form, ...koreanStems(words[i].form).slice(0, 1)] }));
    await Promise.all([
      this._fetchTerms(meta, partial.flatMap((i) => words[i].alts.filter((a) => a.bigrams))),
      this._fetchTerms(meta, maybeExpansions.flatMap((e) => e.words.flatMap(own))),
      this._fetchTerms(meta, maybeAlias.flatMap((a) => a.keys.map((k) => ({ term: ALIAS + k })))),
    ]);
    for (const i of partial) scored[i] = this._scoreWord(meta, words[i].alts);
    const expansions = partial.length ? expansionsOf(allExact) : maybeExpansions;
    // An expansion's word by its bigrams too only when it matches no term whole (one more wave, seldom needed).
    const expansionAlts = new Map();
    for (const e of expansions) for (const w of e.words) if (!expansionAlts.has(w)) expansionAlts.set(w, this._scoreWord(meta, own(w)).exact ? own(w) : w.alts);
    await this._fetchTerms(meta, [...expansionAlts.values()].flat().filter((a) => a.bigrams));
    const lonely = words.map((w, i) => i).filter((i) => !scored[i].exact);
    const aliasKeys = maybeAlias.filter(({ i }) => !scored[i].exact);
    const aliasTerms = new Map(); // word index → Latin terms
    for (const { i, keys } of aliasKeys) {
      for (const k of keys) {
        const v = this._entry(meta, ALIAS + k);
        if (v) { aliasTerms.set(i, v.split(" ")); break; }
      }
    }
    // A typo: a word with no whole-word match and few matches at all (a Hangul word's bigrams already forgive
    // a slip in a long word, so only one that matches nothing is corrected).
    const typos = lonely.filter((i) => !aliasTerms.has(i) && (words[i].hangul
      ? Array.from(words[i].form).length >= 2 && scored[i].best.size === 0 && !scored[i].common
      : words[i].form.length >= MIN_FUZZY_LATIN && scored[i].best.size < FEW));
    const corrections = new Map();
    await Promise.all(typos.map(async (i) => {
      const f = words[i].form;
      let c = this._corrected.get(f); // a warm engine corrects a word once
      if (!c) { c = await this._correct(f, words[i].hangul); this._corrected.set(f, c); }
      if (c.length) corrections.set(i, c);
    }));
    const fixed = [...corrections.values()].flat().map((c) => correctionAlts(c.term, 1));
    const fixedKeys = [...corrections.values()].flat().map((c) => ({ term: GLOSS + glossaryKey([c.term]) }));
    await this._fetchTerms(meta, [...[...aliasTerms.values()].flat().map((term) => ({ term })), ...fixed.flat(), ...fixedKeys]);
    // A corrected word may be one the glossary knows (kafak → kafka → 카프카 in a text that writes only 카프카).
    const more = [];
    for (const [i, cands] of corrections) {
      const v = this._entry(meta, GLOSS + glossaryKey([cands[0].term]));
      if (v) for (const text of v.split("|").slice(0, MAX_SYNONYMS)) more.push({ span: { from: i, words: [words[i]] }, words: this._wholeWords(text) });
    }
    if (more.length) { await this._fetchTerms(meta, more.flatMap((e) => e.words.flatMap((w) => w.alts))); expansions.push(...more); }
    for (const [i, terms] of aliasTerms) {
      merge(scored[i].best, this._scoreWord(meta, terms.map((term) => ({ term, weight: ALIAS_WEIGHT }))).best);
    }
    for (const [i, cands] of corrections) {
      merge(scored[i].best, this._scoreWord(meta, cands.flatMap((c) => correctionAlts(c.term, c.distance === 1 ? FUZZY_WEIGHT : FUZZY_WEIGHT * 0.75))).best);
    }
    for (const e of expansions) {
      // A section that holds every word of the expansion matches every word of the phrase.
      const per = e.words.map((w) => this._scoreWord(meta, expansionAlts.get(w) ?? w.alts).best);
      if (per.length === 0) continue;
      for (const [section] of per[0]) {
        if (!per.every((m) => m.has(section))) continue;
        let score = 0; const terms = [];
        let title = true;
        for (const m of per) { const [s, t, ts] = m.get(section); score += s; title &&= t; terms.push(...ts); }
        // The expansion's mean word score, shared by the phrase's words; halved when those words match on their own,
        // and then never a title match (another word's title must not outrank the query's own words).
        const own = e.span.words.some((w, k) => scored[e.span.from + k].own);
        const share = GLOSS_WEIGHT * (own ? 0.5 : 1) * score / per.length / e.span.words.length;
        for (let i = e.span.from; i < e.span.from + e.span.words.length; i++) merge(scored[i].best, new Map([[section, [share, title && !own, terms]]]));
      }
    }
    const bySection = new Map();
    words.forEach((w, wi) => {
      for (const [section, [score, title, terms]] of scored[wi].best) {
        let h = bySection.get(section);
        if (!h) { h = { section, score: 0, words: 0, titleWords: 0, terms: [] }; bySection.set(section, h); }
        h.score += score; h.words++; if (title) h.titleWords++;
        for (const t of terms) if (!h.terms.includes(t)) h.terms.push(t);
        h.terms.push(w.form);
      }
    });
    const hits = [...bySection.values()].map((h) => ({ ...h, titleAll: h.titleWords === words.length, phrase: false }));
    hits.sort(compareHits);
    return { words, hits, corrections };
  }

  /**
   * The closest words of the site to a typo. A Hangul compound is often no index term itself (Nori splits it, its
   * bigrams are the terms): then each of its bigrams that is no word of the site is replaced by the closest one
   * (모노래포 → 모노레포, as 래포 → 레포).
   */
  async _correct(form, hangul) {
    const whole = closest(form, await this._vocab(form, hangul), hangul);
    if (whole.length || !hangul) return whole;
    const cps = Array.from(form);
    const out = [];
    for (let k = 0; k + 1 < cps.length && out.length < MAX_CORRECTIONS; k++) {
      const gram = cps[k] + cps[k + 1];
      const list = await this._vocab(gram, true);
      if (list.some((v) => v.term === gram)) continue;
      const [best] = closest(gram, list.filter((v) => v.term.length === 2), true);
      if (best) out.push({ term: cps.slice(0, k).join("") + best.term + cps.slice(k + 2).join(""), distance: best.distance });
    }
    return out;
  }

  /** wholeWords(text), once per engine (a glossary word recurs across keystrokes). */
  _wholeWords(text) {
    let w = this._expanded.get(text);
    if (!w) { w = wholeWords(text); this._expanded.set(text, w); }
    return w;
  }

  /**
   * The site's Latin words, or its Hangul words with the first consonant of `form`, each with its jamo
   * (typo correction only: not fetched otherwise).
   */
  _vocab(form, hangul) {
    const path = hangul ? "search/vocab-h/" + Math.floor((form.charCodeAt(0) - 0xac00) / 588) + ".json" : "search/vocab-l.json";
    let p = this._vocabs.get(path);
    if (!p) {
      p = this._json(path).then((list) => list.map((term) => ({ term, key: hangul ? jamo(term) : term })), () => []);
      this._vocabs.set(path, p);
    }
    return p;
  }

  /**
   * Searches and returns the top `limit` results, each with what a result list shows:
   * {url, title, heading, breadcrumb, snippet: [{text, hit}]}. Never throws for odd input; an empty or
   * punctuation-only query gives no results.
   */
  async search(query, { limit = 8 } = {}) {
    const { words, hits, corrections } = await this.rank(query);
    const top = hits.slice(0, Math.max(limit, Math.min(PHRASE_RERANK, hits.length)));
    // Section s is entry s % g of search/f/floor(s/g).json; results sharing a bundle share one fetch (_json).
    const { g } = await this._meta();
    const frags = await Promise.all(top.map(async (h) => (await this._json("search/f/" + Math.floor(h.section / g) + ".json"))[h.section % g]));
    const phrase = words.length >= 2 ? squash(words.map((w) => w.form).join("")) : null;
    top.forEach((h, i) => {
      const f = frags[i];
      h.fragment = f;
      if (phrase) {
        const sq = this._squashed(h.section, f);
        h.phraseTitle = sq.title.includes(phrase);
        h.phrase = h.phraseTitle || sq.text.includes(phrase);
      }
    });
    top.sort(compareHits);
    // "Did you mean": the query with each corrected word replaced by its closest word.
    const suggestion = corrections.size && hits.length
      ? words.map((w, i) => corrections.has(i) ? corrections.get(i)[0].term : w.text).join(" ") : null;
    return {
      total: hits.length,
      suggestion,
      results: top.slice(0, limit).map((h) => {
        const marks = highlightTerms(words, h.terms);
        return {
          url: h.fragment.u, title: h.fragment.t, heading: h.fragment.h, breadcrumb: h.fragment.b,
          snippet: snippet(h.fragment.x, marks), score: h.score, highlight: marks,
        };
      }),
    };
  }
}

/** Whether some section matches every word of a span as a whole word. */
function together(span, scored) {
  const maps = span.words.map((w, k) => scored[span.from + k].best);
  for (const [section, v] of maps[0]) {
    if (v[3] && maps.every((m) => m.get(section)?.[3])) return true;
  }
  return false;
}

/** A glossary word's query words, matched whole (prefixes cost chunks and time, and add noise). */
function wholeWords(text) {
  return analyzeQuery(text).map((w) => ({ ...w, alts: w.alts.filter((a) => !a.prefix) }));
}

/** How a corrected word is looked up: whole, and a Hangul one also by its bigrams (a compound is rarely a term). */
function correctionAlts(term, weight) {
  const alts = [{ term, weight }];
  if (HANGUL.test(term)) { const g = bigrams(term); if (g.length >= 2) alts.push({ bigrams: g, weight: weight * 0.9 }); }
  return alts;
}

/** Keeps the better of two best-match entries per section. */
function merge(into, from) {
  for (const [section, v] of from) { const cur = into.get(section); if (!cur || v[0] > cur[0]) into.set(section, v); }
}

/** Lexicon.key of a run of query words: Latin words stemmed and spaced, Hangul words run together. */
export function glossaryKey(forms) {
  let out = "";
  forms.forEach((f, i) => {
    const hangul = HANGUL.test(f);
    if (i > 0 && !(hangul && HANGUL.test(forms[i - 1]))) out += " ";
    out += hangul ? f : stem(f);
  });
  return out;
}

/** Runs of up to three words, longest first, each with its keys (a Hangul last word also without its ending). */
function glossarySpans(words) {
  const out = [];
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    for (let from = 0; from + len <= words.length; from++) {
      const ws = words.slice(from, from + len);
      const forms = ws.map((w) => w.form);
      const keys = [glossaryKey(forms)];
      const last = ws[len - 1];
      if (last.hangul) for (const s of koreanStems(last.form)) keys.push(glossaryKey([...forms.slice(0, -1), s]));
      out.push({ from, words: ws, keys });
    }
  }
  return out;
}

/** Hangul syllables as jamo (initial, medial, final), so one changed, missing or extra jamo is one edit. */
export function jamo(word) {
  let out = "";
  for (const ch of word) {
    const c = ch.codePointAt(0) - 0xac00;
    if (c < 0 || c > 11171) { out += ch; continue; }
    out += String.fromCharCode(0x1100 + Math.floor(c / 588), 0x1161 + Math.floor((c % 588) / 28));
    if (c % 28) out += String.fromCharCode(0x11a7 + (c % 28));
  }
  return out;
}

/** Damerau–Levenshtein distance (optimal string alignment), or max+1 once it must exceed max. */
export function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      low = Math.min(low, d);
    }
    if (low > max) return max + 1;
    prev2 = prev; prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest words to a typo: Latin by Damerau–Levenshtein distance 1 (2 from eight letters), Hangul by jamo
 * distance 1 (2 from four syllables); nearest first, then the longer word (fewer edits per letter).
 */
export function closest(form, vocabulary, hangul) { // vocabulary: [{term, key: its jamo (Hangul) or itself}]
  const key = hangul ? jamo(form) : form;
  const max = hangul ? (Array.from(form).length >= 4 ? 2 : 1) : (form.length >= 8 ? 2 : 1);
  const out = [];
  for (const { term, key: k } of vocabulary) {
    if (term === form) continue;
    const d = editDistance(key, k, max);
    if (d <= max) out.push({ term, distance: d });
  }
  out.sort((a, b) => a.distance - b.distance || Array.from(b.term).length - Array.from(a.term).length || (a.term < b.term ? -1 : 1));
  return out.slice(0, MAX_CORRECTIONS);
}

// Coordination first (sections that match more query words), then title matches, exact phrase, then BM25.
function compareHits(a, b) {
  return (b.words - a.words) || ((b.phraseTitle ? 1 : 0) - (a.phraseTitle ? 1 : 0))
    || ((b.titleAll ? 1 : 0) - (a.titleAll ? 1 : 0)) || ((b.phrase ? 1 : 0) - (a.phrase ? 1 : 0))
    || (b.score - a.score) || (a.section - b.section);
}

/** Lowercased, folded text with everything but letters and digits removed: spacing does not break a phrase. */
function squash(text) {
  return splitWords(text).map((w) => fold(w.text)).join("");
}

function highlightTerms(words, matched) {
  const set = new Set();
  for (const w of words) { set.add(w.form); for (const s of w.hangul ? koreanStems(w.form) : []) set.add(s); }
  for (const t of matched) set.add(t);
  return [...set].filter((t) => Array.from(t).length >= 2 || /[^\x00-\x7f]/.test(t)).sort((a, b) => b.length - a.length);
}

/** An excerpt of `text` around the first matched term, as [{text, hit}] segments (plain text, never HTML). */
export function snippet(text, terms, width = 160) {
  text = String(text ?? "");
  const lower = text.toLowerCase();
  const haystack = lower.length === text.length ? lower : text; // keep offsets aligned
  const spans = [];
  for (const t of terms) {
    if (!t) continue;
    for (let i = haystack.indexOf(t); i >= 0 && spans.length < 200; i = haystack.indexOf(t, i + t.length)) {
      spans.push([i, i + t.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = spans.length ? spans[0][0] : 0;
  let start = Math.max(0, first - Math.floor(width / 4));
  const end = Math.min(text.length, start + width);
  const out = [];
  if (start > 0) out.push({ text: "…", hit: false });
  let pos = start;
  for (const [s, e] of spans) {
    if (s < pos || s >= end) continue;
    if (s > pos) out.push({ text: text.slice(pos, s), hit: false });
    out.push({ text: text.slice(s, Math.min(e, end)), hit: true });
    pos = Math.min(e, end);
  }
  if (pos < end) out.push({ text: text.slice(pos, end), hit: false });
  if (end < text.length) out.push({ text: "…", hit: false });
  return out;
}

// ---------------------------------------------------------------- editions

const OWN_FEW = 5; // own results below this: the other editions are searched too

/**
 * Search on a site of several language editions: the page's own edition first; when it has fewer than `few`
 * results, every other edition too, each result list labelled with its edition. Another edition's engine (and so
 * its index) is made on the first query that needs it: a query the own edition answers downloads nothing else.
 * `editions`: [{lang, name, root, load}], `load` as SearchEngine's, relative to that edition's root.
 */
export class EditionsSearch {
  constructor(own, editions, { few = OWN_FEW } = {}) {
    this._own = own;
    this._editions = editions;
    this._engines = new Map();
    this._few = few;
  }

  _engine(e) {
    let engine = this._engines.get(e.lang);
    if (!engine) { engine = new SearchEngine(e.load); this._engines.set(e.lang, engine); }
    return engine;
  }

  /**
   * The own edition's answer as SearchEngine.search gives it, plus `others`: [{lang, name, root, results}] for the
   * editions with results, in the site's order (empty when the own edition has `few` results or more). An edition
   * whose index fails to load is left out (and reported by `onError`); the own edition's failure throws.
   */
  async search(query, { limit = 8, otherLimit = OWN_FEW, onError = () => {} } = {}) {
    const own = await this._own.search(query, { limit });
    if (own.total >= this._few || this._editions.length === 0 || !String(query ?? "").trim()) return { ...own, others: [] };
    const answers = await Promise.all(this._editions.map(async (e) => {
      try {
        const { results } = await this._engine(e).search(query, { limit: otherLimit });
        return { lang: e.lang, name: e.name, root: e.root, results };
      } catch (error) {
        onError(e, error);
        return null;
      }
    }));
    return { ...own, others: answers.filter((a) => a && a.results.length > 0) };
  }
}
