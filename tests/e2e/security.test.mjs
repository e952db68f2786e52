// Safety on a host page: a strict Content Security Policy, and the panic
// safety net that replaces a dead widget with a clear failure state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

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
    // The page's own instance: whenReady resolves to its wasm exports.
    const wasm = await (await import("/dist/callboard.js")).whenReady;
    try {
      wasm.__callboardPanicForTests();
    } catch {
      // The WebAssembly instance traps after the panic hook ran.
    }
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
