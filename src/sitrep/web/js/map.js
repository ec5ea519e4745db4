// The map: country outlines shipped with the page, an optional tile layer, events as clustered
// markers coloured by type and sized by fatalities. Events at one point spread out on click.
/* global L */
import { typeClass } from "./types.js";

const MAX_ZOOM = 14;
let map = null;
let cluster = null;
let onSelect = () => {};
const markersById = new Map();
let idleWaiters = [];
let batchesPending = 0;

// MarkerCluster adds big batches in chunks (chunkedLoading) so the page stays responsive; it calls
// chunkProgress(processed, total) after each chunk of each batch. whenMarkersPlaced() resolves once
// every batch handed to it is on the map.
function chunkProgress(processed, total) {
  if (processed < total) return;
  batchesPending = Math.max(0, batchesPending - 1);
  if (batchesPending === 0) {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

export function whenMarkersPlaced() {
  if (batchesPending === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

function isActivation(event) {
  return Boolean(event) && (event.key === "Enter" || event.key === " ");
}

function markerSize(fatalities) {
  const best = fatalities && typeof fatalities.best === "number" ? fatalities.best : 0;
  return Math.round(12 + Math.min(20, 4 * Math.log2(1 + best)));
}

function label(event) {
  const place = event.location && event.location.name ? `, ${event.location.name}` : "";
  const best = event.fatalities && event.fatalities.best ? `, ${event.fatalities.best} killed` : "";
  return `${event.date || "undated"} ${event.sub_event_type || event.event_type || "event"}${place}${best}`;
}

/** Tiles only when the server has a tile URL set (setting `tile_url`); offline, the outlines do. */
export function setTiles(tileUrl, attribution) {
  if (!tileUrl || !map) return;
  L.tileLayer(tileUrl, { maxZoom: MAX_ZOOM, attribution: attribution || "" }).addTo(map);
  map.getContainer().classList.remove("no-tiles");
}

export function initMap(element, { view, onEventSelect, onViewChange }) {
  onSelect = onEventSelect;
  // Zoom 14 (a few streets) is as close as town-level event places deserve, and every zoom level
  // is a level of clusters to build: 14 levels instead of 18 make loading a quarter cheaper.
  map = L.map(element, { maxZoom: MAX_ZOOM, minZoom: 1, worldCopyJump: true, zoomSnap: 0.5 });
  element.classList.add("no-tiles");
  fetch("/static/countries.geojson")
    .then((response) => response.json())
    .then((outlines) => {
      L.geoJSON(outlines, {
        interactive: false,
        style: { className: "country", weight: 0.6, fillOpacity: 1 },
      }).addTo(map);
    })
    .catch(() => {});
  cluster = newCluster();
  if (view) map.setView([view.lat, view.lon], view.zoom);
  else map.setView([15, 20], 2);
  map.on("moveend", () => onViewChange(currentView()));
  return map;
}

// One cluster group per load: a filter change drops the old group with any chunks it still has
// to place, so no marker of an earlier view can appear in the new one.
function newCluster() {
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    chunkProgress: (processed, total) => {
      if (group === cluster) chunkProgress(processed, total);
    },
    maxClusterRadius: 50,
    spiderfyOnMaxZoom: true,
    showCoverageOnHover: false,
    zoomToBoundsOnClick: true,
  });
  // One listener for every marker, not two per marker: a marker's events reach its group.
  group.on("click", (e) => {
    if (e.layer && e.layer.eventId) onSelect(e.layer.eventId);
  });
  group.on("keydown", (e) => {
    if (e.layer && e.layer.eventId && isActivation(e.originalEvent)) onSelect(e.layer.eventId);
  });
  // Keyboard: Enter or Space on a focused cluster opens it as a click would (zoom in, or spread out
  // the events that share one point).
  group.on("clusterkeydown", (e) => {
    if (!isActivation(e.originalEvent)) return;
    const bounds = e.layer.getBounds();
    if (map.getZoom() >= map.getMaxZoom() || bounds.getNorthEast().equals(bounds.getSouthWest())) {
      e.layer.spiderfy();
    } else {
      e.layer.zoomToBounds({ padding: [20, 20] });
    }
  });
  group.addTo(map);
  return group;
}

export function currentView() {
  const center = map.getCenter();
  const bounds = map.getBounds();
  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  return {
    lat: center.lat,
    lon: center.lng,
    zoom: map.getZoom(),
    bbox: [
      clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90),
      clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90),
    ].map((n) => n.toFixed(4)).join(","),
  };
}

export function clearEvents() {
  map.removeLayer(cluster);
  cluster = newCluster();
  batchesPending = 0;
  chunkProgress(0, 0);
  markersById.clear();
}

/** Add one page of events; returns how many had coordinates (the others are counted apart). */
// Markers share one icon per look (type, size, contested): thousands of markers, a few dozen icons.
const icons = new Map();

function iconFor(event) {
  const size = markerSize(event.fatalities);
  const className = `event-marker ${typeClass(event.event_type)}${event.contested ? " contested" : ""}`;
  const key = `${className}|${size}`;
  if (!icons.has(key)) icons.set(key, L.divIcon({ className, iconSize: [size, size] }));
  return icons.get(key);
}

export function addEvents(events) {
  const markers = [];
  for (const event of events) {
    const location = event.location || {};
    if (typeof location.lat !== "number" || typeof location.lon !== "number") continue;
    const icon = iconFor(event);
    const marker = L.marker([location.lat, location.lon], {
      icon, title: label(event), alt: label(event), keyboard: true, riseOnHover: true,
    });
    marker.eventId = event.id; // clicks and keys reach the group's listeners (newCluster)
    markersById.set(event.id, marker);
    markers.push(marker);
  }
  if (markers.length) {
    batchesPending += 1;
    cluster.addLayers(markers);
  }
  return markers.length;
}

export function markerCount() {
  return cluster ? cluster.getLayers().length : 0;
}

export function highlight(id) {
  for (const element of document.querySelectorAll(".event-marker.selected")) {
    element.classList.remove("selected");
  }
  const marker = markersById.get(id);
  if (!marker) return;
  const element = marker.getElement();
  if (element) element.classList.add("selected");
}

// Resolves once the map has stopped moving and the cluster group has finished splitting or
// merging clusters for the new zoom. Until then markers are still moving or being replaced, so a
// click (a reader's or a test's) may land on the bare map: the page says "complete" only after this.
export function fitToEvents() {
  const bounds = cluster.getBounds();
  if (!bounds.isValid()) return Promise.resolve();
  const settled = new Promise((resolve) => {
    map.once("moveend", () => whenClustersSettled().then(resolve));
    setTimeout(resolve, 2000); // never hold the page back for good on a lost event
  });
  // No zoom animation: on first load the reader has not looked at the world view yet.
  map.fitBounds(bounds.pad(0.2), { maxZoom: 8, animate: false });
  return settled;
}

// The cluster group marks the map pane with leaflet-cluster-anim while its zoom animation runs.
function whenClustersSettled() {
  const pane = map.getPane("mapPane");
  return new Promise((resolve) => {
    const check = () => {
      if (pane.classList.contains("leaflet-cluster-anim")) requestAnimationFrame(check);
      else resolve();
    };
    requestAnimationFrame(check);
  });
}

export function invalidate() {
  if (map) map.invalidateSize();
}
