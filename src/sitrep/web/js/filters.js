// The filter panel and the search box, both bound to the URL state (state.js). The form shows
// every filter the API knows: the usual ones have their own widgets (index.html), and any other
// name in /api/filters gets a text box, so a new filter appears here without a page change.
import { getFilterTable } from "./api.js";
import { h } from "./dom.js";
import { filterNamesKnown, getFilters, knowFilters, setFilters } from "./state.js";
import { EVENT_TYPES, typeClass } from "./types.js";

let form = null;
let search = null;

function listValue(text) {
  return (text || "").split(",").map((v) => v.trim()).filter(Boolean);
}

function buildTypeBoxes() {
  const fieldset = form.querySelector("#types");
  for (const type of EVENT_TYPES) {
    fieldset.append(h("label", { class: "check type-option" },
      h("input", { type: "checkbox", name: "event_type", value: type }),
      h("span", { class: `swatch ${typeClass(type)}`, "aria-hidden": "true" }), type));
  }
}

async function addServerFilters() {
  try {
    const table = await getFilterTable();
    const fields = (table && table.fields) || [];
    knowFilters(fields.map((f) => f.name));
    const extra = form.querySelector("#extra-filters");
    for (const field of fields) {
      if (form.elements[field.name] || field.name === "event_type" || field.name === "q") continue;
      extra.append(h("label", { title: field.help || "" }, field.name.replace(/_/g, " "), " ",
        h("input", { name: field.name, type: "text", autocomplete: "off" })));
      extra.hidden = false;
    }
    for (const field of fields) {
      const input = form.elements[field.name];
      if (input && input.title !== undefined && field.help && !input.title) input.title = field.help;
    }
  } catch (_) {
    // The panel's own widgets still work without the table.
  }
  showFilters(getFilters());
}

function inputValue(input) {
  if (input.type === "datetime-local" && input.value) return new Date(input.value).toISOString().replace(/\.\d+Z$/, "Z");
  return input.value;
}

/** Read the form into filter values ("" = unset). */
function readForm() {
  const values = {};
  for (const name of filterNamesKnown()) {
    if (name === "q" || name === "event_type") continue;
    const input = form.elements[name];
    if (input && !(input instanceof RadioNodeList)) values[name] = inputValue(input);
  }
  values.event_type = [...form.querySelectorAll("input[name=event_type]:checked")].map((i) => i.value).join(",");
  return values;
}

/** Put filter values into the form and the search box. */
export function showFilters(filters) {
  for (const name of filterNamesKnown()) {
    const input = form.elements[name];
    if (!input || input instanceof RadioNodeList || name === "event_type") continue;
    let value = filters[name] || "";
    if (input.type === "datetime-local" && value) value = value.replace(/Z$/, "").slice(0, 19);
    input.value = value;
  }
  const types = listValue(filters.event_type);
  for (const box of form.querySelectorAll("input[name=event_type]")) box.checked = types.includes(box.value);
  search.elements.q.value = filters.q || "";
  form.querySelector("#bbox-follow").checked = Boolean(filters.bbox);
}

export function initFilters(formElement, searchElement, { onBboxFollow }) {
  form = formElement;
  search = searchElement;
  buildTypeBoxes();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setFilters(readForm());
  });
  form.addEventListener("change", (event) => {
    // Checkboxes and selects apply at once; text boxes on Enter or Apply.
    const target = event.target;
    if (target.id === "bbox-follow") {
      onBboxFollow(target.checked);
      return;
    }
    if (target.type === "checkbox" || target.tagName === "SELECT") setFilters(readForm());
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    setFilters({}, { replaceAll: true });
  });
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    setFilters({ q: search.elements.q.value });
  });
  showFilters(getFilters());
  addServerFilters();
}
