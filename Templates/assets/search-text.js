// PlanSite search: text as search sees it. normalize() and tokens() must give exactly what
// Sources/PlanSite/Search/SearchText.swift gives; Tests/vectors/search-tokens.json is checked
// against both.

const LOOKALIKES = {
  "ӑ": "ọ", "Ӑ": "Ọ", "а": "a", "А": "A", "е": "e", "Е": "E", "о": "o", "О": "O", "р": "p", "Р": "P",
  "с": "c", "С": "C", "у": "y", "У": "Y", "х": "x", "Х": "X", "і": "i", "І": "I", "Ð": "Đ",
};
const LOOKALIKE_PATTERN = new RegExp("[" + Object.keys(LOOKALIKES).join("") + "]", "g");

/** NFC, look-alike letters mapped, lower case, no diacritics, "đ" → "d". */
export function normalize(text) {
  return text.normalize("NFC").replace(LOOKALIKE_PATTERN, (c) => LOOKALIKES[c])
    .toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
}

const WORD = /[\p{Alphabetic}0-9]/u;

/** Runs of syllables; punctuation other than a space ends a run (no pair across a comma). */
export function syllables(text) {
  const runs = [[]];
  let current = "";
  const flush = () => { if (current) { runs[runs.length - 1].push(current); current = ""; } };
  for (const ch of normalize(text)) {
    if (WORD.test(ch)) { current += ch; continue; }
    flush();
    if (ch !== " " && runs[runs.length - 1].length) runs.push([]);
  }
  flush();
  return runs.filter((run) => run.length);
}

const UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ";
const LETTER = "A-Za-zĐđ";
const SP = "\\s{0,6}";
const NUMBER_SHAPES = [
  // 33/2021/QH15, 30/2020/NĐ-CP
  new RegExp(`(?<![\\p{L}\\p{N}/-])(\\d{1,5})${SP}/${SP}(\\d{4})${SP}/${SP}([${UPPER}][${LETTER}0-9]{0,9}(?:-[${UPPER}][${UPPER}0-9]{0,9})*)(?![\\p{L}\\p{N}])`, "gu"),
  // 77/NQ-CP, 3133/QĐ-UBND
  new RegExp(`(?<![\\p{L}\\p{N}/-])(\\d{1,5})${SP}/${SP}([${UPPER}][${LETTER}]{0,5})${SP}-${SP}([${UPPER}][${UPPER}0-9]{0,9}(?:-[${UPPER}][${UPPER}0-9]{0,9})*)(?![\\p{L}\\p{N}])`, "gu"),
  // 27-NQ/TW, 35-CTr-TU
  new RegExp(`(?<![\\p{L}\\p{N}/-])(\\d{1,5})${SP}-${SP}([${UPPER}][${LETTER}]{0,5})${SP}[/-]${SP}([${UPPER}][${UPPER}0-9]{0,9})(?![\\p{L}\\p{N}])`, "gu"),
];

/** Document numbers in text, as index tokens: "27-NQ/TW" → ["#27-nq", "#27-nq-tw"]. */
export function numberTokens(text) {
  const found = [];
  const taken = [];
  const nfc = text.normalize("NFC");
  NUMBER_SHAPES.forEach((pattern, shape) => {
    for (const m of nfc.matchAll(pattern)) {
      const start = m.index, end = m.index + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      const serial = String(Number(m[1]));
      let head, issuer;
      if (shape === 0) {
        head = `#${serial}-${m[2]}`;
        issuer = normalize(m[3]).replace(/\//g, "-");
      } else {
        head = `#${serial}-${normalize(m[2])}`;
        issuer = normalize(m[3]).replace(/\//g, "-");
      }
      found.push({ start, tokens: [head, `${head}-${issuer}`] });
    }
  });
  return found.sort((a, b) => a.start - b.start).flatMap((f) => f.tokens);
}

/** Index tokens: syllables, adjacent pairs ("tu_phap"), then document numbers. */
export function tokens(text) {
  const out = [];
  for (const run of syllables(text)) {
    out.push(...run);
    for (let i = 1; i < run.length; i++) out.push(run[i - 1] + "_" + run[i]);
  }
  return out.concat(numberTokens(text));
}

const TYPES = new Set(["nq", "kh", "ctr", "cthd", "qd", "qdi", "hd", "kl", "ct", "tb", "ttr", "qc", "nd", "tt", "da", "bc", "cv"]);
const TYPE_WORDS = [
  ["chuong trinh hanh dong", ["ctr"]], ["chuong trinh", ["ctr"]], ["nghi quyet", ["nq"]], ["ke hoach", ["kh"]],
  ["quyet dinh", ["qd"]], ["quy dinh", ["qdi", "qd"]], ["huong dan", ["hd"]], ["ket luan", ["kl"]], ["chi thi", ["ct"]],
  ["thong bao", ["tb"]], ["to trinh", ["ttr"]], ["quy che", ["qc"]], ["nghi dinh", ["nd"]], ["thong tu", ["tt"]],
  ["thong tri", ["tt"]], ["de an", ["da"]], ["bao cao", ["bc"]], ["cong van", ["cv"]],
];

/**
 * A query as groups of alternative tokens: a result must match one token of every group.
 * Document numbers are read in every way people type them ("27/NQ-TW", "27 NQ TW", "NQ27",
 * "nghị quyết số 27") and never by prefix; words become phrase pairs.
 */
export function parseQuery(query) {
  const groups = [];
  let rest = normalize(query);
  const exact = numberTokens(query);
  for (let i = 0; i < exact.length; i += 2) groups.push({ tokens: [exact[i + 1]], number: true });
  if (exact.length) rest = rest.replace(/\d{1,5}\s*[-/]\s*(\d{4}\s*\/\s*)?[a-z]+\s*[-/]\s*[a-z0-9-]+/g, " ");
  rest = rest.replace(/(\d{1,5})\s*[-/ ]\s*([a-z]{1,5})(?:\s*[-/ ]\s*([a-z][a-z0-9]{0,9}))?(?![a-z0-9])/g, (all, n, type, issuer) => {
    if (!TYPES.has(type)) return all;
    const head = `#${Number(n)}-${type}`;
    groups.push({ tokens: [issuer ? `${head}-${issuer}` : head], number: true });
    return " ";
  });
  rest = rest.replace(/(?<![a-z0-9])([a-z]{1,5})\s*(\d{1,5})(?![0-9])/g, (all, type, n) => {
    if (!TYPES.has(type)) return all;
    groups.push({ tokens: [`#${Number(n)}-${type}`], number: true });
    return " ";
  });
  for (const [words, types] of TYPE_WORDS) {
    rest = rest.replace(new RegExp(`${words}\\s+(?:so\\s+)?(\\d{1,5})(?![0-9])`, "g"), (all, n) => {
      groups.push({ tokens: types.map((t) => `#${Number(n)}-${t}`), number: true });
      return " ";
    });
  }
  // Every other pair of a phrase (and the last) still pins each syllable to its neighbour,
  // with half the shards to fetch: "ban noi chinh tinh uy" → ban_noi, chinh_tinh, tinh_uy.
  for (const run of syllables(rest)) {
    if (run.length === 1) groups.push({ tokens: [run[0]] });
    for (let i = 1; i < run.length; i += 2) groups.push({ tokens: [run[i - 1] + "_" + run[i]] });
    if (run.length > 2 && run.length % 2 === 1) groups.push({ tokens: [run[run.length - 2] + "_" + run[run.length - 1]] });
  }
  const words = syllables(rest).flat();
  if (words.length && !groups.some((g) => g.number)) groups.push({ tokens: ["=" + words.join(" ")], bonus: true });
  return groups;
}
