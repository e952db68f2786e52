// The fault matrix through the dev server: every HTTP error class, a hang
// cut off by the timeout, truncated JSON, HTML, a mislabelled body, the
// server gone, and racing responses. Each shows the right message; retry
// works; the filter, the page and the open call are kept; nothing stale.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, fault, clearFaults, expected, useBrowser } from "./helpers.mjs";

const browser = useBrowser();
after(async () => {
  await clearFaults();
});

const CASES = [
  [{ kind: "status", status: 401 }, /HTTP 401\): Authentication failed/],
  [{ kind: "status", status: 403 }, /not allowed \(HTTP 403\)/],
  [{ kind: "status", status: 404 }, /Not found \(HTTP 404\)/],
  [{ kind: "status", status: 422 }, /rejected the request: The given data was invalid/],
  [{ kind: "status", status: 429, retry_after: "3" }, /Too many requests; try again in 3 s/],
  [{ kind: "status", status: 500 }, /problem \(HTTP 500\): Internal server error/],
  [{ kind: "status", status: 502 }, /problem \(HTTP 502\): Bad gateway/],
  [{ kind: "truncate" }, /could not be read: the response was cut off/],
  [{ kind: "not_json" }, /the response is HTML, not JSON/],
  [{ kind: "hang" }, /No answer within 1.5 seconds/],
];

/** A widget with a filter, page 2 and an open call, ready for a fault. */
async function setUp(page, provider) {
  await page.goto(`${BASE}/pages/widget.html?provider=${provider}`);
  await page.evaluate(() => {
    document.getElementById("board").timeoutMs = 1500;
  });
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  await page.getByLabel("Status").selectOption({ index: 1 });
  await page.locator(".cb-chip").first().waitFor();
  await page.locator("tbody[data-state=idle]").waitFor();
  await page.getByRole("button", { name: "Next ›" }).click();
  await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector(".cb-pager__range")?.textContent.startsWith("11–"));
  const opened = await page.locator("tr[data-call-id]").first().getAttribute("data-call-id");
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  return opened;
}

for (const [spec, message] of CASES) {
  test(`${spec.kind} ${spec.status ?? ""}: message, retry, nothing lost`, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const provider = "agentvoice";
    const opened = await setUp(page, provider);
    const shownBefore = await page.locator("tr[data-call-id]").evaluateAll((r) => r.map((x) => x.dataset.callId));
    await fault({ path: `/${provider}/`, times: 1, ...spec });
    await page.getByRole("button", { name: "Next ›" }).click();
    const alert = page.locator(".cb-list [role=alert]");
    await alert.waitFor({ timeout: 8_000 });
    assert.match(await alert.innerText(), message);
    // Nothing the user had is lost, and no stale rows replace the shown ones.
    assert.equal(await page.locator(".cb-chip").count(), 1, "the filter is kept");
    assert.equal(await page.locator(`.cb-detail[data-call-id="${opened}"]`).count(), 1, "the open call is kept");
    assert.deepEqual(await page.locator("tr[data-call-id]").evaluateAll((r) => r.map((x) => x.dataset.callId)), shownBefore);
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector(".cb-pager__range")?.textContent.startsWith("21–"));
    assert.equal(await page.locator(".cb-list [role=alert]").count(), 0);
    assert.equal(await page.locator(".cb-chip").count(), 1);
    assert.equal(await page.locator(`.cb-detail[data-call-id="${opened}"]`).count(), 1);
    await page.close();
  });
}

test("a mislabelled JSON body is still read", async () => {
  const page = await browser.newPage();
  await fault({ path: "/vozagent/", kind: "wrong_content_type", times: 1 });
  await page.goto(`${BASE}/pages/widget.html?provider=vozagent`);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  await page.close();
});

test("the server gone: a network message, and retry recovers", async () => {
  const page = await browser.newPage();
  await page.goto(`${BASE}/pages/widget.html`);
  await page.locator("tr[data-call-id]").first().waitFor();
  await page.evaluate(() => document.getElementById("board").setAttribute("proxy-url", "http://127.0.0.1:9/agentvoice"));
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /Could not reach the proxy: the request failed \(offline, blocked by CORS, or the proxy is down\)/);
  await page.evaluate(() => document.getElementById("board").setAttribute("proxy-url", "/agentvoice"));
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  await page.close();
});

test("racing responses: the slower, older one never lands", async () => {
  const page = await browser.newPage();
  const want = await expected("retell", 30);
  await page.goto(`${BASE}/pages/widget.html?provider=retell`);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  // Page 2 answers slowly; page 3 is asked for meanwhile... via a filter
  // change instead, which starts over at page 1 of the filtered list.
  await fault({ path: "/retell/", kind: "latency", ms: 1500, times: 1 });
  await page.getByRole("button", { name: "Next ›" }).click();
  await page.waitForTimeout(100);
  await page.getByLabel("Status").selectOption("ended");
  await page.locator("tbody[data-state=idle]").waitFor();
  const filtered = await page.locator("tr[data-call-id]").evaluateAll((r) => r.map((x) => x.dataset.callId));
  await page.waitForTimeout(1800);
  assert.deepEqual(await page.locator("tr[data-call-id]").evaluateAll((r) => r.map((x) => x.dataset.callId)), filtered);
  assert.notDeepEqual(filtered, want.ids.slice(10, 20), "the slow page-2 answer did not replace the newer rows");
  assert.match(await page.locator(".cb-pager__range").innerText(), /^1–10 of [\d,]+$/, "page 1 of the filtered list, with its total");
  await page.close();
});

// The call view is a separately loaded WebAssembly chunk. When it cannot
// load, the detail says so with a retry, `callboard-error` fires with
// `during: "detail"`, the list keeps working, and nothing panics.
/** `(module (import "__wasm_split" "not_here" (func)))`: valid, but it links to nothing the main module has. */
const STALE_CHUNK = Buffer.concat([
  Buffer.from("0061736d01000000", "hex"), // magic, version
  Buffer.from("010401600000", "hex"), // types: () -> ()
  Buffer.from("0219010c", "hex"), // imports: one, module name of 12 bytes
  Buffer.from("__wasm_split"),
  Buffer.from("08", "hex"),
  Buffer.from("not_here"),
  Buffer.from("0000", "hex"), // a function of type 0
]);
const CHUNK_FAULTS = [
  ["the network fails", (route) => route.abort("internetdisconnected")],
  ["it is not found (404)", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "Not Found" })],
  // A stale callboard.js beside a newer chunk: a module whose imports do
  // not match what the page's main module offers.
  ["it does not fit the page's callboard.js", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/wasm",
      // (module (import "__wasm_split" "not_here" (func)))
      body: STALE_CHUNK,
    })],
];

/**
 * The widget page with split module `name` failing as `failure` says
 * (until `chunk.failing` is set false), its first rows shown, and the
 * panics it logs.
 */
async function withFailingChunk(name, failure) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const panics = [];
  page.on("console", (m) => /panicked|unreachable/i.test(m.text()) && panics.push(m.text()));
  page.on("pageerror", (e) => panics.push(String(e)));
  const chunk = { failing: true };
  await page.route(new RegExp(`/split_${name}\\.wasm$`), (route) => (chunk.failing ? failure(route) : route.continue()));
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  return { page, panics, chunk };
}

for (const [what, failure] of CHUNK_FAULTS) {
  test(`the call view's code cannot load when ${what}: message, retry, the list keeps working`, async () => {
    const { page, panics, chunk } = await withFailingChunk("call_view", failure);
    const id = await page.locator("tr[data-call-id]").first().getAttribute("data-call-id");
    await page.locator("tr[data-call-id]").first().click();

    const alert = page.locator(".cb-detail [role=alert]");
    await alert.waitFor({ timeout: 8_000 });
    assert.match(await alert.innerText(), /Could not load the call view[\s\S]*did not load: the network failed, or callboard was updated/);
    assert.equal(await alert.getAttribute("data-error"), "code");
    // The panel is headed by the row's name (the panel itself is in the
    // call view's code: its facts come with it).
    const heading = await page.locator(".cb-detail__title").innerText();
    assert.notEqual(heading, "Call details");
    assert.ok((await page.locator("tr[data-call-id]").first().innerText()).includes(heading), heading);
    const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-error").map((e) => e.detail));
    assert.deepEqual(errors.map((e) => [e.during, e.kind]), [["detail", "code"]]);

    // The list keeps working: the next page loads with the detail still open.
    await page.getByRole("button", { name: "Next ›" }).click();
    await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector(".cb-pager__range")?.textContent.startsWith("11–"));
    assert.equal(await page.locator(".cb-detail").getAttribute("data-call-id"), id);

    // Once the chunk can load, Retry shows the call.
    chunk.failing = false;
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.locator(".cb-detail__body[data-state=ready] li.cb-turn").first().waitFor();
    assert.equal(await page.locator(".cb-detail [role=alert]").count(), 0);
    assert.deepEqual(panics, []);
    await page.close();
  });
}

// A call opened before the call view's code is there (by `call-id` on
// load, say: a CRM record's page) asks for its detail at once: the
// request and the chunk's download run side by side, not one after the
// other. Here the chunk is held back until the detail has been asked for.
test("a call opened before the call view's code is loaded asks for its detail at once", async () => {
  const { ids } = await expected("agentvoice", 3);
  const id = ids[2];
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const panics = [];
  page.on("pageerror", (e) => panics.push(String(e)));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let codeWanted;
  const codeAsked = new Promise((resolve) => (codeWanted = resolve));
  await page.route(/\/split_call_view\.wasm$/, async (route) => {
    codeWanted();
    await held;
    await route.continue();
  });
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === `/agentvoice/api/calls/${id}`, { timeout: 8_000 });
  await page.evaluate((id) => document.getElementById("board").setAttribute("call-id", id), id);
  // The detail is asked for while the code is held back (before, the
  // request waited for the code: this timed out)...
  await asked;
  // ...and the code is asked for beside it.
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("the call view's code was not asked for")), 8_000)));
  await Promise.race([codeAsked, late]);
  clearTimeout(timer);
  // The panel waits for the code, then shows the call.
  assert.equal(await page.locator(".cb-detail__body[data-state=ready]").count(), 0);
  release();
  await page.locator(".cb-detail__body[data-state=ready] li.cb-turn").first().waitFor();
  assert.equal(await page.locator(".cb-detail").getAttribute("data-call-id"), id);
  assert.deepEqual(panics, []);
  await page.close();
});

// The filter bar and the pager are a chunk of their own, loaded after the
// first rows. When it cannot load, the rows stay, their place says so with
// a retry, `callboard-error` fires with `during: "list"`, calls still open.
for (const [what, failure] of CHUNK_FAULTS) {
  test(`the filters' and pager's code cannot load when ${what}: the rows stay, a message, retry`, async () => {
    const { page, panics, chunk } = await withFailingChunk("list_controls", failure);

    const alert = page.locator(".cb [role=alert][data-error=code]");
    await alert.waitFor({ timeout: 8_000 });
    assert.match(await alert.innerText(), /Filters and pages unavailable[\s\S]*did not load: the network failed, or callboard was updated/);
    const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-error").map((e) => e.detail));
    assert.deepEqual(errors.map((e) => [e.during, e.kind]), [["list", "code"]]);
    assert.equal(await page.locator("tr[data-call-id]").count(), 10, "the rows stay");
    assert.equal(await page.getByRole("button", { name: "Next ›" }).count(), 0, "no pager without its code");

    // A call still opens (the call view is a chunk of its own).
    await page.locator("tr[data-call-id]").first().click();
    await page.locator(".cb-detail__body[data-state=ready] li.cb-turn").first().waitFor();

    // Once the chunk can load, Retry brings the filters and the pager.
    chunk.failing = false;
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.getByLabel("Status").waitFor();
    assert.equal(await alert.count(), 0);
    await page.getByRole("button", { name: "Next ›" }).click();
    await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector(".cb-pager__range")?.textContent.startsWith("11–"));
    assert.deepEqual(panics, []);
    await page.close();
  });
}

// Reading a provider's error body is code the first rows do not need: it
// is in the list controls' chunk, loaded when an answer fails. A first
// answer that fails still says what the provider said; with that chunk
// unavailable, what its status means, and Retry still recovers.
test("a failed first answer says what the provider said (its reading code loads on demand)", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await fault({ path: "/agentvoice/", times: 1, kind: "status", status: 401 });
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  const alert = page.locator(".cb-list [role=alert]");
  await alert.waitFor({ timeout: 8_000 });
  assert.match(await alert.innerText(), /HTTP 401\): Authentication failed/);
  assert.equal(await alert.getAttribute("data-error"), "unauthorized");
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  await page.close();
});

// A failure's words are written by the list controls' code (the first
// rows need none of them): without it, a failed first answer still shows,
// by its heading, with its retry, and the error event says the heading.
test("with the controls' code unavailable, a failed first answer shows by its heading, with a retry", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const panics = [];
  page.on("pageerror", (e) => panics.push(String(e)));
  const chunk = { failing: true };
  await page.route(/\/split_list_controls\.wasm$/, (route) => (chunk.failing ? route.abort("internetdisconnected") : route.continue()));
  await fault({ path: "/agentvoice/", times: 1, kind: "status", status: 401 });
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  const alert = page.locator(".cb-list [role=alert]");
  await alert.waitFor({ timeout: 8_000 });
  assert.equal(await alert.getAttribute("data-error"), "unauthorized");
  const text = await alert.innerText();
  assert.match(text, /Access denied/);
  assert.doesNotMatch(text, /Authentication failed/, "the body is not read without its code");
  await page.waitForFunction(() => window.__events.some((e) => e.type === "callboard-error" && e.detail.kind === "unauthorized"));
  const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-error").map((e) => e.detail));
  const denied = errors.find((e) => e.kind === "unauthorized");
  assert.deepEqual([denied.during, denied.status, denied.message], ["list", 401, "Access denied"]);
  chunk.failing = false;
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  assert.deepEqual(panics, []);
  await page.close();
});
