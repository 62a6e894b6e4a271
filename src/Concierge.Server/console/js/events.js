// The desk's WebSocket event stream: every message is the whole desk (a snapshot), sent on connect and on every
// change. When the connection drops the stream reconnects (1 s, then up to 5 s apart) and the first message after a
// reconnect rebuilds the whole screen, so nothing missed while away stays wrong.

import { session } from "./session.js";

export class DeskStream {
  /**
   * @param {string} device the attendant device
   * @param {{ snapshot: (s: object, receivedAt: number) => void, down: () => void, connection: (up: boolean, attempt: number) => void, lost: () => Promise<boolean> }} handlers
   */
  constructor(device, handlers) {
    this.device = device;
    this.handlers = handlers;
    this.socket = null;
    this.stopped = false;
    this.attempt = 0;
    this.timer = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, "log off");
    this.socket = null;
  }

  /** Drops the connection as a network failure would; the stream reconnects after <pauseMs> at the earliest. */
  drop(pauseMs = 0) {
    this.pauseMs = pauseMs;
    if (this.socket) this.socket.close(4000, "dropped");
  }

  connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const url = `${scheme}://${location.host}/api/attendants/${encodeURIComponent(this.device)}/events?access_token=${encodeURIComponent(session.token ?? "")}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.attempt = 0;
      this.handlers.connection(true, 0);
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === "snapshot") this.handlers.snapshot(message, performance.now());
      else if (message.type === "down") this.handlers.down();
    });
    socket.addEventListener("close", async () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.attempt += 1;
      this.handlers.connection(false, this.attempt);
      // A stream refused at once may mean the token ended: the handler checks and ends the session then.
      if (this.attempt > 1 && !(await this.handlers.lost())) return;
      if (this.stopped) return;
      const delay = Math.max(this.pauseMs ?? 0, Math.min(5000, 1000 * this.attempt));
      this.pauseMs = 0;
      this.timer = setTimeout(() => this.connect(), delay);
    });
  }
}
