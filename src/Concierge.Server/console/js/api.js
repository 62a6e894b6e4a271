// The attendant HTTP API: JSON in and out, the bearer token of the session, RFC 9457 problem details read into
// { ok: false, status, reason } so every refusal can be shown with the server's own words.

import { session } from "./session.js";

/** Calls the API; resolves to { ok: true, status, body } or { ok: false, status, reason }. Never throws. */
export async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    return { ok: false, status: 0, reason: `the server does not answer (${error.message})` };
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed };
  return { ok: false, status: response.status, reason: reasonOf(response, parsed, text) };
}

/** The words of a refusal: the problem's detail, else its title, else the HTTP status. */
function reasonOf(response, problem, text) {
  if (problem && typeof problem === "object") {
    if (problem.detail) return problem.detail;
    if (problem.title) return problem.title;
  }
  if (response.status === 429) return `too many failed log-ons; try again in ${response.headers.get("Retry-After") ?? "a few"} s`;
  return text && text.length < 200 ? text : `HTTP ${response.status} ${response.statusText}`;
}

export const get = (path) => call("GET", path);
export const post = (path, body) => call("POST", path, body ?? {});

/** The path of an attendant command at the session's device. */
export const deskPath = (device, command) => `/api/attendants/${encodeURIComponent(device)}/${command}`;
