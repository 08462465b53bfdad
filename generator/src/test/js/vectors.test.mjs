// The JS half of the shared token vectors (the Java half is SurfaceTokenVectorsTest).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { surfaceTerms } from "../../../../templates/theme/assets/search-engine.js";

const file = process.env.SD101_VECTORS
  ?? fileURLToPath(new URL("../resources/search/token-vectors.tsv", import.meta.url));
const vectors = readFileSync(file, "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

test("the vectors file is not empty", () => assert.ok(vectors.length >= 10));

for (const [text, expected] of vectors) {
  test(`surfaceTerms(${JSON.stringify(text)})`, () => {
    assert.deepEqual(surfaceTerms(text), expected ? expected.split(" ") : []);
  });
}
