// The search page: reads ?q= and filters from the URL, fetches only the index shards the
// query needs, and renders results into #results. All text goes in through textContent.
import { FIRST, facets, highlights, search } from "./search-core.js";

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
// Province and year names for the filters (search/facets.json), loaded after the first results.
let names = null;
let shown = PAGE;
let runId = 0;

function fetchJSON(path) {
  if (!cache.has(path)) {
    cache.set(path, fetch(base + path).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
  }
  return cache.get(path);
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

async function run(state) {
  const id = ++runId;
  input.value = state.q;
  status.textContent = state.q ? "Đang tìm…" : "Nhập từ khóa, tên cơ quan hoặc số hiệu văn bản.";
  // A few results first, so they appear after few requests; then the whole page.
  for (const count of shown > PAGE ? [shown] : [FIRST, PAGE]) {
    const found = await search(state, fetchJSON, count);
    if (count > FIRST && !names) names = await fetchJSON("search/facets.json");
    if (id !== runId) return;
    render(found, state, count);
  }
}

function render({ groups, matches, visible }, state, count) {
  resultsList.replaceChildren();
  filterBox.replaceChildren();
  moreButton.hidden = true;
  if (!groups.length) return;
  if (names) renderFilters(matches, state);
  status.textContent = visible.length ? `${visible.length} kết quả cho “${state.q}”.` : `Không tìm thấy kết quả cho “${state.q}”.`;
  for (const c of visible.slice(0, count)) if (c.record) resultsList.append(renderResult(c.record, state.q));
  moreButton.hidden = visible.length <= count;
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
    ["kind", "Loại", count("kind", (c) => [names.kinds[facets(c.facet).kind]]), (v) => KIND_NAMES[names.kinds.indexOf(v)]],
    ["province", "Tỉnh", count("province", (c) => [names.provinces[facets(c.facet).province - 1]]), (v) => v],
    ["year", "Năm đến hạn", count("year", (c) => [String(names.years[facets(c.facet).year - 1] || "")]), (v) => v],
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
