// The event card: the merged values, every report, the claims grouped by side, the flags with
// their reasons, and each article's text with the evidence spans highlighted. Untrusted text
// (titles, outlets, names, article text) only ever becomes text nodes (dom.js).
import { getArticle, getEvent } from "./api.js";
import { h, safeLink } from "./dom.js";
import { typeClass } from "./types.js";

const PRECISION = { 1: "day", 2: "week", 3: "month", 4: "year" };
let container = null;
let onClose = () => {};
let onOpen = () => {};
let controller = null;
let returnFocus = null; // what had the focus before the card opened gets it back on close

export function initCard(element, { onCardClose, onCardOpen }) {
  container = element;
  onClose = onCardClose;
  onOpen = onCardOpen;
  container.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeCard();
  });
}

export function closeCard() {
  if (controller) controller.abort();
  const wasOpen = !container.hidden;
  container.hidden = true;
  container.replaceChildren();
  document.body.classList.remove("card-open");
  onClose();
  if (wasOpen && returnFocus && document.contains(returnFocus)) returnFocus.focus();
  returnFocus = null;
}

export async function openCard(id) {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const wasHidden = container.hidden;
  if (wasHidden && document.activeElement && document.activeElement !== document.body) {
    returnFocus = document.activeElement;
  }
  container.hidden = false;
  document.body.classList.add("card-open");
  if (wasHidden) onOpen();
  container.replaceChildren(h("p", { class: "loading" }, "Loading event…"));
  try {
    const record = await getEvent(id, { signal });
    render(record);
  } catch (error) {
    if (error.name === "AbortError") return;
    container.replaceChildren(closeButton(), h("p", { class: "error" }, `Could not load event ${id}: ${error.message}`));
  }
  container.focus();
}

function closeButton() {
  const button = h("button", { type: "button", class: "close", "aria-label": "Close the event card" }, "×");
  button.addEventListener("click", closeCard);
  return button;
}

function count(value) {
  if (!value || (value.best == null && value.low == null && value.high == null)) return "not reported";
  const { low, best, high } = value;
  // Only a party's claim gives a figure (the store keeps it as the high bound until a non-party source
  // confirms one): it is an upper bound, not a count.
  if (best == null && low == null) return `at most ${high} (a party's claim, unconfirmed)`;
  if (low != null && high != null && low !== high) {
    return `${best ?? low} (range ${low}–${high})`;
  }
  return String(best ?? low ?? high);
}

function place(location) {
  if (!location) return "unknown";
  const parts = [location.name, location.admin1, location.country].filter((p, i, all) => p && all.indexOf(p) === i);
  const precision = location.geo_precision ? ` (geo precision ${location.geo_precision})` : "";
  return `${parts.join(", ") || "unknown"}${precision}`;
}

function actorList(record) {
  const actors = record.actors || [];
  if (!actors.length) return "none named";
  return h("ul", { class: "plain" }, actors.map((item) => {
    // ClusterActor {actor: Actor, roles, reports}; a bare Actor is shown the same way.
    const actor = item.actor || item;
    const roles = item.roles || (item.role ? [item.role] : []);
    return h("li", {},
      actor.name || String(actor),
      actor.type ? h("span", { class: "muted" }, ` ${actor.type}`) : null,
      roles.length ? h("span", { class: "muted" }, ` (${roles.join(", ").replace(/_/g, " ")})`) : null);
  }));
}

function valuesTable(record) {
  const rows = [
    ["Type", `${record.event_type || "?"} / ${record.sub_event_type || "?"}`],
    ["Date", record.date ? `${record.date}${PRECISION[record.date_precision] ? ` (to the ${PRECISION[record.date_precision]})` : ""}` : "unknown"],
    ["Where", place(record.location)],
    ["Actors", actorList(record)],
    ["Killed", count(record.fatalities)],
    ["Injured", count(record.injured)],
    ["Independent sources", record.sources ?? (record.reports || []).length],
    ["First reported", record.first_reported || "?"],
    ["Last updated", record.last_updated || "?"],
  ];
  if (record.contested) rows.push(["Contested", (record.contested_reasons || []).join("; ") || "yes"]);
  return h("dl", { class: "values" }, rows.map(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}

/** claims_by_side in any of its plain shapes -> [{side, claimants: [{name, party, claims}]}]. */
export function claimSides(record) {
  const sides = [];
  const bySide = record.claims_by_side || {};
  for (const [side, value] of Object.entries(bySide)) {
    const claimants = [];
    const add = (name, claims, party) => claimants.push({ name, party, claims: Array.isArray(claims) ? claims : [claims] });
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && Array.isArray(item.claims)) add(item.claimant || item.name, item.claims, item.party ?? item.is_party);
        else if (item) add(item.claimant, [item], item.claimant_is_party);
      }
    } else if (value && typeof value === "object") {
      for (const [name, claims] of Object.entries(value)) add(name, claims);
    }
    const party = /party/i.test(side) && !/non/i.test(side);
    for (const claimant of claimants) {
      if (claimant.party === undefined || claimant.party === null) {
        claimant.party = party || claimant.claims.some((c) => c && c.claimant_is_party);
      }
    }
    sides.push({ side, claimants });
  }
  return sides;
}

function sideLabel(side) {
  return side.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** Claims that quote the same words with the same stance become one line listing their facts. */
function groupClaims(claims) {
  const groups = new Map();
  for (const claim of claims) {
    if (!claim || typeof claim !== "object") continue;
    const span = claim.span || {};
    const key = [claim.stance, claim.article_id, span.start, span.end].join("|");
    if (!groups.has(key)) groups.set(key, { ...claim, facts: [] });
    const group = groups.get(key);
    const fact = claim.value !== undefined && claim.value !== null ? `${claim.fact} ${claim.value}` : claim.fact;
    if (fact && !group.facts.includes(fact)) group.facts.push(fact);
  }
  return [...groups.values()];
}

function claimItem(claim, outlets) {
  const words = (claim.span && claim.span.text) || claim.text || "";
  const where = claim.article_id && outlets.get(claim.article_id);
  return h("li", { class: `claim stance-${claim.stance || "unknown"}` },
    h("span", { class: "stance" }, claim.stance || "?"),
    " ", h("span", { class: "fact" }, claim.facts.join(", ")),
    where ? h("span", { class: "muted" }, ` in ${where}`) : null,
    claim.cue && claim.cue.text ? h("span", { class: "muted" }, ` (${claim.cue.text})`) : null,
    claim.channel ? h("span", { class: "muted" }, ` via ${claim.channel}`) : null,
    words ? h("q", {}, words) : null);
}

function claimsSection(record) {
  const sides = claimSides(record);
  const outlets = new Map((record.reports || []).map((r, i) => [r.article_id, r.outlet || `report ${i + 1}`]));
  if (!sides.length || sides.every((s) => !s.claimants.length)) {
    return h("section", { class: "claims" }, h("h3", {}, "Claims"), h("p", { class: "muted" }, "No attributed claims."));
  }
  return h("section", { class: "claims" }, h("h3", {}, "Who claims what"),
    sides.filter((s) => s.claimants.length).map((side) => h("div", { class: "side", dataset: { side: side.side } },
      h("h4", {}, sideLabel(side.side)),
      side.claimants.map((claimant) => h("div", { class: `claimant${claimant.party ? " party" : ""}` },
        h("p", { class: "claimant-name" }, claimant.name || "unattributed",
          claimant.party ? h("span", { class: "badge party-badge", title: "a party to the event" }, "party") : null),
        h("ul", { class: "plain" }, groupClaims(claimant.claims).map((c) => claimItem(c, outlets))))))));
}

function flagsSection(record) {
  const flags = record.flags || [];
  if (!flags.length) return null;
  return h("section", { class: "flags" }, h("h3", {}, "Flags"),
    h("ul", { class: "plain" }, flags.map((flag) => h("li", {},
      h("span", { class: "badge flag-badge" }, flag.code || "flag"), " ", flag.reason || ""))));
}

function reportsSection(record) {
  const claims = claimSides(record).flatMap((side) => side.claimants.flatMap((claimant) =>
    claimant.claims.map((claim) => ({ ...claim, claimant: claim.claimant || claimant.name }))));
  const reports = record.reports || [];
  return h("section", { class: "reports" }, h("h3", {}, `Reports (${reports.length})`),
    h("ol", { class: "report-list" }, reports.map((report) => {
      const textBox = h("div", { class: "article-text", hidden: true });
      const button = h("button", { type: "button", class: "show-text", "aria-expanded": "false" }, "Show text and evidence");
      const own = claims.filter((c) => c.article_id === report.article_id);
      button.addEventListener("click", () => toggleText(report, own, button, textBox));
      return h("li", { class: "report" },
        h("p", { class: "report-head" },
          h("span", { class: "outlet" }, report.outlet || "unknown outlet"), " · ",
          h("time", {}, report.published ? String(report.published).slice(0, 10) : "undated")),
        h("p", { class: "report-title" }, safeLink(report.url, report.title || report.url || "(no title)")),
        report.article_id ? button : null, textBox);
    })));
}

async function toggleText(report, claims, button, box) {
  const open = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", open ? "false" : "true");
  box.hidden = open;
  if (open || box.childElementCount) return;
  box.append(h("p", { class: "loading" }, "Loading article…"));
  try {
    const article = await getArticle(report.article_id);
    const spans = spansFor(report, article, claims);
    // A span with a `field` ("title": a figure read from the headline) points into that field, not the text.
    const titled = spans.filter((s) => s.field === "title");
    const title = titled.length && article.title ? [highlighted(article.title, titled, "title")] : [];
    box.replaceChildren(...title, highlighted(article.text || "", spans.filter((s) => !s.field)), legend());
  } catch (error) {
    box.replaceChildren(h("p", { class: "error" }, `Could not load the article: ${error.message}`));
  }
}

/** Every span worth showing for this report: evidence sentences, then values and claims. */
export function spansFor(report, article, claims = []) {
  const out = [];
  const add = (span, kind, label) => {
    if (span && typeof span.start === "number" && typeof span.end === "number" && span.end > span.start) {
      out.push({ start: span.start, end: span.end, kind, label, field: span.field || null });
    }
  };
  for (const span of report.evidence || report.spans || []) add(span, "evidence", "evidence");
  for (const claim of claims) add(claim.span, "claim", `${claim.claimant}: ${claim.stance} (${claim.fact})`);
  const events = (article.events || []).filter((e) => !report.event_id || e.id === report.event_id);
  for (const event of events) {
    for (const span of event.evidence || []) add(span, "evidence", "evidence");
    add(event.date_span, "value", "date");
    for (const actor of [event.actor1, event.actor2, ...(event.assoc_actors || [])]) {
      for (const span of (actor && actor.spans) || []) add(span, "value", `actor: ${actor.name}`);
    }
    for (const span of (event.location && event.location.spans) || []) add(span, "value", "location");
    for (const key of ["fatalities", "injured", "captured"]) {
      for (const q of (event[key] && event[key].reported) || []) add(q.span, "value", `${key}: ${q.value}`);
    }
    for (const claim of event.claims || []) {
      add(claim.claimant_span, "source", `claimant: ${claim.claimant}`);
      add(claim.cue, "cue", `${claim.stance} (${claim.fact})`);
    }
    for (const flag of event.flags || []) for (const span of flag.spans || []) add(span, "flag", `flag: ${flag.code}`);
  }
  return out;
}

function legend() {
  const kinds = [["evidence", "evidence sentence"], ["value", "extracted value"], ["source", "who says it"],
    ["cue", "how it is said"], ["claim", "what is claimed"]];
  return h("p", { class: "legend" }, kinds.map(([kind, text]) => [h("mark", { class: `span-${kind}` }, text), " "]));
}

/** The text with every span marked: cut at every span edge, each piece carries the kinds covering it. */
export function highlighted(text, spans, part = "text") {
  const edges = new Set([0, text.length]);
  for (const span of spans) {
    edges.add(Math.max(0, Math.min(text.length, span.start)));
    edges.add(Math.max(0, Math.min(text.length, span.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const box = h("div", { class: part === "title" ? "text headline" : "text" });
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(start, end);
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    if (!covering.length) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const labels = [...new Set(covering.map((s) => s.label))];
    box.append(h("mark", { class: kinds.map((k) => `span-${k}`).join(" "), title: labels.join("; ") }, piece));
  }
  return box;
}

function render(record) {
  const location = record.location && record.location.name ? ` — ${record.location.name}` : "";
  const parts = [
    closeButton(),
    h("header", { class: "card-head" },
      h("span", { class: `swatch ${typeClass(record.event_type)}`, "aria-hidden": "true" }),
      h("h2", {}, `${record.sub_event_type || record.event_type || "Event"}${location}`),
      h("p", { class: "muted" }, `${record.date || "undated"} · `, h("a", { href: `/api/events/${encodeURIComponent(record.id)}` }, record.id))),
    valuesTable(record),
    claimsSection(record),
    flagsSection(record),
    reportsSection(record),
  ];
  container.replaceChildren(...parts.filter(Boolean));
  container.dataset.eventId = record.id;
}
