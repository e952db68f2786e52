// The first page's request goes out with the script, while the
// WebAssembly downloads (js/first-page.js), and the widget uses its answer
// instead of asking again: one request, sooner. Where the first request
// cannot be told in advance (a pinned scope) or the options change before
// the widget runs, the widget asks itself, and nothing stale is shown.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, fault, clearFaults, expected, rowIds, useBrowser } from "./helpers.mjs";

const browser = useBrowser();
after(async () => {
  await clearFaults();
});

const LIST = /\/(agentvoice|vapi)\/(api\/calls|call)\?/;

/**
 * A page at `/pages/early.html` holding `body` (after the script tag),
 * with the main WebAssembly held back `wasmDelayMs`; returns the page and
 * its log of list requests (those `lists` matches) and of the wasm's
 * arrival, in order.
 */
async function open(body, { wasmDelayMs = 0, lists = LIST } = {}) {
  const page = await browser.newPage();
  const log = [];
  page.on("request", (r) => lists.test(r.url()) && log.push(`list ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
  await page.route(`${BASE}/pages/early.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>early</title>
        <script type="module" src="/dist/callboard.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.route("**/callboard_wasm_bg.wasm", async (route) => {
    await new Promise((r) => setTimeout(r, wasmDelayMs));
    log.push("wasm");
    await route.continue();
  });
  await page.goto(`${BASE}/pages/early.html`);
  return { page, log };
}

test("the first page is asked for while the WebAssembly loads, once, and shown", async () => {
  const { page, log } = await open(`<call-board proxy-url="/agentvoice" provider="agentvoice" page-size="10"></call-board>`, { wasmDelayMs: 400 });
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  const { ids } = await expected("agentvoice", 10);
  assert.deepEqual(await rowIds(page), ids);
  assert.deepEqual(log, ["list /agentvoice/api/calls?limit=10&offset=0&fields=light", "wasm"], "the list was asked for before the wasm came, and only then");
  await page.close();
});

test("with auto, every provider's first page is asked for while the WebAssembly loads, each once, and the right one shown", async () => {
  const { page, log } = await open(`<call-board proxy-url="/vapi" page-size="10"></call-board>`, {
    wasmDelayMs: 400,
    // Every list path under the proxy (its event stream is not one).
    lists: new RegExp(`^${BASE}/vapi/(?!events)`),
  });
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  const { ids } = await expected("vapi", 10);
  assert.deepEqual(await rowIds(page), ids);
  await page.waitForTimeout(300);
  const lists = log.filter((l) => l.startsWith("list"));
  assert.equal(lists.length, 9, `one request per provider: ${lists}`);
  assert.equal(new Set(lists).size, 9, "none asked twice");
  assert.ok(lists.includes("list /vapi/call?limit=10"), "Vapi's own first page among them");
  assert.equal(log.indexOf("wasm"), 9, "all before the wasm came; the widget asked nothing more");
  await page.close();
});

test("a first page that fails shows why, and Retry asks again", async () => {
  await fault({ path: "/agentvoice/", kind: "status", status: 500, times: 1 });
  const { page, log } = await open(`<call-board proxy-url="/agentvoice" provider="agentvoice" page-size="10"></call-board>`);
  const alert = page.locator(".cb-list [role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /problem \(HTTP 500\): Internal server error/);
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  assert.equal(await alert.count(), 0);
  assert.equal(log.filter((l) => l.startsWith("list")).length, 2, "the failed early request, then the retry");
  await page.close();
});

test("a first page that does not answer in time says so", async () => {
  await fault({ path: "/agentvoice/", kind: "hang", times: 1 });
  // timeoutMs is a property: set before the element upgrades.
  const { page } = await open(`<call-board proxy-url="/agentvoice" provider="agentvoice"></call-board>
    <script>document.querySelector("call-board").timeoutMs = 1500;</script>`);
  const alert = page.locator(".cb-list [role=alert]");
  await alert.waitFor({ timeout: 8_000 });
  assert.match(await alert.innerText(), /No answer within 1.5 seconds/);
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  await page.close();
});

test("options changed before the widget runs: only the last request's answer is shown", async () => {
  const { page, log } = await open(
    `<call-board proxy-url="/agentvoice" provider="agentvoice" page-size="10"></call-board>
     <script type="module">
       // After the element upgraded and asked for its first page, before the wasm is there.
       setTimeout(() => {
         const board = document.querySelector("call-board");
         board.setAttribute("provider", "vapi");
         board.setAttribute("proxy-url", "/vapi");
         board.setAttribute("page-size", "7");
       }, 50);
     </script>`,
    { wasmDelayMs: 600 },
  );
  await page.locator("tr[data-call-id]").nth(6).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator("tr[data-call-id]").count(), 7, "the page size asked for last");
  const lists = log.filter((l) => l.startsWith("list"));
  assert.deepEqual(lists, ["list /agentvoice/api/calls?limit=10&offset=0&fields=light", "list /vapi/call?limit=7"], "asked again once, for the new options; the widget asked nothing more");
  assert.ok(log.indexOf("wasm") > log.indexOf("list /vapi/call?limit=7"), "both before the wasm came");
  await page.close();
});

test("a pinned board is asked for by the widget itself, once", async () => {
  const { contact } = await expected("agentvoice", 1);
  const { page, log } = await open(
    `<call-board proxy-url="/agentvoice" provider="agentvoice" page-size="10" contact-id="${contact.contactId}"></call-board>`,
    { wasmDelayMs: 200 },
  );
  await page.locator("tr[data-call-id]").first().waitFor();
  await page.waitForTimeout(300);
  const lists = log.filter((l) => l.startsWith("list"));
  assert.equal(lists.length, 1, `one request: ${lists}`);
  assert.match(lists[0], new RegExp(`contact_id=${contact.contactId}`));
  assert.ok(log.indexOf("wasm") < log.indexOf(lists[0]), "by the widget, once it runs");
  await page.close();
});
