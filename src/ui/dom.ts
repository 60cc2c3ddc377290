/**
 * A tiny typed element builder for extension UI. Every string becomes a Text node or an attribute
 * value — never markup — so page and corpus text can hold anything and still render as text.
 * (Preact was tried first; its `dangerouslySetInnerHTML` path makes `web-ext lint` warn, and the UI is small.)
 */

export type Child = Node | string | number | null | undefined | false | Child[];

export type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates `<tag>` with attributes (`on*` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attributes, children);
}

/** Sets `attributes` on `element` (`on*` functions become listeners) and appends `children`. */
function build<E extends Element>(element: E, attributes: Attributes, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Listens with a handler that does async work. Its failure is logged as Verbatim's (an async listener's
 * rejection is otherwise an unhandled one, and the UI it was updating is left half-way).
 */
export function onAsync<K extends keyof HTMLElementEventMap>(
  element: HTMLElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => Promise<unknown>,
): void {
  element.addEventListener(type, (event) => {
    handler(event).catch((error: unknown) => console.error(`Verbatim: ${type} handler failed`, error));
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `h()` for SVG: an element in the SVG namespace, attributes and listeners the same way. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}
