// Safety on a host page: a strict Content Security Policy, and the panic
// safety net that replaces a dead widget with a clear failure state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

test("the widget works under default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const response = await page.goto(`${BASE}/pages/csp/`);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  // Styled by the adopted stylesheet, not unstyled.
  const fontSize = await page.evaluate(() => getComputedStyle(document.querySelector("call-board").shadowRoot.querySelector("td")).fontSize);
  assert.equal(fontSize, "14px");
  await page.locator("tr[data-call-id]").first().click();
  await page.locator("li.cb-turn").first().waitFor();
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime > 0.3);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test("a panic leaves a clear failure state and an error event, not a dead region", async () => {
  const page = await browser.newPage();
  await page.goto(`${BASE}/pages/two.html`);
  await page.locator("#first tr[data-call-id]").first().waitFor();
  await page.locator("#second tr[data-call-id]").first().waitFor();
  await page.evaluate(async () => {
    // The page's own instance: whenReady resolves to its wasm exports. The
    // panic traps (the bundle's panics are immediate traps) in a task of its
    // own, uncaught, as a panic in one of the widget's callbacks would.
    const wasm = await (await import("/dist/callboard.js")).whenReady;
    setTimeout(() => wasm.__callboardPanicForTests(), 0);
  });
  for (const id of ["first", "second"]) {
    const alert = page.locator(`#${id} .cb-failed[role=alert]`);
    await alert.waitFor();
    assert.match(await alert.innerText(), /The call log stopped working/);
    const href = await alert.getByRole("link", { name: "Reload" }).getAttribute("href");
    assert.equal(href, page.url());
  }
  const kinds = await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-error").map((e) => [e.target, e.detail.kind]));
  assert.deepEqual(kinds.sort(), [["first", "panic"], ["second", "panic"]]);
  await page.close();
});

test("a trap of another WebAssembly module on the page leaves the widgets alone", async () => {
  const page = await browser.newPage();
  await page.goto(`${BASE}/pages/two.html`);
  await page.locator("#first tr[data-call-id]").first().waitFor();
  const trapped = await page.evaluate(async () => {
    // (module (func (export "boom") unreachable))
    const bytes = new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
      0x07, 0x08, 0x01, 0x04, 0x62, 0x6f, 0x6f, 0x6d, 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,
    ]);
    const { instance } = await WebAssembly.instantiate(bytes);
    const seen = new Promise((resolve) => addEventListener("error", (e) => resolve(e.error?.constructor?.name), { once: true }));
    setTimeout(() => instance.exports.boom(), 0);
    return seen;
  });
  assert.equal(trapped, "RuntimeError");
  await page.waitForTimeout(200);
  assert.equal(await page.locator(".cb-failed").count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-error")), []);
  // Still working: the next page comes.
  const first = page.locator("#first tr[data-call-id]").first();
  const before = await first.getAttribute("data-call-id");
  await page.locator("#first").getByRole("button", { name: /Next/ }).click();
  await page.waitForFunction((id) => document.querySelector("#first").shadowRoot.querySelector("tr[data-call-id]")?.dataset.callId !== id, before);
  await page.close();
});
