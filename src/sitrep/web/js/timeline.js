// Events per day by type, drawn as stacked SVG bars under the map. Dragging (or arrows and
// shift+arrows on the focused timeline) selects a date range, which becomes the `from`/`to`
// filters. Long spans are bucketed into weeks or months so a bar is never thinner than 2 px.
import { EVENT_TYPES, typeClass } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const HEIGHT = 110;
const AXIS = 18;

let container = null;
let data = { rows: [], first: null, last: null };
let range = null; // { from: Date, to: Date } selected
let onRange = () => {};
let geometry = null; // scale info of the last drawing

function parseDay(text) {
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function el(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

export function initTimeline(element, { onRangeChange }) {
  container = element;
  onRange = onRangeChange;
  let resizeTimer = null;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 80);
  }).observe(container);
  container.addEventListener("pointerdown", startDrag);
  container.addEventListener("keydown", onKey);
}

/** rows: [{period, key, events}] from /api/stats?by=day&group=event_type */
export function setTimelineData(rows) {
  const parsed = [];
  for (const row of rows || []) {
    const day = parseDay(row.period);
    // docs/api.md names them key and events; the store row calls them group and clusters.
    if (day) parsed.push({ day, key: row.key ?? row.group, events: row.events ?? row.clusters ?? 0 });
  }
  parsed.sort((a, b) => a.day - b.day);
  data = {
    rows: parsed,
    first: parsed.length ? parsed[0].day : null,
    last: parsed.length ? parsed[parsed.length - 1].day : null,
  };
  draw();
}

/** First and last day with events under the other filters (ISO dates), or null. */
export function timelineExtent() {
  return data.first ? { from: isoDay(data.first), to: isoDay(data.last) } : null;
}

export function setTimelineRange(from, to) {
  const start = from ? parseDay(from) : null;
  const end = to ? parseDay(to) : null;
  range = start || end ? { from: start || data.first, to: end || data.last } : null;
  drawSelection();
}

function buckets(width) {
  const days = Math.round((data.last - data.first) / DAY) + 1;
  const perBucket = [1, 7, 30, 91, 365].find((n) => width / Math.ceil(days / n) >= 2) || 365;
  const count = Math.ceil(days / perBucket);
  const stacks = Array.from({ length: count }, () => new Map());
  for (const row of data.rows) {
    const index = Math.floor((row.day - data.first) / DAY / perBucket);
    stacks[index].set(row.key, (stacks[index].get(row.key) || 0) + row.events);
  }
  return { perBucket, count, stacks, days };
}

function draw() {
  if (!container) return;
  container.replaceChildren();
  const width = Math.max(200, container.clientWidth);
  const svg = el("svg", { width, height: HEIGHT + AXIS, viewBox: `0 0 ${width} ${HEIGHT + AXIS}`, role: "img" });
  const title = el("title");
  container.append(svg);
  if (!data.first) {
    title.textContent = "No dated events";
    svg.append(title);
    const empty = el("text", { x: 8, y: HEIGHT / 2, class: "axis" });
    empty.textContent = "No dated events in this view";
    svg.append(empty);
    geometry = null;
    return;
  }
  const { perBucket, count, stacks, days } = buckets(width);
  const barWidth = width / count;
  const max = Math.max(1, ...stacks.map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
  title.textContent = `Events per ${perBucket === 1 ? "day" : `${perBucket} days`}, ${isoDay(data.first)} to ${isoDay(data.last)}`;
  svg.append(title);
  const bars = el("g", { class: "bars" });
  const order = [...EVENT_TYPES, ...new Set(data.rows.map((r) => r.key).filter((k) => !EVENT_TYPES.includes(k)))];
  stacks.forEach((stack, index) => {
    let y = HEIGHT;
    for (const type of order) {
      const n = stack.get(type);
      if (!n) continue;
      const h = Math.max(1, (n / max) * (HEIGHT - 6));
      y -= h;
      const rect = el("rect", {
        x: index * barWidth, y, width: Math.max(1, barWidth - (barWidth > 3 ? 1 : 0)), height: h,
        class: `bar ${typeClass(type)}`,
      });
      const tip = el("title");
      const start = new Date(data.first.getTime() + index * perBucket * DAY);
      tip.textContent = `${isoDay(start)}${perBucket > 1 ? ` (+${perBucket - 1} days)` : ""}: ${n} ${type}`;
      rect.append(tip);
      bars.append(rect);
    }
  });
  svg.append(bars);
  svg.append(el("line", { x1: 0, y1: HEIGHT + 0.5, x2: width, y2: HEIGHT + 0.5, class: "axis-line" }));
  const ticks = Math.min(6, Math.max(2, Math.floor(width / 120)));
  for (let i = 0; i < ticks; i += 1) {
    // Label the middle of a day's column; the first and last labels hug the edges.
    const offset = Math.round((i / (ticks - 1)) * (days - 1));
    const day = new Date(data.first.getTime() + offset * DAY);
    const anchor = i === 0 ? "start" : i === ticks - 1 ? "end" : "middle";
    const x = anchor === "start" ? 0 : anchor === "end" ? width : ((offset + 0.5) / days) * width;
    const text = el("text", { x, y: HEIGHT + AXIS - 4, class: "axis", "text-anchor": anchor });
    text.textContent = isoDay(day);
    svg.append(text);
  }
  svg.append(el("rect", { class: "selection", x: 0, y: 0, width: 0, height: HEIGHT, visibility: "hidden" }));
  geometry = { width, days, svg };
  drawSelection();
}

function xOfDay(day) {
  return ((day - data.first) / DAY / geometry.days) * geometry.width;
}

function dayOfX(x) {
  const offset = Math.floor((Math.min(Math.max(x, 0), geometry.width - 0.01) / geometry.width) * geometry.days);
  return new Date(data.first.getTime() + offset * DAY);
}

function drawSelection() {
  if (!geometry) return;
  const rect = geometry.svg.querySelector(".selection");
  if (!range || !range.from || !range.to) {
    rect.setAttribute("visibility", "hidden");
    return;
  }
  const x1 = Math.max(0, xOfDay(range.from));
  const x2 = Math.min(geometry.width, xOfDay(range.to) + geometry.width / geometry.days);
  rect.setAttribute("x", String(x1));
  rect.setAttribute("width", String(Math.max(2, x2 - x1)));
  rect.setAttribute("visibility", "visible");
}

function commit() {
  if (range && range.from && range.to) onRange(isoDay(range.from), isoDay(range.to));
  else onRange(null, null);
}

function startDrag(event) {
  if (!geometry || event.button !== 0) return;
  const box = container.getBoundingClientRect();
  const anchor = dayOfX(event.clientX - box.left);
  range = { from: anchor, to: anchor };
  drawSelection();
  container.setPointerCapture(event.pointerId);
  const move = (e) => {
    const day = dayOfX(e.clientX - box.left);
    range = day < anchor ? { from: day, to: anchor } : { from: anchor, to: day };
    drawSelection();
  };
  const up = () => {
    container.removeEventListener("pointermove", move);
    container.removeEventListener("pointerup", up);
    container.removeEventListener("pointercancel", up);
    commit();
  };
  container.addEventListener("pointermove", move);
  container.addEventListener("pointerup", up);
  container.addEventListener("pointercancel", up);
}

function onKey(event) {
  if (!geometry) return;
  if (event.key === "Escape") {
    range = null;
    drawSelection();
    commit();
    return;
  }
  const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
  if (!step) return;
  event.preventDefault();
  const unit = Math.max(1, Math.round(geometry.days / 50)) * DAY;
  const clampDay = (d) => new Date(Math.min(data.last, Math.max(data.first, d)));
  if (!range) range = { from: data.first, to: data.first };
  if (event.shiftKey) range = { from: range.from, to: clampDay(range.to.getTime() + step * unit) };
  else range = { from: clampDay(range.from.getTime() + step * unit), to: clampDay(range.to.getTime() + step * unit) };
  if (range.to < range.from) range = { from: range.from, to: range.from };
  drawSelection();
  commit();
}
