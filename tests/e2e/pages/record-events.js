// Test page helper: ?provider=<id> points the first <call-board> at that
// mock provider; every callboard-* event is recorded in window.__events.
const params = new URLSearchParams(location.search);
window.__events = [];
for (const el of document.querySelectorAll("call-board")) {
  const provider = params.get("provider");
  if (provider && el.id === "board") {
    el.setAttribute("provider", provider);
    el.setAttribute("proxy-url", `/${provider}`);
  }
  for (const name of ["select", "page-change", "filter-change", "playback-start", "error", "moment"]) {
    el.addEventListener(`callboard-${name}`, (e) => window.__events.push({ type: e.type, target: el.id, detail: e.detail }));
  }
}
