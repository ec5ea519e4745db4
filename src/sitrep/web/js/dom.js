// Building DOM from data without ever parsing it as HTML: every string becomes a text node.

/** h("p", {class: "x"}, "text", child) -> element. Attributes are set one by one; no on* allowed. */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) throw new Error("event handlers are attached with addEventListener");
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A link to an outside page only when the URL is http(s); otherwise the URL as plain text. */
export function safeLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url, window.location.origin);
  } catch (_) {
    parsed = null;
  }
  if (!url || !parsed || !["http:", "https:"].includes(parsed.protocol)) return h("span", {}, text || url || "");
  return h("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer nofollow" }, text || url);
}
