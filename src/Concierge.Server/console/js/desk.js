// The working screen drawn from one desk snapshot: attendant state, current call, caller queues, personal queue,
// processing queue, busy lamp field and the banners. The whole screen follows each snapshot; timers count on between
// snapshots from the moment one arrived. The selected call of each list (for Pick and Retrieve) and the keyboard focus
// survive a redraw.

import { byId, fill, h } from "./dom.js";
import { callerText, duration, typeText } from "./format.js";

const lampStates = ["idle", "ringing", "busy", "forwarded", "out of service", "unknown"];

export class DeskView {
  constructor() {
    this.snapshot = null;
    this.receivedAt = 0;
    this.selected = { queue: null, processing: null };
    this.connection = { up: true, attempt: 0 };
    this.down = false;
    this.onLamp = () => {};
    setInterval(() => this.tick(), 1000);
  }

  /** Seconds passed since the snapshot arrived. */
  elapsed() {
    return this.snapshot ? (performance.now() - this.receivedAt) / 1000 : 0;
  }

  show(snapshot, receivedAt) {
    this.snapshot = snapshot;
    this.receivedAt = receivedAt;
    this.down = false;
    this.render();
  }

  showDown() {
    this.down = true;
    this.renderBanners();
  }

  showConnection(up, attempt) {
    this.connection = { up, attempt };
    this.renderBanners();
  }

  /** The calls waiting for a pick, most urgent first: priority, then the longest waiting. */
  waitingCalls() {
    if (!this.snapshot) return [];
    const calls = [...this.snapshot.callerQueues.flatMap((q) => q.calls), ...this.snapshot.personalQueue];
    return calls.filter((c) => c.phase === "Queued").sort((a, b) => a.priority - b.priority || b.waitingSeconds - a.waitingSeconds);
  }

  /** The call Pick takes: the selected waiting call, else the most urgent one. */
  callToPick() {
    const waiting = this.waitingCalls();
    return waiting.find((c) => c.id === this.selected.queue) ?? waiting[0] ?? null;
  }

  /** The call Retrieve takes: the selected processing call, else the one waiting there longest. */
  callToRetrieve() {
    const calls = this.snapshot?.processingQueue ?? [];
    return calls.find((c) => c.id === this.selected.processing)
      ?? [...calls].sort((a, b) => (b.processingSeconds ?? 0) - (a.processingSeconds ?? 0))[0] ?? null;
  }

  render() {
    const focusedId = document.activeElement?.dataset?.callId ?? null;
    const focusedList = document.activeElement?.dataset?.list ?? null;
    const s = this.snapshot;
    byId("desk-device").textContent = s.attendant.alias ? `${s.attendant.alias} (${s.attendant.device})` : s.attendant.device;
    const state = byId("desk-state");
    state.textContent = stateText(s.attendant.state);
    state.className = `state state-${s.attendant.state.toLowerCase()}`;
    this.renderCurrent();
    fill("caller-queues", s.callerQueues.length === 0
      ? h("p", { className: "empty" }, "No caller queue of this tenant.")
      : s.callerQueues.map((queue) => this.queueTable(queue)));
    fill("personal-queue", this.callTable("personal", "Personal queue", s.personalQueue, "queue"));
    fill("processing-queue", this.processingTable(s.processingQueue));
    this.renderLamps();
    this.renderBanners();
    if (focusedId && focusedList) {
      document.querySelector(`[data-list="${focusedList}"][data-call-id="${focusedId}"]`)?.focus();
    }
  }

  renderCurrent() {
    const s = this.snapshot;
    const offer = s.offers[0] ?? null;
    const call = s.currentCall ?? offer;
    if (!call) {
      fill("current-call", h("p", { className: "empty" }, "No call."));
      return;
    }
    const ringing = call.phase === "Offered";
    const since = ringing ? call.waitingSeconds : call.connectedSeconds ?? 0;
    fill("current-call",
      h("dl", { className: "facts" },
        h("dt", {}, "Caller"), h("dd", { id: "current-caller" }, callerText(call)),
        h("dt", {}, "State"), h("dd", { id: "current-state", className: ringing ? "badge badge-ringing" : "badge badge-connected" }, ringing ? "ringing at your phone" : "connected"),
        h("dt", {}, "For"), h("dd", {}, [call.pilotName ?? "personal line", call.company ? ` — ${call.company}` : "", call.intercept ? " (intercept)" : ""].join("")),
        h("dt", {}, "Caller hears"), h("dd", { id: "current-hears" }, call.callerHears),
        h("dt", {}, ringing ? "Waiting" : "Talking"), h("dd", {}, h("span", { className: "timer", dataset: { base: since } }, duration(since + this.elapsed())))));
  }

  queueTable(queue) {
    return this.callTable(`queue-${queue.pilot}`, `${queue.name} (${queue.pilot})`, queue.calls, "queue");
  }

  callTable(id, title, calls, list) {
    if (calls.length === 0) return h("p", { className: "empty", id: `${id}-empty` }, `${title}: no call waiting.`);
    return h("table", { className: "calls", id },
      h("caption", {}, title),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, "Waiting"), h("th", { scope: "col" }, "Priority"), h("th", { scope: "col" }, "Caller"),
        h("th", { scope: "col" }, "Pilot"), h("th", { scope: "col" }, "Company"), h("th", { scope: "col" }, "Type"), h("th", { scope: "col" }, "Hears"))),
      h("tbody", {}, calls.map((call) => this.row(list, call, [
        h("td", {}, h("span", { className: "timer", dataset: { base: call.waitingSeconds } }, duration(call.waitingSeconds + this.elapsed()))),
        h("td", {}, String(call.priority)),
        h("td", {}, callerText(call)),
        h("td", {}, call.pilotName ?? "personal line"),
        h("td", {}, call.company ?? ""),
        h("td", {}, call.intercept ? h("span", { className: "badge badge-intercept" }, "intercept") : call.phase === "Offered" ? `${typeText(call)}, offered` : typeText(call)),
        h("td", {}, call.callerHears),
      ]))));
  }

  processingTable(calls) {
    if (calls.length === 0) return h("p", { className: "empty", id: "processing-empty" }, "No call in the processing queue.");
    return h("table", { className: "calls", id: "processing" },
      h("caption", { className: "sr-only" }, "Processing queue"),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, "State"), h("th", { scope: "col" }, "Since"), h("th", { scope: "col" }, "Caller"),
        h("th", { scope: "col" }, "Pilot"), h("th", { scope: "col" }, "Target"), h("th", { scope: "col" }, "Attendant"))),
      h("tbody", {}, calls.map((call) => this.row("processing", call, [
        h("td", {}, h("span", { className: `badge badge-${call.processing ?? "held"}` }, call.processing ?? "held")),
        h("td", {}, h("span", { className: "timer", dataset: { base: call.processingSeconds ?? 0 } }, duration((call.processingSeconds ?? 0) + this.elapsed()))),
        h("td", {}, callerText(call)),
        h("td", {}, call.pilotName ?? "personal line"),
        h("td", {}, call.target ? (call.callbackNumber ? `${call.target} (callback ${call.callbackNumber})` : call.target) : ""),
        h("td", {}, call.attendant ?? ""),
      ]))));
  }

  row(list, call, cells) {
    const key = list === "processing" ? "processing" : "queue";
    const selected = this.selected[key] === call.id;
    return h("tr", {
      tabindex: "0", className: selected ? "selected" : "", "aria-selected": selected ? "true" : "false",
      dataset: { callId: call.id, list },
      onfocus: () => this.select(key, call.id),
      onclick: () => this.select(key, call.id),
      onkeydown: (event) => this.moveSelection(event),
    }, cells);
  }

  select(key, id) {
    if (this.selected[key] === id) return;
    this.selected[key] = id;
    for (const row of document.querySelectorAll(key === "processing" ? '[data-list="processing"]' : '[data-list="queue"], [data-list="personal"]')) {
      const on = Number(row.dataset.callId) === id;
      row.classList.toggle("selected", on);
      row.setAttribute("aria-selected", on ? "true" : "false");
    }
  }

  moveSelection(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const rows = [...document.querySelectorAll(`[data-list="${event.currentTarget.dataset.list}"]`)];
    const next = rows[rows.indexOf(event.currentTarget) + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      next.focus();
      event.preventDefault();
    }
  }

  renderLamps() {
    const lamps = this.snapshot.busyLamps ?? [];
    if (lamps.length === 0) {
      fill("busy-lamps", h("li", { className: "empty" }, this.snapshot.cstaLink === null ? "No busy lamp field (the CPS runs SIP only)." : "No monitored office user."));
      return;
    }
    fill("busy-lamps", lamps.map((lamp) => {
      const state = lampStates.includes(lamp.state) ? lamp.state : "unknown";
      return h("li", {},
        h("button", {
          type: "button", className: `lamp lamp-${state.replaceAll(" ", "-")}`, dataset: { device: lamp.device },
          onclick: () => this.onLamp(lamp.device),
        }, h("span", { className: "lamp-number" }, lamp.device.slice(-4)), h("span", { className: "lamp-state" }, state),
        h("span", { className: "sr-only" }, ` (${lamp.device}), choose as target`)));
    }));
  }

  renderBanners() {
    const s = this.snapshot;
    const banners = [];
    if (!this.connection.up) banners.push(["banner-connection", "warning", `Connection to the server lost — reconnecting (attempt ${this.connection.attempt}).`]);
    if (this.down) banners.push(["banner-down", "alarm", "The CPS is not running: no calls are handled."]);
    if (s && !this.down) {
      if (s.channelAlert) banners.push(["banner-channels", "alarm", "Channel alert: the CPS is running short of channels."]);
      if (!s.trunkRegistered) banners.push(["banner-trunk", "alarm", "SIP trunk not registered: calls cannot reach the CPS."]);
      if (s.cstaLink !== null && s.cstaLink !== "Ready") banners.push(["banner-link", "warning", `CSTA link ${linkText(s.cstaLink)}: busy lamps and answering from the console are unavailable.`]);
    }
    fill("banners", banners.map(([id, kind, text]) => h("p", { id, className: `banner banner-${kind}`, role: kind === "alarm" ? "alert" : "status" }, text)));
  }

  /** Counts the timers on from the last snapshot without redrawing the rest (focus and selection stay). */
  tick() {
    if (!this.snapshot) return;
    const elapsed = this.elapsed();
    for (const timer of document.querySelectorAll("#desk .timer")) timer.textContent = duration(Number(timer.dataset.base) + elapsed);
  }
}

function stateText(state) {
  switch (state) {
    case "Available": return "available";
    case "Unavailable": return "unavailable";
    default: return "logged off";
  }
}

function linkText(state) {
  switch (state) {
    case "Connecting": return "connecting";
    case "Registering": return "registering";
    case "WaitingToReconnect": return "down (reconnecting)";
    case "Stopped": return "stopped";
    default: return String(state).toLowerCase();
  }
}
