// Every request the page makes goes through here, to /api/... on the same origin.

const PAGE_SIZE = 1000; // the API's cap
export const MAP_FIELDS = [
  "id", "event_type", "sub_event_type", "date", "location", "fatalities", "sources", "contested",
];

export class ApiError extends Error {
  constructor(status, envelope) {
    const error = (envelope && envelope.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || "http_error";
    this.hint = error.hint || "";
  }
}

/** `/api/<path>?<params>`; empty values are left out. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return `/api/${path}${text ? `?${text}` : ""}`;
}

export async function getJSON(url, { signal } = {}) {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/**
 * Load every event matching the filters, a page at a time; `onPage(items, info)` runs for each
 * page as it arrives, so the map fills while the rest loads. Returns the number loaded.
 */
export async function loadEvents(filters, onPage, { signal } = {}) {
  const first = apiUrl("events", {
    ...filters, limit: PAGE_SIZE, fields: MAP_FIELDS.join(","), with_total: "true",
  });
  let pending = getJSON(first, { signal });
  let loaded = 0;
  let total = null;
  while (pending) {
    const body = await pending;
    // Ask for the next page before drawing this one, so the server and the page work at once.
    pending = body.next ? getJSON(body.next, { signal }) : null;
    const items = body.items || [];
    if (typeof body.total === "number") total = body.total;
    loaded += items.length;
    onPage(items, { loaded, total, done: !body.next });
  }
  return loaded;
}

export function getEvent(id, options) {
  return getJSON(`/api/events/${encodeURIComponent(id)}`, options);
}

export function getArticle(id, options) {
  return getJSON(`/api/articles/${encodeURIComponent(id)}`, options);
}

export function getStats(filters, options) {
  return getJSON(apiUrl("stats", { ...filters, by: "day", group: "event_type" }), options);
}

export function getFilterTable(options) {
  return getJSON("/api/filters", options);
}

/** The API URL of the whole current view in another format (the export links). */
export function exportUrl(format, filters) {
  return apiUrl(`events.${format}`, { ...filters, limit: "all" }); // every match, streamed
}

export function briefUrl(params) {
  return apiUrl("brief", { ...params, format: "html" });
}
