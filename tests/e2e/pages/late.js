// Properties set before the element is defined must not be lost.
const el = document.getElementById("board");
el.proxyUrl = "/retell";
el.provider = "retell";
el.pageSize = 5;
el.headers = { "X-CSRF-Token": "t0k3n" };
window.__events = [];
el.addEventListener("callboard-select", (e) => window.__events.push({ type: e.type, detail: e.detail }));
await import("/dist/callboard.js");
