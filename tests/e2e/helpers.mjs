// Shared pieces of the end-to-end suite: Debian's Chromium through
// playwright-core, the dev server's base URL, and its fault control.
import { chromium } from "playwright-core";

export const BASE = process.env.E2E_BASE ?? "http://127.0.0.1:8790";

export const PROVIDERS = ["agentvoice", "vozagent", "talkover", "zudu", "smallest", "retell", "vapi"];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export async function fault(f) {
  const r = await fetch(`${BASE}/_control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(f),
  });
  if (r.status !== 204) throw new Error(`fault not set: ${r.status} ${await r.text()}`);
}

export async function clearFaults() {
  await fetch(`${BASE}/_control/faults`, { method: "DELETE" });
}

/** The first `limit` ids of a provider's list, and a sample contact. */
export async function expected(provider, limit = 20) {
  const r = await fetch(`${BASE}/_control/ids?provider=${provider}&limit=${limit}`);
  return r.json();
}

/** The ids of the rows the widget shows. */
export async function rowIds(page) {
  return page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-call-id")));
}

/** Waits until `fn` (run in the page) returns true. */
export async function until(page, fn, arg, timeout = 10_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 50 });
}
