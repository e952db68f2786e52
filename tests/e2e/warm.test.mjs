// The call view's warm-up (src/ui/warm.rs): once its code is loaded and
// the page idle, the call view is built once, unseen, so that the browser
// compiles its WebAssembly before the first open rather than during it.
// Chromium compiles wasm functions lazily, on their first call; its trace
// (`v8.wasm` category) names each such compilation, so the spec counts
// them over the first open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** Functions Chromium compiled while `action` ran (until `done` holds). */
async function compiledDuring(page, action, done) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
  const complete = new Promise((r) => cdp.on("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "v8.wasm", transferMode: "ReportEvents" });
  await action();
  await page.waitForFunction(done, null, { timeout: 10_000 });
  await cdp.send("Tracing.end");
  await complete;
  return events.filter((e) => e.name === "wasm.CompileLazy" && e.ph === "X").length;
}

const ready = () => document.querySelector("call-board").shadowRoot.querySelector(".cb-detail__body[data-state=ready]") !== null;

async function board() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, requests, errors };
}

test("once the page is idle, the first call opened finds the call view's code compiled, warmed unseen", async (t) => {
  // Opened while the call view's code is still on its way (it is held a
  // moment): the open compiles it.
  const cold = await board();
  await cold.page.route(/\/split_call_view\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await cold.page.goto(`${BASE}/pages/widget.html?provider=retell`);
  await cold.page.locator("tr[data-call-id]").first().waitFor();
  const unwarmed = await compiledDuring(cold.page, () => cold.page.locator("tr[data-call-id]").nth(2).click(), ready);

  // Opened once the page is idle after its first rows.
  const warm = await board();
  await warm.page.goto(`${BASE}/pages/widget.html?provider=retell`);
  await warm.page.locator("tr[data-call-id]").first().waitFor();
  await warm.page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /split_call_view/.test(e.name)));
  await warm.page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(() => r()))));
  // The warm-up showed nothing, fetched nothing, marked nothing.
  // (The event stream, `/retell/events`, is not a fetch of calls.)
  const api = warm.requests.filter((p) => p.startsWith("/retell/") && p !== "/retell/events");
  assert.equal(api.length, 1, `one list request, no detail: ${api}`);
  const seen = await warm.page.evaluate(() => ({
    detail: document.querySelector("call-board").shadowRoot.querySelectorAll(".cb-detail, .cb-turn, audio").length,
    marks: [...performance.getEntriesByType("mark"), ...performance.getEntriesByType("measure")].filter((e) => /transcript|open/.test(e.name)).map((e) => e.name),
  }));
  assert.deepEqual(seen, { detail: 0, marks: [] });
  const warmed = await compiledDuring(warm.page, () => warm.page.locator("tr[data-call-id]").nth(2).click(), ready);

  t.diagnostic(`functions compiled by the first open: ${unwarmed} while its code arrives, ${warmed} once the page is idle`);
  assert.ok(unwarmed > 100, `the cold open compiled the call view (${unwarmed} functions)`);
  assert.ok(warmed < unwarmed * 0.5, `after the warm-up the first open compiled ${warmed} functions, against ${unwarmed} without it`);
  assert.deepEqual([...cold.errors, ...warm.errors], []);
  await cold.page.context().close();
  await warm.page.context().close();
});
