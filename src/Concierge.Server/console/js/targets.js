// The transfer and page target: typed as a number, or found by name or number in the directory, each entry with
// its busy lamp where the office user is monitored. Arrow keys choose among the results; a lamp of the busy lamp
// field chosen with the mouse or keyboard fills the target in.

import { get } from "./api.js";
import { byId, fill, h } from "./dom.js";

export class TargetSearch {
  /** @param {() => object[]} lamps the busy lamps of the last snapshot */
  constructor(lamps) {
    this.lamps = lamps;
    this.results = [];
    this.active = -1;
    this.query = "";
    this.timer = null;
    this.input = byId("target-input");
    this.input.addEventListener("input", () => this.changed());
    this.input.addEventListener("keydown", (event) => this.key(event));
  }

  /** The number to transfer or page to: the chosen result's, else the text typed when it is a number; null otherwise. */
  number() {
    if (this.active >= 0 && this.results[this.active]) return this.results[this.active].number;
    const typed = this.input.value.trim().replaceAll(" ", "");
    if (/^\+?\d+$/.test(typed)) return typed;
    return this.results.length === 1 ? this.results[0].number : null;
  }

  /** Why there is no number to use, in words. */
  missing() {
    const typed = this.input.value.trim();
    if (typed.length === 0) return "type a name or number in the target field first";
    return this.results.length === 0 ? `"${typed}" is not in the directory` : `"${typed}" matches ${this.results.length} entries: choose one with the arrow keys`;
  }

  focus() {
    this.input.focus();
    this.input.select();
  }

  set(number) {
    this.input.value = number;
    this.results = [];
    this.active = -1;
    this.render();
    this.input.focus();
  }

  clear() {
    this.input.value = "";
    this.results = [];
    this.active = -1;
    this.render();
  }

  changed() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(), 150);
  }

  async search() {
    const query = this.input.value.trim();
    this.query = query;
    if (query.length === 0) {
      this.results = [];
      this.active = -1;
      this.render();
      return;
    }
    const answer = await get(`/api/directory?q=${encodeURIComponent(query)}`);
    if (this.query !== query) return; // a newer search is under way
    const entries = answer.ok ? answer.body : [];
    const lampOf = new Map((this.lamps() ?? []).map((l) => [l.device, l.state]));
    this.results = entries.flatMap((entry) => entry.numbers.map((number) => ({
      name: entry.name, number, department: entry.department, lamp: lampOf.get(number) ?? null,
    })));
    // Monitored office users the directory does not name are found by their number too.
    if (/^\+?\d+$/.test(query)) {
      for (const [device, state] of lampOf) {
        if (device.replace("+", "").includes(query.replace("+", "")) && !this.results.some((r) => r.number === device))
          this.results.push({ name: null, number: device, department: null, lamp: state });
      }
    }
    this.results = this.results.slice(0, 50);
    this.active = this.results.length > 0 ? 0 : -1;
    this.render();
  }

  key(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (this.results.length === 0) return;
      this.active = (this.active + (event.key === "ArrowDown" ? 1 : -1) + this.results.length) % this.results.length;
      this.render();
      event.preventDefault();
    }
  }

  render() {
    this.input.setAttribute("aria-expanded", this.results.length > 0 ? "true" : "false");
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `target-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
    fill("target-results", this.results.map((r, i) => h("li", {
      id: `target-${i}`, role: "option", "aria-selected": i === this.active ? "true" : "false",
      className: i === this.active ? "active" : "", dataset: { number: r.number },
      onmousedown: (event) => {
        event.preventDefault();
        this.active = i;
        this.render();
      },
    },
    h("span", { className: "target-name" }, r.name ?? "office user"),
    h("span", { className: "target-number" }, r.number),
    r.department ? h("span", { className: "target-department" }, r.department) : null,
    r.lamp ? h("span", { className: `lamp-tag lamp-${r.lamp.replaceAll(" ", "-")}` }, r.lamp) : null)));
  }
}
