// Links to moments: `call-id` with `at` opens the call sought there (and a
// new `at` seeks the open call); "Copy link to this moment" copies the
// link made from `moment-url` and fires `callboard-moment`. The page's URL
// is never touched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

const inWidget = (page, fn, arg) =>
  page.waitForFunction(([fn, arg]) => new Function("root", "arg", `return (${fn})(root, arg)`)(document.querySelector("call-board").shadowRoot, arg), [fn.toString(), arg]);

test("call-id with at opens the call sought there; a new at seeks it; the link to the moment is copied", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  const page = await context.newPage();
  // A call long enough to seek into, from the list.
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  const call = await page.locator("tr[data-call-id]").evaluateAll((rows) => {
    const seconds = (t) => t.split(":").reduce((a, b) => a * 60 + Number(b), 0);
    const long = rows.find((r) => seconds(r.querySelector(".cb-td--duration").textContent) > 90);
    return long && { id: long.dataset.callId };
  });
  assert.ok(call, "a call over a minute and a half long");
  await page.goto(`${BASE}/pages/blank.html`);
  const urlBefore = page.url();
  await page.evaluate(async (id) => {
    window.__moments = [];
    const board = document.createElement("call-board");
    board.setAttribute("provider", "agentvoice");
    board.setAttribute("proxy-url", "/agentvoice");
    board.setAttribute("call-id", id);
    board.setAttribute("at", "0:25");
    board.setAttribute("moment-url", "https://crm.example.com/calls/{id}?t={seconds}");
    board.addEventListener("callboard-moment", (e) => window.__moments.push(e.detail));
    document.body.append(board);
  }, call.id);

  await page.locator(`.cb-detail[data-call-id="${call.id}"] li.cb-turn`).first().waitFor();
  await inWidget(page, (root) => Math.abs(root.querySelector("audio")?.currentTime - 25) < 0.5);
  // The transcript shows where that is.
  await page.locator(".cb-turn[aria-current=true]").waitFor();
  // The panel is built once: the call view's code arriving again (the idle
  // prefetch after the first rows) does not rebuild it, player and all.
  await page.evaluate(() => (document.querySelector("call-board").shadowRoot.querySelector("audio").dataset.first = "yes"));

  await page.evaluate(() => document.querySelector("call-board").setAttribute("at", "42000"));
  await inWidget(page, (root) => Math.abs(root.querySelector("audio").currentTime - 42) < 0.5);

  // Another option changing neither reopens nor seeks back to `at`.
  await page.getByRole("slider", { name: "Seek" }).focus();
  await page.keyboard.press("ArrowRight");
  await inWidget(page, (root) => Math.abs(root.querySelector("audio").currentTime - 47) < 0.5);
  await page.evaluate(() => document.querySelector("call-board").setAttribute("theme", "dark"));
  await page.waitForTimeout(500);
  await inWidget(page, (root) => Math.abs(root.querySelector("audio").currentTime - 47) < 0.5);
  // A new moment does.
  await page.evaluate(() => document.querySelector("call-board").setAttribute("at", "0:30"));
  await inWidget(page, (root) => Math.abs(root.querySelector("audio").currentTime - 30) < 0.5);

  await page.getByRole("button", { name: "Copy link to this moment" }).click();
  await page.getByText("Link copied").waitFor();
  const link = `https://crm.example.com/calls/${encodeURIComponent(call.id)}?t=30`;
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const moments = await page.evaluate(() => window.__moments);
  assert.equal(moments.length, 1);
  assert.equal(moments[0].id, call.id);
  assert.ok(Math.abs(moments[0].positionMs - 30_000) < 500, `positionMs ${moments[0].positionMs}`);
  assert.equal(moments[0].url, link);
  assert.equal(page.url(), urlBefore, "the page's URL is untouched");
  assert.equal(await page.evaluate(() => document.querySelector("call-board").shadowRoot.querySelector("audio").dataset.first), "yes");
  await context.close();
});

test("without moment-url there is no moment link; a template that is not http(s) copies nothing", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  assert.equal(await page.getByRole("button", { name: "Copy link to this moment" }).count(), 0);
  await page.evaluate(() => document.getElementById("board").setAttribute("moment-url", "javascript:alert('{id}')"));
  await page.getByRole("button", { name: "Copy link to this moment" }).click();
  await page.getByText("The moment-url setting is not an http(s) link").waitFor();
  const moments = await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-moment").map((e) => e.detail));
  assert.equal(moments.length, 1);
  assert.equal(moments[0].url, undefined);
  await page.close();
});
