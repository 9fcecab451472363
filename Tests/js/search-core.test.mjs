// node --test Tests/js: the search page's pure functions, against the same vectors as Swift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodePostings, hash, highlights, match, normalize, parseQuery, rerank, shardKey, tokens } from "../../Templates/assets/search-core.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/search-tokens.json", import.meta.url), "utf8"));

test("shared vectors tokenize the same in JavaScript", () => {
  assert.ok(vectors.length >= 15);
  for (const v of vectors) {
    const input = v.nfd ? v.input.normalize("NFD") : v.input;
    assert.deepEqual(tokens(input), v.tokens, v.input);
  }
});

test("normalize folds đ, diacritics and look-alikes", () => {
  assert.equal(normalize("Được ĐẢNG Ðảng trӑng"), "duoc dang dang trong");
});

test("every way of typing 27-NQ/TW gives the same number token", () => {
  for (const q of ["27-NQ/TW", "27/NQ-TW", "27 NQ TW", "27-nq/tw"]) {
    assert.deepEqual(parseQuery(q), [{ tokens: ["#27-nq-tw"], number: true }], q);
  }
  for (const q of ["NQ27", "nq 27", "nghị quyết 27", "Nghị quyết số 27", "nghi quyet so 27"]) {
    assert.deepEqual(parseQuery(q), [{ tokens: ["#27-nq"], number: true }], q);
  }
});

test("a number query never becomes a text query for its letters", () => {
  const groups = parseQuery("NQ28");
  assert.equal(groups.length, 1);
  assert.ok(groups.every((g) => g.number));
});

test("words become phrase pairs", () => {
  assert.deepEqual(parseQuery("so tu phap").map((g) => g.tokens), [["so_tu"], ["tu_phap"], ["=so tu phap"]]);
  assert.deepEqual(parseQuery("duoc").map((g) => g.tokens), [["duoc"], ["=duoc"]]);
});

test("hash matches the Swift index builder", () => {
  assert.equal(hash("tu_phap"), 3608736582);
});

test("an exact-title token lives in the shard of the title's first pair", () => {
  assert.equal(shardKey("=so tu phap"), "so_tu");
  assert.equal(shardKey("=duoc"), "duoc");
  assert.equal(shardKey("tu_phap"), "tu_phap");
  assert.deepEqual(parseQuery("Sở Tư pháp").at(-1), { tokens: ["=so tu phap"], bonus: true });
});

test("matching needs every group and ranks numbers above text", () => {
  const postings = new Map([
    ["#27-nq-tw", decodePostings([1, 5, 200, 0])],
    ["so_tu", decodePostings([2, 1, 100, 0, 1, 90, 0])],
    ["tu_phap", decodePostings([1, 2, 100, 0])],
  ]);
  assert.deepEqual(match(parseQuery("so tu phap"), postings).map((m) => m.unit), [2]);
  assert.deepEqual(match(parseQuery("27/NQ-TW"), postings).map((m) => m.unit), [5]);
});

test("long phrases use every other pair and the last", () => {
  assert.deepEqual(parseQuery("ban noi chinh tinh uy").map((g) => g.tokens[0]), ["ban_noi", "chinh_tinh", "tinh_uy", "=ban noi chinh tinh uy"]);
  assert.deepEqual(parseQuery("so tu phap").map((g) => g.tokens[0]), ["so_tu", "tu_phap", "=so tu phap"]);
});

test("a truncated common token adds score but does not exclude", () => {
  const common = decodePostings([5000, 7, 50, 0]);
  const rare = decodePostings([2, 3, 100, 0, 1, 90, 0]);
  const found = match([{ tokens: ["rare"] }, { tokens: ["common"] }], new Map([["rare", rare], ["common", common]]));
  assert.deepEqual(found.map((m) => m.unit), [3, 4]);
});

test("an exact title joins the results even when the phrase's pairs were cut", () => {
  const common = decodePostings([5000, 1, 50, 0]);
  const exact = decodePostings([1, 9, 255, 0]);
  const groups = [{ tokens: ["a_b"] }, { tokens: ["=a b"], bonus: true }];
  assert.deepEqual(match(groups, new Map([["a_b", common], ["=a b", exact]])).map((m) => m.unit), [9, 1]);
});

test("rerank puts an exact title first and prefers the diacritics typed", () => {
  const candidates = [
    { unit: 1, score: 300, record: { title: "Báo cáo số liệu", snippet: "số" } },
    { unit: 2, score: 100, record: { title: "Sở Tư pháp", snippet: "" } },
  ];
  assert.equal(rerank(candidates.map((c) => ({ ...c })), "so tu phap")[0].unit, 2);
  const so = [
    { unit: 1, score: 100, record: { title: "Phân tích số liệu", snippet: "" } },
    { unit: 2, score: 100, record: { title: "Giám đốc Sở Nội vụ", snippet: "" } },
  ];
  assert.equal(rerank(so, "sở")[0].unit, 2);
});

test("highlights find words with or without diacritics in the original text", () => {
  const text = "Sở Tư pháp chủ trì";
  assert.deepEqual(highlights(text, "tu phap").map(([a, b]) => text.slice(a, b)), ["Tư", "pháp"]);
});
