// Per-pilot statistics of the shift (since the log-on at the place), from the server's stored call records.

import { fill, h } from "./dom.js";
import { duration, timeSpanSeconds } from "./format.js";

/** Draws the statistics: one row per caller queue (pilot) of the tenant, and all calls. */
export function renderStatistics(statistics, queues) {
  const byNumber = new Map(statistics.byNumber.map((n) => [n.number, n.statistics]));
  const rows = queues.map((q) => [q.name, byNumber.get(q.pilot) ?? null]);
  rows.push(["All calls", statistics.all]);
  fill("statistics", h("table", { className: "stats", id: "statistics-table" },
    h("caption", { className: "sr-only" }, "Statistics of this shift per pilot"),
    h("thead", {}, h("tr", {},
      ["Pilot", "Offered", "Answered", "Abandoned", "Wait avg / max", "Service level"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map(([name, s]) => h("tr", {},
      h("th", { scope: "row" }, name),
      h("td", {}, String(s?.offered ?? 0)),
      h("td", {}, String(s?.answered ?? 0)),
      h("td", {}, String(s?.abandoned ?? 0)),
      h("td", {}, `${duration(timeSpanSeconds(s?.averageWait))} / ${duration(timeSpanSeconds(s?.longestWait))}`),
      h("td", {}, s ? `${Math.round(serviceLevel(s))} % ≤ ${Math.round(timeSpanSeconds(s.serviceLevelTime))} s` : "—"))))));
}

function serviceLevel(s) {
  const done = s.offered - s.stillLive;
  return done === 0 ? 100 : (100 * s.answeredWithinServiceLevel) / done;
}
