// A small element builder: text goes in as text (never as HTML), so names and numbers from the server cannot inject markup.

/** Creates an element with attributes (on* are listeners; boolean false leaves an attribute out) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "className") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces the children of the element with id <id>. */
export function fill(id, ...children) {
  document.getElementById(id).replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

export const byId = (id) => document.getElementById(id);

/** Shows one of the screens (sections of main) and hides the others. */
export function showScreen(id) {
  for (const screen of ["logon", "device", "desk"]) byId(screen).hidden = screen !== id;
}
