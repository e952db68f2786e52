// The demo page: a provider switcher, a theme switch, a CRM contact page
// where the widget is scoped to one contact, and the embed snippet for the
// current settings. Everything goes through the mock providers under /mock/.
import { filtersOf } from "./dist/callboard.js";

const $ = (id) => document.getElementById(id);
const log = $("log");
const contactBoard = $("contact");
const state = { provider: "agentvoice", theme: "light", view: "log", scope: null };

/** The pin a contact page can use with this provider. */
async function scopeFor(provider) {
  const filters = await filtersOf(provider);
  const sample = (await (await fetch(`/mock/_control/ids?provider=${provider}&limit=1`)).json()).contact;
  if (!sample) return null;
  if (filters.includes("contact")) return { attr: "contact-id", value: sample.contactId, what: "contact ID", sample };
  if (filters.includes("phone")) return { attr: "phone-number", value: sample.phoneNumber, what: "phone number", sample };
  if (filters.includes("agent")) return { attr: "agent-id", value: sample.agentId, what: "agent (this provider cannot filter by contact)", sample };
  return { attr: null, sample };
}

function snippet() {
  const attrs = [`proxy-url="/voice-proxy"`, `provider="${state.provider}"`, `theme="${state.theme}"`];
  if (state.view === "contact" && state.scope?.attr) attrs.push(`${state.scope.attr}="${state.scope.value}"`);
  return [
    `<script type="module" src="https://your-cdn.example/callboard/callboard.js"></script>`,
    `<call-board ${attrs.join(" ")}></call-board>`,
  ].join("\n");
}

async function render() {
  document.documentElement.dataset.theme = state.theme === "dark" ? "dark" : "light";
  for (const board of [log, contactBoard]) {
    board.setAttribute("theme", state.theme);
  }
  log.setAttribute("provider", state.provider);
  log.setAttribute("proxy-url", `/mock/${state.provider}`);
  // "Copy link to this moment" links back to this page, which opens the
  // call there (below): how a host page handles moment links.
  log.setAttribute("moment-url", `${location.origin}${location.pathname}?provider=${state.provider}&call={id}&t={seconds}`);
  state.scope = await scopeFor(state.provider);
  for (const attr of ["contact-id", "phone-number", "agent-id"]) contactBoard.removeAttribute(attr);
  if (state.scope) {
    const { sample } = state.scope;
    if (state.scope.attr) contactBoard.setAttribute(state.scope.attr, state.scope.value);
    $("contact-name").textContent = sample.name ?? "Contact";
    $("contact-initials").textContent = (sample.name ?? "?").split(" ").map((w) => w[0]).join("").slice(0, 2);
    const n = sample.phoneNumber ?? "";
    $("contact-phone").textContent = /^\+1\d{10}$/.test(n) ? `+1 (${n.slice(2, 5)}) ${n.slice(5, 8)}-${n.slice(8)}` : n;
    $("contact-id").textContent = sample.contactId ?? "";
    $("contact-scope").textContent = state.scope.attr
      ? `The widget below is pinned by ${state.scope.what}.`
      : "This provider cannot filter by contact, phone number or agent: the widget below shows every call.";
  }
  contactBoard.setAttribute("provider", state.provider);
  contactBoard.setAttribute("proxy-url", `/mock/${state.provider}`);
  $("view-log").hidden = state.view !== "log";
  $("view-contact").hidden = state.view !== "contact";
  for (const tab of document.querySelectorAll(".tab")) tab.setAttribute("aria-pressed", String(tab.dataset.view === state.view));
  $("snippet").textContent = snippet();
}

// "Place a call": the mock providers start a call with this contact, and
// the providers that send webhooks (Retell, Vapi, ElevenLabs, Bland) tell
// the widget as it rings, runs, ends and gets its summary; the others
// show it when the widget next polls (every 30 s).
const WEBHOOKS = ["retell", "vapi", "elevenlabs", "bland"];
$("place-call").addEventListener("click", async () => {
  const button = $("place-call");
  const sample = state.scope?.sample ?? {};
  button.disabled = true;
  try {
    const r = await fetch("/mock/_control/calls", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contactId: sample.contactId, phoneNumber: sample.phoneNumber, name: sample.name }),
    });
    if (!r.ok) throw new Error(`the dev server answered ${r.status}`);
    $("place-status").textContent = WEBHOOKS.includes(state.provider)
      ? `Calling ${sample.name ?? "a customer"}: watch it ring, run and end.`
      : `Calling ${sample.name ?? "a customer"}: it shows when the widget next checks (within 30 s).`;
  } catch (e) {
    $("place-status").textContent = `No call placed: ${e.message}`;
  } finally {
    setTimeout(() => (button.disabled = false), 1500);
  }
});

$("provider").addEventListener("change", (e) => {
  state.provider = e.target.value;
  render();
});
$("theme").addEventListener("change", (e) => {
  state.theme = e.target.value;
  render();
});
for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", () => {
    state.view = tab.dataset.view;
    render();
  });
}
const params = new URLSearchParams(location.search);
if (params.get("provider")) state.provider = $("provider").value = params.get("provider");
if (params.get("theme")) state.theme = $("theme").value = params.get("theme");
if (params.get("view")) state.view = params.get("view");
if (params.get("call")) {
  log.setAttribute("call-id", params.get("call"));
  if (/^\d+$/.test(params.get("t") ?? "")) log.setAttribute("at", String(Number(params.get("t")) * 1000));
}
render();
