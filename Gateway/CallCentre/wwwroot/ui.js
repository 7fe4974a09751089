// Small DOM and wording helpers shared by the console's views (no framework: the page is a handful of forms and tables).

/** Makes an element: attributes ("class", "data-*", aria-*, or properties such as textContent) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name in node && !name.includes('-')) node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter(c => c !== undefined && c !== null));
  return node;
}

/** Shows a short message in the page's status line (read out by screen readers). */
export function say(text, isError = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** A time in the agent's own zone, to the second. */
export const when = iso => new Date(iso).toLocaleString(undefined, {
  month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A code name in words: "InsufficientBalance" → "Insufficient balance". */
export const words = name => {
  const spaced = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/** A token in groups of four, as the customer sees it. */
export const grouped = token => String(token).replace(/\s+/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');

/** Digits only (for tokens and meter numbers typed with spaces or dashes). */
export const digits = text => String(text).replace(/[\s-]/g, '');

/** Clears a container and fills it with new children. */
export const fill = (container, children) => container.replaceChildren(...children);
