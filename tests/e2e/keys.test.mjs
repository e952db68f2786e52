// Keyboard shortcuts inside the widget: space plays and pauses, arrows
// skip, j/k move between turns, / goes to the search, ? lists them; keys
// typed in a field stay the field's, and keys outside the widget are the
// page's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

const audio = (page) => page.evaluate(() => {
  const a = document.querySelector("call-board").shadowRoot.querySelector("audio");
  return { paused: a.paused, time: a.currentTime };
});
const active = (page) => page.evaluate(() => {
  const el = document.querySelector("call-board").shadowRoot.activeElement;
  return el && (el.getAttribute("aria-label") ?? el.tagName);
});

test("shortcuts drive the open call's player and transcript", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  await page.locator("tr[data-call-id]").nth(3).click();
  await page.locator(".cb-detail__body[data-state=ready] li.cb-turn").nth(3).waitFor();
  // The focus is on the call's heading, inside the widget.
  await page.keyboard.press("Space");
  await page.waitForFunction(() => !document.querySelector("call-board").shadowRoot.querySelector("audio").paused);
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector("audio").paused);

  const before = (await audio(page)).time;
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((t) => document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime >= t + 9.5, before);
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((t) => document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime < t + 1, before);

  // j: the next turn plays from its start and is the current one; k: the
  // one before.
  const current = () => page.evaluate(() => Number(document.querySelector("call-board").shadowRoot.querySelector(".cb-turn[aria-current=true]")?.dataset.turn ?? -1));
  const turnAbove = (n) => page.waitForFunction((n) => Number(document.querySelector("call-board").shadowRoot.querySelector(".cb-turn[aria-current=true]")?.dataset.turn ?? -1) > n, n);
  await page.keyboard.press("j");
  await turnAbove(await current());
  const first = await current();
  await page.keyboard.press("j");
  await turnAbove(first);
  assert.equal((await audio(page)).paused, false, "a turn plays from its start");
  await page.keyboard.press("k");
  await page.waitForFunction((n) => Number(document.querySelector("call-board").shadowRoot.querySelector(".cb-turn[aria-current=true]")?.dataset.turn) === n, first);
  await page.keyboard.press("Space");

  // ?: the list of shortcuts.
  await page.keyboard.press("?");
  await page.getByText("Back or forward 10 seconds").waitFor();
  await page.keyboard.press("?");
  await page.getByText("Back or forward 10 seconds").waitFor({ state: "hidden" });

  // /: the transcript's search, where keys are typed, not shortcuts.
  await page.keyboard.press("/");
  assert.equal(await active(page), "Search transcript");
  const t = (await audio(page)).time;
  await page.keyboard.type("j k ");
  assert.equal(await page.getByLabel("Search transcript").inputValue(), "j k ");
  const after = await audio(page);
  assert.ok(Math.abs(after.time - t) < 1.5, "typing does not skip or seek");
  await page.close();
});

test("keys outside the widget are the page's", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  await page.evaluate(() => {
    const h = document.querySelector("h1");
    h.tabIndex = -1;
    h.focus();
  });
  await page.keyboard.press("?");
  await page.keyboard.press("Space");
  assert.equal(await page.locator("details.cb-shortcuts[open]").count(), 0);
  assert.equal((await audio(page)).paused, true);
  await page.close();
});
