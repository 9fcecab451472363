// The search page: reads ?q= and filters from the URL, fetches only the index shards the
// query needs, and renders results into #results. All text goes in through textContent.
import { decodePostings, facets, hash, highlights, match, parseQuery, rerank } from "./search-core.js";

const root = document.getElementById("search");
const base = root.dataset.base;
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const resultsList = document.getElementById("results");
const filterBox = document.getElementById("search-filters");
const moreButton = document.getElementById("search-more");
const KIND_NAMES = ["Nhiệm vụ", "Cơ quan", "Văn bản", "Kế hoạch"];
const PAGE = 10;
const cache = new Map();
let manifest = null;
let shown = PAGE;
let runId = 0;

function fetchJSON(path) {
  if (!cache.has(path)) {
    cache.set(path, fetch(base + path).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
  }
  return cache.get(path);
}

async function postingsFor(groups, tier) {
  const tokens = [...new Set(groups.flatMap((g) => g.tokens))];
  const map = new Map();
  await Promise.all(tokens.map(async (token) => {
    const shard = (hash(token) % manifest.shards).toString(16);
    const data = await fetchJSON(`search/${tier}/${shard}.json`);
    if (data[token]) map.set(token, decodePostings(data[token]));
  }));
  return map;
}

async function record(unit) {
  const chunk = await fetchJSON(`search/d/${Math.floor(unit / manifest.chunk)}.json`);
  const r = chunk[unit % manifest.chunk];
  return r && { kind: r[0], title: r[1], url: r[2], province: r[3], snippet: r[4], leads: r[5], cited: r[6], deadline: r[7] };
}

function readState() {
  const params = new URLSearchParams(location.search);
  return { q: params.get("q") || "", kind: params.get("kind") || "", province: params.get("province") || "",
           year: params.get("year") || "", lead: params.get("lead") || "", doc: params.get("doc") || "" };
}

function writeState(state, push) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value);
  const url = location.pathname + (params.toString() ? "?" + params : "");
  (push ? history.pushState : history.replaceState).call(history, null, "", url);
}

function passes(candidate, state) {
  const f = facets(candidate.facet);
  if (state.kind && manifest.kinds[f.kind] !== state.kind) return false;
  if (state.province && manifest.provinces[f.province - 1] !== state.province) return false;
  if (state.year && String(manifest.years[f.year - 1]) !== state.year) return false;
  if (state.lead && !(candidate.record && candidate.record.leads.includes(state.lead))) return false;
  if (state.doc && !(candidate.record && candidate.record.cited.includes(state.doc))) return false;
  return true;
}

async function run(state) {
  const id = ++runId;
  manifest = manifest || await fetchJSON("search/manifest.json");
  input.value = state.q;
  resultsList.replaceChildren();
  filterBox.replaceChildren();
  moreButton.hidden = true;
  const groups = parseQuery(state.q);
  if (!groups.length) { status.textContent = "Nhập từ khóa, tên cơ quan hoặc số hiệu văn bản."; return; }
  status.textContent = "Đang tìm…";
  let matches = match(groups, await postingsFor(groups, "i"));
  if (id !== runId) return;
  const needRecords = state.lead || state.doc ? matches.slice(0, 200) : matches.slice(0, Math.max(shown, PAGE) + 5);
  await Promise.all(needRecords.map(async (c) => { c.record = await record(c.unit); }));
  if (id !== runId) return;
  matches = rerank(matches, state.q);
  const visible = matches.filter((c) => passes(c, state));
  renderFilters(matches, state);
  status.textContent = visible.length ? `${visible.length} kết quả cho “${state.q}”.` : `Không tìm thấy kết quả cho “${state.q}”.`;
  const page = visible.slice(0, shown);
  await Promise.all(page.filter((c) => !c.record).map(async (c) => { c.record = await record(c.unit); }));
  if (id !== runId) return;
  for (const c of page) if (c.record) resultsList.append(renderResult(c.record, state.q));
  moreButton.hidden = visible.length <= shown;
}

function renderResult(r, query) {
  const item = document.createElement("li");
  item.className = "result";
  const kind = document.createElement("span");
  kind.className = "badge";
  kind.textContent = KIND_NAMES[r.kind];
  const link = document.createElement("a");
  link.href = r.url;
  link.className = "result__title";
  appendHighlighted(link, r.title, query);
  item.append(kind, " ", link);
  const meta = [r.province, r.leads.length ? "Chủ trì: " + r.leads.join("; ") : "", r.deadline ? "Thời hạn: " + r.deadline : ""].filter(Boolean);
  if (meta.length) {
    const p = document.createElement("p");
    p.className = "result__meta";
    p.textContent = meta.join(" · ");
    item.append(p);
  }
  if (r.snippet) {
    const p = document.createElement("p");
    p.className = "result__snippet";
    appendHighlighted(p, snippetAround(r.snippet, query), query);
    item.append(p);
  }
  return item;
}

function snippetAround(text, query) {
  const ranges = highlights(text, query);
  const start = ranges.length ? Math.max(0, ranges[0][0] - 80) : 0;
  const cut = text.slice(start, start + 240);
  return (start > 0 ? "…" : "") + cut + (start + 240 < text.length ? "…" : "");
}

function appendHighlighted(parent, text, query) {
  let at = 0;
  for (const [a, b] of highlights(text, query)) {
    parent.append(text.slice(at, a));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(a, b);
    parent.append(mark);
    at = b;
  }
  parent.append(text.slice(at));
}

function renderFilters(matches, state) {
  const count = (key, values) => {
    const counts = new Map();
    for (const c of matches) for (const v of values(c)) if (v) counts.set(v, (counts.get(v) || 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), "vi")).slice(0, 12);
  };
  const groups = [
    ["kind", "Loại", count("kind", (c) => [manifest.kinds[facets(c.facet).kind]]), (v) => KIND_NAMES[manifest.kinds.indexOf(v)]],
    ["province", "Tỉnh", count("province", (c) => [manifest.provinces[facets(c.facet).province - 1]]), (v) => v],
    ["year", "Năm đến hạn", count("year", (c) => [String(manifest.years[facets(c.facet).year - 1] || "")]), (v) => v],
    ["lead", "Cơ quan chủ trì (trong kết quả đầu)", count("lead", (c) => (c.record ? c.record.leads : [])), (v) => v],
    ["doc", "Văn bản trích dẫn (trong kết quả đầu)", count("doc", (c) => (c.record ? c.record.cited : [])), (v) => v],
  ];
  for (const [key, label, values, name] of groups) {
    if (!values.length) continue;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = label;
    fieldset.append(legend);
    for (const [value, n] of values) {
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-pressed", String(state[key] === value));
      button.textContent = `${name(value)} (${n})`;
      button.addEventListener("click", () => {
        const next = { ...readState(), [key]: state[key] === value ? "" : value };
        writeState(next, true);
        shown = PAGE;
        run(next);
      });
      fieldset.append(button);
    }
    filterBox.append(fieldset);
  }
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const next = { q: input.value.trim() };
    writeState(next, false);
    shown = PAGE;
    run(next);
  }, 200);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const next = { q: input.value.trim() };
  writeState(next, true);
  shown = PAGE;
  run(next);
});
moreButton.addEventListener("click", () => { shown += PAGE; run(readState()); });
window.addEventListener("popstate", () => { shown = PAGE; run(readState()); });
run(readState());
