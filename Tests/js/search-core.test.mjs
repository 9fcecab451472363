// node --test Tests/js: the search page's pure functions, against the same vectors as Swift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodeNumbers, decodePostings, recordTitle, hash, highlights, match, normalize, parseQuery, rerank, search, shardKey, tokens } from "../../Templates/assets/search-core.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/search-tokens.json", import.meta.url), "utf8"));

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
/** Posting lists in the index's code, written as PostingCode.swift writes them. */
const code = (numbers) => numbers.map((n) => {
  const digits = [];
  do { digits.unshift(n & 31); n >>= 5; } while (n > 0);
  return digits.map((d, i) => DIGITS[d + (i < digits.length - 1 ? 32 : 0)]).join("");
}).join("");
const list = (numbers) => decodePostings(code(numbers));

test("posting codes decode as the shared vectors say", () => {
  const cases = JSON.parse(readFileSync(new URL("../vectors/postings.json", import.meta.url), "utf8"));
  assert.ok(cases.length >= 8);
  for (const c of cases) assert.deepEqual(decodeNumbers(c.code), c.numbers, c.code);
});

test("a record's title is the start of its snippet when the index says how long it is", () => {
  assert.equal(recordTitle(9, "Tuyên truyền pháp luật.", 120), "Tuyên tru");
  assert.equal(recordTitle("Sở Tư pháp", "", 120), "Sở Tư pháp");
  assert.equal(recordTitle(30, "x".repeat(40), 10), "xxxxxxxxxx…");
});

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
    ["#27-nq-tw", list([1, 5, 200, 0])],
    ["so_tu", list([2, 1, 100, 0, 1, 90, 0])],
    ["tu_phap", list([1, 2, 100, 0])],
  ]);
  assert.deepEqual(match(parseQuery("so tu phap"), postings).map((m) => m.unit), [2]);
  assert.deepEqual(match(parseQuery("27/NQ-TW"), postings).map((m) => m.unit), [5]);
});

test("long phrases use every other pair and the last", () => {
  assert.deepEqual(parseQuery("ban noi chinh tinh uy").map((g) => g.tokens[0]), ["ban_noi", "chinh_tinh", "tinh_uy", "=ban noi chinh tinh uy"]);
  assert.deepEqual(parseQuery("so tu phap").map((g) => g.tokens[0]), ["so_tu", "tu_phap", "=so tu phap"]);
});

test("a truncated common token adds score but does not exclude", () => {
  const common = list([5000, 7, 50, 0]);
  const rare = list([2, 3, 100, 0, 1, 90, 0]);
  const found = match([{ tokens: ["rare"] }, { tokens: ["common"] }], new Map([["rare", rare], ["common", common]]));
  assert.deepEqual(found.map((m) => m.unit), [3, 4]);
});

test("an exact title joins the results even when the phrase's pairs were cut", () => {
  const common = list([5000, 1, 50, 0]);
  const exact = list([1, 9, 255, 0]);
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

test("a filter fetches the rest of a common token's list; an unfiltered search does not", async () => {
  // "duoc" is in 3 units; the first tier kept unit 1 (Gia Lai), the second tier has units 2 and 3 (Lào Cai).
  const manifest = { version: 2, units: 4, shards: 1, chunk: 8, titleLength: 120, firstTier: 1 };
  const names = { kinds: ["task", "agency", "document", "plan"], provinces: ["Gia Lai", "Lào Cai"], years: [] };
  const gia = 0 | (1 << 2), lao = 0 | (2 << 2);
  const record = (text, province) => [0, 4, "/x/", province, text, [], [], ""];
  const files = {
    "search/manifest.json": manifest,
    "search/facets.json": names,
    "search/i/0.json": { duoc: code([3, 1, 90, gia]) },
    "search/j/0.json": { duoc: code([3, 2, 50, lao, 1, 40, lao]) },
    "search/d/0.json": [record("", ""), record("được giao", "Gia Lai"), record("được nêu", "Lào Cai"), record("được làm", "Lào Cai")],
  };
  const fetched = [];
  const load = async (path) => { fetched.push(path); return files[path]; };
  const plain = await search({ q: "duoc" }, load);
  assert.deepEqual(plain.visible.map((c) => c.unit), [1]);
  assert.ok(!fetched.includes("search/j/0.json") && !fetched.includes("search/facets.json"));
  const filtered = await search({ q: "duoc", province: "Lào Cai" }, load);
  assert.deepEqual(filtered.visible.map((c) => c.unit), [2, 3]);
  assert.equal(filtered.visible[0].record.title, "được");
  assert.ok(fetched.includes("search/j/0.json"));
});

test("a plan's record comes from its own file, a task's from its chunk, where the plan's place is null", async () => {
  const manifest = { version: 4, units: 2, shards: 1, chunk: 8, titleLength: 120, firstTier: 200 };
  const files = {
    "search/manifest.json": manifest,
    "search/i/0.json": { "#27-nq-tw": code([2, 8, 90, 3, 1, 80, 0]) },
    "search/p/1.json": [3, "Kế hoạch thực hiện Nghị quyết số 27-NQ/TW", "/ke-hoach/k/", "Gia Lai", "", [], ["27-NQ/TW"], ""],
    "search/d/1.json": [null, [0, 9, "/ke-hoach/k/#nv-1", "Gia Lai", "Quán triệt 27-NQ/TW", [], ["27-NQ/TW"], ""]],
  };
  const fetched = [];
  const found = await search({ q: "27-NQ/TW" }, async (path) => { fetched.push(path); return files[path]; });
  assert.deepEqual(found.visible.map((c) => c.record.url), ["/ke-hoach/k/", "/ke-hoach/k/#nv-1"]);
  assert.deepEqual(fetched.filter((p) => !p.startsWith("search/i/")).sort(), ["search/d/1.json", "search/manifest.json", "search/p/1.json"]);
});
