// What survives a reload of the page in this tab: the token, the account, the device and when the shift began.

const key = "concierge.console";

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

let state = load();

function save() {
  sessionStorage.setItem(key, JSON.stringify(state));
}

export const session = {
  get token() { return state.token ?? null; },
  get account() { return state.account ?? null; },
  get tenant() { return state.tenant ?? null; },
  get device() { return state.device ?? null; },
  get shiftStart() { return state.shiftStart ?? null; },
  loggedOn(token, account, tenant) {
    state = { token, account, tenant };
    save();
  },
  atDevice(device, shiftStart) {
    state = { ...state, device, shiftStart };
    save();
  },
  leaveDevice() {
    const { device, shiftStart, ...rest } = state;
    state = rest;
    save();
  },
  clear() {
    state = {};
    sessionStorage.removeItem(key);
  },
};
