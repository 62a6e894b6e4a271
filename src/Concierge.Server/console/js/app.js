// The console: log-on with <tenant>\user and password, the choice of the attendant place, then the working screen fed
// by the desk's event stream. Every command answers with the server's words: a refusal is shown next to its action.

import { deskPath, get, post } from "./api.js";
import { byId, fill, h, showScreen } from "./dom.js";
import { DeskStream } from "./events.js";
import { DeskView } from "./desk.js";
import { bindShortcuts, listShortcuts } from "./shortcuts.js";
import { session } from "./session.js";
import { renderStatistics } from "./statistics.js";
import { TargetSearch } from "./targets.js";

const view = new DeskView();
const targets = new TargetSearch(() => view.snapshot?.busyLamps ?? []);
let stream = null;
let statisticsTimer = null;
let lastEndedCheck = "";
let lastStatistics = null;
let lastQueues = "";

view.onLamp = (device) => targets.set(device);

// ---- log-on ----

function showLogon(message = "") {
  stopDesk();
  byId("who").hidden = true;
  fill("banners");
  showScreen("logon");
  byId("logon-error").textContent = message;
  byId("password").value = "";
  byId("account").focus();
}

byId("logon-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const account = byId("account").value.trim();
  const password = byId("password").value;
  const error = byId("logon-error");
  if (!account.includes("\\")) {
    error.textContent = "give the account as tenant\\user, e.g. DEFAULT\\user";
    byId("account").focus();
    return;
  }
  if (password.length === 0) {
    error.textContent = "give the password";
    byId("password").focus();
    return;
  }
  error.textContent = "";
  byId("logon-button").disabled = true;
  const answer = await post("/api/logon", { account, password });
  byId("logon-button").disabled = false;
  if (!answer.ok) {
    error.textContent = answer.status === 401 ? `Log-on refused: ${answer.reason}` : answer.reason;
    byId("password").select();
    return;
  }
  session.loggedOn(answer.body.token, answer.body.account, answer.body.tenant);
  await showDevices();
});

function showWho() {
  const who = byId("who");
  who.hidden = false;
  who.textContent = session.device ? `${session.account} at ${session.device}` : session.account;
}

// ---- device ----

async function showDevices(message = "") {
  stopDesk();
  showWho();
  showScreen("device");
  byId("device-error").textContent = message;
  const answer = await get("/api/attendants");
  if (!answer.ok) {
    if (answer.status === 401) return showLogon("Your session has ended: log on again.");
    byId("device-error").textContent = answer.reason;
    return;
  }
  const places = answer.body;
  if (places.length === 0) {
    fill("device-list", h("p", { className: "empty" }, `Tenant ${session.tenant} has no attendant place.`));
    return;
  }
  fill("device-list", places.map((place, i) => h("label", { className: "device-choice" },
    h("input", { type: "radio", name: "device", value: place.device, checked: i === 0 ? true : false }),
    ` ${place.alias ?? place.device} `, h("span", { className: "hint" }, `${place.device}, personal line ${place.personalLine ?? "—"}`),
    h("span", { className: `state state-${place.state.toLowerCase()}` }, place.state === "LoggedOff" ? "free" : place.state.toLowerCase()))));
  document.querySelector('input[name="device"]')?.focus();
}

byId("device-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const chosen = document.querySelector('input[name="device"]:checked');
  if (!chosen) {
    byId("device-error").textContent = "choose a device";
    return;
  }
  const answer = await post(deskPath(chosen.value, "logon"), { available: byId("start-available").checked });
  if (!answer.ok) {
    if (answer.status === 401) return showLogon("Your session has ended: log on again.");
    byId("device-error").textContent = answer.reason;
    return;
  }
  session.atDevice(chosen.value, new Date().toISOString());
  enterDesk();
});

byId("device-logoff").addEventListener("click", () => logOffAccount());

async function logOffAccount() {
  await post("/api/logoff");
  session.clear();
  showLogon();
}

// ---- the working screen ----

function enterDesk() {
  showWho();
  showScreen("desk");
  for (const element of document.querySelectorAll("#desk .refusal")) element.textContent = "";
  stream = new DeskStream(session.device, {
    snapshot: (snapshot, receivedAt) => {
      view.show(snapshot, receivedAt);
      // The statistics have a row per caller queue: drawn again when the queues are known or change.
      const queues = snapshot.callerQueues.map((q) => q.pilot).join(",");
      if (queues !== lastQueues && lastStatistics) renderStatistics(lastStatistics, snapshot.callerQueues);
      lastQueues = queues;
      statisticsOnChange(snapshot);
    },
    down: () => view.showDown(),
    connection: (up, attempt) => view.showConnection(up, attempt),
    lost: async () => {
      const account = await get("/api/account");
      if (account.status === 401) {
        showLogon("Your session has ended: log on again.");
        return false;
      }
      return true;
    },
  });
  stream.start();
  refreshStatistics();
  clearInterval(statisticsTimer);
  statisticsTimer = setInterval(refreshStatistics, 30000);
  byId("act-answer").focus();
}

function stopDesk() {
  if (stream) stream.stop();
  stream = null;
  clearInterval(statisticsTimer);
  statisticsTimer = null;
}

/** Statistics again when a call has left the desk (its record is stored then), at most every 2 s. */
let statisticsPending = null;
function statisticsOnChange(snapshot) {
  const ids = [...snapshot.callerQueues.flatMap((q) => q.calls), ...snapshot.processingQueue, ...snapshot.offers, ...snapshot.personalQueue]
    .map((c) => c.id).concat(snapshot.currentCall ? [snapshot.currentCall.id] : []).sort().join(",");
  if (ids === lastEndedCheck) return;
  lastEndedCheck = ids;
  if (statisticsPending) return;
  statisticsPending = setTimeout(() => {
    statisticsPending = null;
    refreshStatistics();
  }, 2000);
}

async function refreshStatistics() {
  if (!session.shiftStart) return;
  const answer = await get(`/api/statistics?since=${encodeURIComponent(session.shiftStart)}`);
  if (!answer.ok) {
    fill("statistics", h("p", { className: "refusal" }, answer.reason));
    return;
  }
  lastStatistics = answer.body;
  renderStatistics(answer.body, view.snapshot?.callerQueues ?? []);
}

function reason(action, text) {
  const element = byId(`why-${action}`);
  if (element) element.textContent = text;
}

/** Runs one action of the working screen; the server's answer (or why nothing was sent) is shown next to it. */
async function run(action) {
  const device = session.device;
  switch (action) {
    case "search": targets.focus(); return;
    case "queues": focusFirst('[data-list="queue"]', "#caller-queues"); return;
    case "processing": focusFirst('[data-list="processing"]', "#processing-queue"); return;
    case "lamps": focusFirst("#busy-lamps button", "#busy-lamps"); return;
    case "logoff": {
      reason("logoff", "");
      const answer = await post(deskPath(device, "logoff"));
      if (!answer.ok && answer.status !== 401) {
        reason("logoff", answer.reason);
        return;
      }
      await logOffAccount();
      return;
    }
    default: break;
  }
  let body;
  if (action === "pick") {
    const call = view.callToPick();
    if (!call) return reason("pick", "no call is waiting in your queues");
    body = { callId: call.id };
  } else if (action === "retrieve") {
    const call = view.callToRetrieve();
    if (!call) return reason("retrieve", "no call is in the processing queue");
    body = { callId: call.id };
  } else if (action === "transfer" || action === "page") {
    const number = targets.number();
    if (!number) {
      reason(action, targets.missing());
      targets.focus();
      return;
    }
    body = { target: number };
  }
  reason(action, "");
  const button = byId(`act-${action}`);
  button?.setAttribute("aria-busy", "true");
  const answer = await post(deskPath(device, action), body);
  button?.removeAttribute("aria-busy");
  if (answer.ok) {
    if (action === "transfer" || action === "page") targets.clear();
    return;
  }
  if (answer.status === 401) return showLogon("Your session has ended: log on again.");
  reason(action, answer.reason);
}

function focusFirst(selector, fallback) {
  const element = document.querySelector(`${fallback} ${selector}`) ?? document.querySelector(selector);
  if (element) element.focus();
}

for (const button of document.querySelectorAll("#desk button[data-action]")) {
  button.addEventListener("click", () => run(button.dataset.action));
}

listShortcuts();
bindShortcuts(() => !byId("desk").hidden, run, {
  escape: () => {
    targets.clear();
    byId("act-transfer").focus();
  },
});

// Test hook: drops the event stream as a network failure would, to show the rebuild from the snapshot on reconnect.
window.conciergeConsole = { dropStream: (pauseMs) => stream?.drop(pauseMs) };

// ---- start ----

async function start() {
  if (!session.token) return showLogon();
  const account = await get("/api/account");
  if (!account.ok) {
    session.clear();
    return showLogon(account.status === 401 ? "" : account.reason);
  }
  if (session.device) enterDesk();
  else await showDevices();
}

start();
