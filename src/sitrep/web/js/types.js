// ACLED event types (src/sitrep/data/taxonomy/acled.tsv) and the CSS class that colours each.
export const EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
  "Non-ACLED",
];

/** A stable CSS class per type; unknown types share the last colour. */
export function typeClass(type) {
  const index = EVENT_TYPES.indexOf(type);
  return `type-${index >= 0 ? index : EVENT_TYPES.length}`;
}
