// The page state lives in the URL query string, so a view can be shared and cited.
// Filter parameters keep the API's names (one definition: /api/filters); the page adds
// `view` (lat,lon,zoom of the map) and `event` (the open event card).

export const FILTER_NAMES = [
  "from", "to", "country", "admin1", "bbox", "event_type", "sub_event_type", "actor",
  "claimant", "party_claims", "contested", "min_sources", "q", "updated_since",
];
const PAGE_NAMES = ["view", "event"];

let filterNames = [...FILTER_NAMES];
const listeners = new Set();

/** Add filter names the server knows and this page did not (from /api/filters). */
export function knowFilters(names) {
  for (const name of names) if (!filterNames.includes(name)) filterNames.push(name);
}

export function filterNamesKnown() {
  return [...filterNames];
}

function read() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of filterNames) {
    const values = params.getAll(name).filter((v) => v !== "");
    if (values.length) filters[name] = values.join(",");
  }
  const page = {};
  for (const name of PAGE_NAMES) {
    const value = params.get(name);
    if (value) page[name] = value;
  }
  return { filters, page };
}

let current = read();

export function getState() {
  return { filters: { ...current.filters }, page: { ...current.page } };
}

export function getFilters() {
  return { ...current.filters };
}

function write(push) {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    if (current.filters[name] !== undefined) params.set(name, current.filters[name]);
  }
  for (const name of PAGE_NAMES) {
    if (current.page[name] !== undefined) params.set(name, current.page[name]);
  }
  const query = params.toString();
  const url = window.location.pathname + (query ? `?${query}` : "");
  if (url === window.location.pathname + window.location.search) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

function clean(values) {
  const out = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text !== "") out[name] = text;
  }
  return out;
}

/** Change filters (a value of "" or null removes one); a new history entry; listeners hear it. */
export function setFilters(changes, { replaceAll = false } = {}) {
  const next = replaceAll ? {} : { ...current.filters };
  for (const [name, value] of Object.entries(changes)) next[name] = value;
  const cleaned = clean(next);
  if (JSON.stringify(cleaned) === JSON.stringify(current.filters)) return;
  current = { filters: cleaned, page: { ...current.page } };
  write(true);
  emit("filters");
}

/** Page state (map view, open card): replaces the history entry, so panning does not flood it. */
export function setPage(changes, { push = false } = {}) {
  current = { filters: current.filters, page: clean({ ...current.page, ...changes }) };
  write(push);
}

export function onChange(listener) {
  listeners.add(listener);
}

function emit(kind) {
  for (const listener of listeners) listener(kind, getState());
}

window.addEventListener("popstate", () => {
  const before = JSON.stringify(current.filters);
  const beforeEvent = current.page.event;
  current = read();
  if (JSON.stringify(current.filters) !== before) emit("filters");
  if (current.page.event !== beforeEvent) emit("event");
});
