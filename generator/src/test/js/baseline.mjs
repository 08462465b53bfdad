// The comparison baseline: what Pagefind does for Korean (whitespace words, lowercase, prefix matching, every
// query word required), scored with the same BM25 and title weight as sd101 so only the analysis differs.
// Built in memory from the sd101 fragment files, which hold each section's full text (sections are < 3000 chars).

const K1 = 1.2, B = 0.75, TITLE_WEIGHT = 4;

function words(text) {
  return String(text).toLowerCase().split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter(Boolean);
}

export class BaselineEngine {
  /** @param fragments [{u, t, h, b, x}] in section order */
  constructor(fragments) {
    this.docs = fragments.map((f, i) => {
      const tf = new Map();
      let len = 0;
      const add = (text, w) => { for (const t of words(text)) { tf.set(t, (tf.get(t) ?? 0) + w); len += w; } };
      add(f.t + " " + f.h, TITLE_WEIGHT);
      add(f.b.join(" ") + " " + f.x, 1);
      return { i, url: f.u, tf, len };
    });
    this.avg = this.docs.reduce((s, d) => s + d.len, 0) / Math.max(1, this.docs.length);
    this.df = new Map();
    for (const d of this.docs) for (const t of d.tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.terms = [...this.df.keys()].sort();
  }

  search(query, limit = 10) {
    const qs = words(query);
    if (qs.length === 0) return [];
    const n = this.docs.length;
    const scored = [];
    for (const d of this.docs) {
      let score = 0, all = true;
      for (const q of qs) {
        let best = 0;
        for (const [t, tf] of d.tf) {
          if (!t.startsWith(q)) continue;
          const df = this.df.get(t);
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          const s = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.len / this.avg)) * (t === q ? 1 : 0.5);
          best = Math.max(best, s);
        }
        if (best === 0) all = false;
        score += best;
      }
      if (all) scored.push({ url: d.url, score, i: d.i });
    }
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    return scored.slice(0, limit);
  }
}
