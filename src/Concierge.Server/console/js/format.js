// Numbers and durations as the desk shows them.

/** Whole seconds as m:ss, or h:mm:ss from an hour on. */
export function duration(seconds) {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A .NET TimeSpan as JSON writes it ("[d.]hh:mm:ss[.fffffff]") in seconds; 0 when unreadable. */
export function timeSpanSeconds(text) {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(String(text ?? ""));
  if (!match) return 0;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** The caller as the desk names them: the directory's name with the number, or the number alone. */
export function callerText(call) {
  const number = call.caller || "unknown number";
  return call.callerName ? `${call.callerName} (${number})` : number;
}

/** A call's type in words. */
export function typeText(call) {
  switch (call.type) {
    case "Intercept": return "intercept";
    case "PersonalLine": return "personal line";
    case "Recall": return "recall";
    case "Internal": return "internal";
    default: return "external";
  }
}
