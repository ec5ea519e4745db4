// Wires the modules: URL state -> API requests -> map, timeline, count, card, export links.
import { ApiError, briefUrl, exportUrl, getJSON, getStats, loadEvents } from "./api.js";
import { closeCard, initCard, openCard } from "./card.js";
import { initFilters, showFilters } from "./filters.js";
import {
  addEvents, clearEvents, currentView, fitToEvents, highlight, initMap, invalidate, markerCount, setTiles, whenMarkersPlaced,
} from "./map.js";
import { getFilters, getState, onChange, setFilters, setPage } from "./state.js";
import { initTimeline, setTimelineData, setTimelineRange, timelineExtent } from "./timeline.js";

const $ = (id) => document.getElementById(id);
let loadController = null;
let statsController = null;
let followBbox = false;
let firstLoad = true;
let urlHadView = false; // a shared link with a map view keeps it; otherwise the map fits the events

function status(text, isError = false) {
  const box = $("status");
  box.textContent = text;
  box.classList.toggle("error", isError);
}

function describe(error) {
  if (error instanceof ApiError) return `${error.message}${error.hint ? ` — ${error.hint}` : ""}`;
  return error.message || String(error);
}

function showCount(onMap, loaded, total, done) {
  const count = $("count");
  count.textContent = onMap.toLocaleString("en");
  count.dataset.count = String(onMap);
  $("count-label").textContent = onMap === 1 ? "event" : "events";
  const unlocated = loaded - onMap;
  const parts = [];
  if (unlocated > 0) parts.push(`${unlocated.toLocaleString("en")} without a place`);
  if (!done && total !== null) parts.push(`loading ${loaded.toLocaleString("en")} of ${total.toLocaleString("en")}`);
  $("count-extra").textContent = parts.length ? `(${parts.join("; ")})` : "";
  document.body.dataset.markers = String(markerCount());
}

function updateLinks(filters) {
  for (const format of ["csv", "geojson", "json"]) $(`export-${format}`).href = exportUrl(format, filters);
  const area = (filters.country || filters.admin1 || "").split(",")[0];
  const brief = $("brief");
  brief.disabled = !area;
  brief.title = area ? `A situation brief for ${area}` : "Choose a country or admin1 filter first";
}

async function loadAll({ withTimeline = false } = {}) {
  const filters = getFilters();
  if (loadController) loadController.abort();
  loadController = new AbortController();
  const { signal } = loadController;
  const started = performance.now();
  document.body.dataset.loaded = "loading";
  clearEvents();
  updateLinks(filters);
  setTimelineRange(filters.from, filters.to);
  $("clear-range").hidden = !(filters.from || filters.to);
  status("Loading events…");
  let onMap = 0;
  try {
    let pages = 0;
    let info = { loaded: 0, total: null, done: true };
    await loadEvents(filters, (items, pageInfo) => {
      info = pageInfo;
      onMap += addEvents(items);
      showCount(onMap, info.loaded, info.total, info.done);
      pages += 1;
      if (pages === 1) {
        document.body.dataset.firstPageMs = String(Math.round(performance.now()));
        // The timeline's counts come second: the map's first page is what the reader waits for.
        if (withTimeline) loadTimeline();
      }
    }, { signal });
    await whenMarkersPlaced();
    if (signal.aborted) return;
    showCount(onMap, info.loaded, info.total, true);
    if (firstLoad && !urlHadView) await fitToEvents();
    if (signal.aborted) return;
    // Milliseconds since navigation start when every marker is on the map (scripts/bench_dashboard.py).
    document.body.dataset.renderMs = String(Math.round(performance.now()));
    document.body.dataset.loadSeconds = ((performance.now() - started) / 1000).toFixed(2);
    document.body.dataset.loaded = "complete";
    status("");
    firstLoad = false;
  } catch (error) {
    if (error.name === "AbortError") return;
    document.body.dataset.loaded = "error";
    status(`Could not load events: ${describe(error)}`, true);
  }
}

let timelineKey = null;

async function loadTimeline() {
  // The timeline shows the whole span of the other filters, so a range can be widened again;
  // choosing a range on it therefore needs no new counts.
  const filters = getFilters();
  delete filters.from;
  delete filters.to;
  const key = JSON.stringify(filters);
  if (key === timelineKey) {
    setTimelineRange(getFilters().from, getFilters().to);
    return;
  }
  timelineKey = key;
  if (statsController) statsController.abort();
  statsController = new AbortController();
  try {
    const stats = await getStats(filters, { signal: statsController.signal });
    setTimelineData(stats.rows || []);
    const current = getFilters();
    setTimelineRange(current.from, current.to);
  } catch (error) {
    if (error.name !== "AbortError") {
      timelineKey = null;
      setTimelineData([]);
    }
  }
}

function parseView(text) {
  const [lat, lon, zoom] = (text || "").split(",").map(Number);
  if (![lat, lon, zoom].every((n) => Number.isFinite(n))) return null;
  return { lat, lon, zoom };
}

function selectEvent(id) {
  setPage({ event: id }, { push: true });
  highlight(id);
  openCard(id);
}

function start() {
  performance.mark("sitrep-start");
  const state = getState();
  urlHadView = Boolean(state.page.view);
  initMap($("map"), {
    view: parseView(state.page.view),
    onEventSelect: selectEvent,
    onViewChange: (view) => {
      setPage({ view: `${view.lat.toFixed(4)},${view.lon.toFixed(4)},${view.zoom}` });
      if (followBbox) setFilters({ bbox: view.bbox });
    },
  });
  initCard($("card"), {
    onCardClose: () => {
      setPage({ event: null });
      setTimeout(invalidate, 0);
    },
    onCardOpen: () => setTimeout(invalidate, 0),
  });
  initTimeline($("timeline"), {
    onRangeChange: (from, to) => setFilters({ from, to }),
  });
  initFilters($("filter-form"), $("search"), {
    onBboxFollow: (on) => {
      followBbox = on;
      setFilters({ bbox: on ? currentView().bbox : null });
    },
  });
  followBbox = Boolean(state.filters.bbox);
  onChange((kind, next) => {
    if (kind === "filters") {
      showFilters(next.filters);
      loadAll({ withTimeline: true });
    } else if (kind === "event") {
      if (next.page.event) openCard(next.page.event);
      else closeCard();
    }
  });
  $("clear-range").addEventListener("click", () => setFilters({ from: null, to: null }));
  $("brief").addEventListener("click", () => {
    const filters = getFilters();
    const area = (filters.country || filters.admin1 || "").split(",")[0];
    if (!area) return;
    // A brief covers a period: the chosen dates, else the last year of the events in view.
    const extent = timelineExtent();
    const to = filters.to || (extent && extent.to);
    let from = filters.from || (extent && extent.from);
    if (!to) {
      status("No dated events to brief on.", true);
      return;
    }
    const yearBefore = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86400000).toISOString().slice(0, 10);
    if (!from || from < yearBefore) from = yearBefore;
    window.open(briefUrl({ ...filters, area, from, to }), "_blank", "noopener");
  });
  $("copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      status("Link copied.");
    } catch (_) {
      status(`Link: ${window.location.href}`);
    }
  });
  const toggle = $("toggle-filters");
  toggle.addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    toggle.setAttribute("aria-expanded", String(open));
    setTimeout(invalidate, 50);
  });
  loadAll({ withTimeline: true });
  if (state.page.event) openCard(state.page.event);
  getJSON("/api/status").then((s) => {
    document.body.dataset.readOnly = String(s.read_only);
    setTiles(s.tile_url, s.tile_attribution);
  }).catch(() => {});
}

if (window.L && window.L.markerClusterGroup) start();
else window.addEventListener("load", start, { once: true });
