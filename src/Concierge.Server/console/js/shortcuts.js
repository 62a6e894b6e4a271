// Every action of the working screen has one key; the table on screen is drawn from this list, so what is listed is
// what works. Keys act when no text field has the focus (in the target field Enter transfers, Shift+Enter pages,
// Escape leaves it); keys with Ctrl, Alt or Meta are left to the browser.

import { byId, h } from "./dom.js";

export const shortcuts = [
  { key: "a", label: "A", action: "answer", text: "Answer the call ringing at your phone" },
  { key: "p", label: "P", action: "pick", text: "Pick the selected waiting call (else the most urgent)" },
  { key: "e", label: "E", action: "release", text: "Release (end) the current call" },
  { key: "k", label: "K", action: "park", text: "Park the current call" },
  { key: "h", label: "H", action: "hold", text: "Put the current call on hold" },
  { key: "r", label: "R", action: "retrieve", text: "Retrieve the selected call of the processing queue (else the longest there)" },
  { key: "t", label: "T", action: "transfer", text: "Transfer the current call to the target (asks for one when empty)" },
  { key: "g", label: "G", action: "page", text: "Page the target for the current call" },
  { key: "v", label: "V", action: "available", text: "Become available for calls" },
  { key: "u", label: "U", action: "unavailable", text: "Become unavailable (no calls pushed)" },
  { key: "l", label: "L", action: "logoff", text: "Log off from the place and the account" },
  { key: "/", label: "/", action: "search", text: "Search the directory for a target" },
  { key: "q", label: "Q", action: "queues", text: "Go to the caller queues (arrow keys choose a call)" },
  { key: "w", label: "W", action: "processing", text: "Go to the processing queue (arrow keys choose a call)" },
  { key: "b", label: "B", action: "lamps", text: "Go to the busy lamp field" },
  { key: "Enter", label: "Enter", action: null, text: "In the target field: transfer to the chosen target" },
  { key: "Shift+Enter", label: "Shift+Enter", action: null, text: "In the target field: page the chosen target" },
  { key: "Escape", label: "Esc", action: null, text: "Leave the target field (clears it)" },
];

/** Draws the shortcut table. */
export function listShortcuts() {
  byId("shortcuts").tBodies[0].replaceChildren(...shortcuts.map((s) =>
    h("tr", { dataset: { action: s.action ?? "" } }, h("td", {}, h("kbd", {}, s.label)), h("td", {}, s.text))));
}

/** Sends the keys of the list to run(action) while the working screen is shown. */
export function bindShortcuts(isActive, run, targetKeys) {
  document.addEventListener("keydown", (event) => {
    if (!isActive() || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    if (target && target.id === "target-input") {
      if (event.key === "Enter") {
        event.preventDefault();
        run(event.shiftKey ? "page" : "transfer");
      } else if (event.key === "Escape") {
        event.preventDefault();
        targetKeys.escape();
      }
      return;
    }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
    const shortcut = shortcuts.find((s) => s.action && s.key === event.key.toLowerCase());
    if (!shortcut) return;
    event.preventDefault();
    run(shortcut.action);
  });
}
