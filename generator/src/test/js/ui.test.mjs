// Static guards on the browser UI (a real-browser test comes separately): content must reach the DOM only as
// text, and index files must be fetched relative to data-root so any base path works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const ui = readFileSync(new URL("../../../../templates/theme/assets/search-ui.js", import.meta.url), "utf8");
const engine = readFileSync(new URL("../../../../templates/theme/assets/search-engine.js", import.meta.url), "utf8");

test("no HTML parsing of content anywhere", () => {
  for (const src of [ui, engine]) {
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  }
});

test("the engine module is DOM-free", () => {
  assert.doesNotMatch(engine, /\bdocument\b|\bwindow\b|\blocation\b/);
});

test("fetches and links resolve against data-root", () => {
  assert.match(ui, /getAttribute\("data-root"\)/);
  assert.match(ui, /new URL\(path, base\)/);
  // The result's URL (plus the ?h= words the target page highlights), relative to data-root for the own edition,
  // to the other edition's root (as the language switcher gives it, relative to this page) for another's.
  assert.match(ui, /setAttribute\("href", prefix \+ withHighlight\(r\.url, r\.highlight\)\)/);
  assert.match(ui, /results\.map\(\(r, i\) => item\(r, i, root\)\)/);
  assert.match(ui, /item\(r, i\+\+, edition\.root, edition\.lang\)/);
  assert.match(ui, /getAttribute\("data-root"\)[\s\S]*new SearchEngine\(loader\(root\)\)/);
});
