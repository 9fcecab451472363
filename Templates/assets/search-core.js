// PlanSite search: the functions shared by the search page and the tests (node --test).
// One file on purpose, though long: each module is one more request before the first results.
// normalize() and tokens() must give exactly what Sources/PlanSite/Search/SearchText.swift
// gives; Tests/vectors/search-tokens.json is checked against both.

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

/** The token whose shard holds a token: an exact title ("=so tu phap") sits with its first pair. */
export function shardKey(token) {
  if (!token.startsWith("=")) return token;
  const words = token.slice(1).split(" ");
  return words.length > 1 ? words[0] + "_" + words[1] : words[0];
}

/** FNV-1a over UTF-8, as SearchIndexBuilder.hash. */
export function hash(token) {
  let h = 2166136261;
  for (const byte of new TextEncoder().encode(token)) h = Math.imul(h ^ byte, 16777619) >>> 0;
  return h >>> 0;
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT_VALUE = new Uint8Array(128);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** The numbers in a posting code, as PostingCode.swift writes them: base 32, most significant
 * digit first, every digit but a number's last from the upper half of the alphabet. */
export function decodeNumbers(code) {
  const numbers = [];
  let n = 0;
  for (let i = 0; i < code.length; i++) {
    const v = DIGIT_VALUE[code.charCodeAt(i)];
    n = n * 32 + (v & 31);
    if (v < 32) { numbers.push(n); n = 0; }
  }
  return numbers;
}

/** Decodes a posting list [df, Δunit, impact, facet, …] into a map unit → {impact, facet}; `df`
 * larger than the map's size means the list holds only the best postings of a common token. */
export function decodePostings(code) {
  const flat = decodeNumbers(code);
  const map = new Map();
  map.df = flat[0];
  let unit = 0;
  for (let i = 1; i < flat.length; i += 3) {
    unit += flat[i];
    map.set(unit, { impact: flat[i + 1], facet: flat[i + 2] });
  }
  return map;
}

/**
 * Matches: units in every group, scored by the sum of each group's best impact. A number
 * group's impact counts ten times, so an exact number ranks above any text match.
 */
export function match(groups, postingsByToken) {
  // A group whose lists were cut to their best postings cannot say a unit lacks its token:
  // it adds to scores but excludes nothing, unless every group is like that.
  // An exact-title group adds the units it names, whatever the other groups found.
  const partial = (group) => group.tokens.some((t) => { const p = postingsByToken.get(t); return p && p.df > p.size; });
  const required = groups.filter((g) => !g.bonus);
  const filtering = required.filter((g) => !partial(g));
  const ordered = (filtering.length ? filtering.concat(required.filter(partial)) : required).concat(groups.filter((g) => g.bonus));
  let result = null;
  for (const group of ordered) {
    const soft = filtering.length > 0 && partial(group);
    const merged = new Map();
    for (const token of group.tokens) {
      for (const [unit, p] of postingsByToken.get(token) || new Map()) {
        const impact = p.impact * (group.number ? 10 : group.bonus ? 8 : 1);
        const seen = merged.get(unit);
        if (!seen || seen.impact < impact) merged.set(unit, { impact, facet: p.facet });
      }
    }
    if (result === null) { result = merged; continue; }
    const next = new Map();
    for (const [unit, p] of result) {
      const other = merged.get(unit);
      if (other) next.set(unit, { impact: p.impact + other.impact, facet: p.facet });
      else if (soft || group.bonus) next.set(unit, p);
    }
    if (group.bonus) for (const [unit, p] of merged) if (!next.has(unit)) next.set(unit, p);
    result = next;
  }
  return [...(result || new Map())].map(([unit, p]) => ({ unit, score: p.impact, facet: p.facet })).sort(byRank);
}

/** Higher scores first; among equals agencies, documents, plans, then tasks; then by unit. */
function byRank(a, b) {
  return b.score - a.score || ((a.facet & 3) + 3) % 4 - ((b.facet & 3) + 3) % 4 || a.unit - b.unit;
}

/** A plan's kind in a facet code (task 0, agency 1, document 2, plan 3). */
const PLAN = 3;

/** Unpacks a facet code: kind, province and deadline-year indexes (0 = none). */
export function facets(code) {
  return { kind: code & 3, province: (code >> 2) & 127, year: (code >> 9) & 63 };
}

/**
 * Re-ranks the best candidates with what their text shows: a title equal to the query comes
 * first (the agency "Sở Tư pháp" for "so tu phap"), then titles holding the phrase, and words
 * typed with their diacritics ("sở") beat other words that fold the same ("số").
 */
export function rerank(candidates, query) {
  const folded = normalize(query).replace(/\s+/g, " ").trim();
  const words = query.normalize("NFC").toLowerCase().split(/\s+/).filter((w) => w && normalize(w) !== w);
  for (const c of candidates) {
    if (!c.record) continue;
    const title = normalize(c.record.title).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const text = (c.record.title + " " + c.record.snippet).normalize("NFC").toLowerCase();
    let bonus = 0;
    if (folded && title === folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim()) bonus += 1000;
    else if (folded && (" " + title + " ").includes(" " + folded + " ")) bonus += 150;
    for (const word of words) if (new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}([^\\p{L}]|$)`, "u").test(text)) bonus += 60;
    c.score += bonus;
  }
  return candidates.sort(byRank);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where the query's words occur in text, as [start, end) ranges of the original text. */
export function highlights(text, query) {
  const words = syllables(query).flat().filter((w) => w.length > 1 || /\d/.test(w));
  if (!words.length) return [];
  const chars = Array.from(text);
  let folded = "";
  const origin = [];
  let offset = 0;
  chars.forEach((ch) => {
    for (const f of normalize(ch)) { folded += f; origin.push(offset); }
    offset += ch.length;
  });
  origin.push(offset);
  const ranges = [];
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "gu");
    for (const m of folded.matchAll(pattern)) ranges.push([origin[m.index], origin[m.index + m[0].length]]);
  }
  return ranges.sort((a, b) => a[0] - b[0]).filter((r, i, all) => i === 0 || r[0] >= all[i - 1][1]);
}

/** A record's title: its own text, or the length of the snippet's start that is the title. */
export function recordTitle(title, snippet, length) {
  if (typeof title !== "number") return title;
  const chars = Array.from(snippet.slice(0, title));
  return chars.length > length ? chars.slice(0, length).join("") + "…" : chars.join("");
}

/** Whether a ranked candidate passes the filters in the URL; `names` is search/facets.json. */
export function passes(candidate, state, names) {
  const f = facets(candidate.facet);
  if (state.kind && names.kinds[f.kind] !== state.kind) return false;
  if (state.province && names.provinces[f.province - 1] !== state.province) return false;
  if (state.year && String(names.years[f.year - 1]) !== state.year) return false;
  if (state.lead && !(candidate.record && candidate.record.leads.includes(state.lead))) return false;
  if (state.doc && !(candidate.record && candidate.record.cited.includes(state.doc))) return false;
  return true;
}

/**
 * The whole search, over a `load(path)` that returns parsed JSON: the page passes fetch, the
 * benchmark a loader that counts bytes. `shown` results get their display records; the first
 * call asks for few, so the first results need few requests.
 */
/** How many results the first render shows: few records, so few requests. */
export const FIRST = 3;

export async function search(state, loadFile, shown = FIRST) {
  const loaded = new Map();
  const load = (path) => { if (!loaded.has(path)) loaded.set(path, loadFile(path)); return loaded.get(path); };
  const manifest = await load("search/manifest.json");
  const groups = parseQuery(state.q);
  if (!groups.length) return { manifest, groups, matches: [], visible: [] };
  const postings = new Map();
  const shard = (token) => (hash(shardKey(token)) % manifest.shards).toString(16);
  await Promise.all([...new Set(groups.flatMap((g) => g.tokens))].map(async (token) => {
    const data = await load(`search/i/${shard(token)}.json`);
    if (data[token]) postings.set(token, decodePostings(data[token]));
  }));
  // A filter may select units beyond a common token's best postings: fetch the rest of its list.
  const filtered = Boolean(state.kind || state.province || state.year || state.lead || state.doc);
  const names = filtered ? await load("search/facets.json") : null;
  if (filtered) {
    await Promise.all([...postings].filter(([, p]) => p.df > p.size).map(async ([token, p]) => {
      const rest = (await load(`search/j/${shard(token)}.json`))[token];
      if (rest) for (const [unit, posting] of decodePostings(rest)) p.set(unit, posting);
    }));
  }
  // A plan's record is a file of its own (its place in the chunk is null): the plans that carry
  // a number out come right after its document, and their chunks hold seven tasks each.
  const record = async (candidate) => {
    const chunk = Math.floor(candidate.unit / manifest.chunk);
    const r = facets(candidate.facet).kind === PLAN ? await load(`search/p/${chunk}.json`)
      : (await load(`search/d/${chunk}.json`))[candidate.unit % manifest.chunk];
    return r && { kind: r[0], title: recordTitle(r[1], r[4], manifest.titleLength), url: r[2], province: r[3],
                  snippet: r[4], leads: r[5], cited: r[6], deadline: r[7] };
  };
  let matches = match(groups, postings);
  const needed = state.lead || state.doc ? matches.slice(0, 200) : matches.slice(0, shown);
  await Promise.all(needed.map(async (c) => { c.record = await record(c); }));
  matches = rerank(matches, state.q);
  const visible = filtered ? matches.filter((c) => passes(c, state, names)) : matches;
  await Promise.all(visible.slice(0, shown).filter((c) => !c.record).map(async (c) => { c.record = await record(c); }));
  return { manifest, groups, matches, visible };
}
