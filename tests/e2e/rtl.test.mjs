// A right-to-left host (an Arabic CRM, `<html dir="rtl">`): the widget
// mirrors its layout (its styles are written with logical properties),
// while time still runs left to right in the player, on the seek slider
// and on the speakers' timeline, as in media players. axe stays clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, seriousViolations, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** The right-to-left page with the widget `width` px wide. */
async function rtl(width, viewport = 1280) {
  const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/narrow.html?dir=rtl&width=${width}`);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  await page.locator(".cb-filters[role=search]").waitFor({ state: "attached" });
  await page.locator(".cb-pager:not(.cb-held)").waitFor();
  return page;
}

const box = (locator) => locator.boundingBox();

test("on a right-to-left page the list mirrors: columns, filters, tools and pager run from the right", async () => {
  const page = await rtl(1100);
  assert.equal(await page.locator(".cb").evaluate((el) => getComputedStyle(el).direction), "rtl");
  // The time column comes first, on the right; the duration's figures line up at its end (the left).
  const [time, customer, duration] = await Promise.all(
    [".cb-th--time", ".cb-th--customer", ".cb-th--duration"].map((s) => box(page.locator(s).first())),
  );
  assert.ok(time.x > customer.x && customer.x > duration.x, `time ${time.x} > customer ${customer.x} > duration ${duration.x}`);
  const cell = page.locator("tr[data-call-id] .cb-td--duration").first();
  assert.equal(await cell.evaluate((el) => getComputedStyle(el).textAlign), "end");
  // The first filter is the rightmost.
  const fields = page.locator(".cb-filters__controls > .cb-field, .cb-filters__controls > .cb-field-group");
  const [first, second] = [await box(fields.nth(0)), await box(fields.nth(1))];
  assert.ok(first.x > second.x, `first filter ${first.x} right of the second ${second.x}`);
  // "‹ Previous" on the right of "Next ›", its arrow mirrored by the text's direction.
  const previous = await box(page.getByRole("button", { name: /Previous/ }));
  const next = await box(page.getByRole("button", { name: /Next/ }));
  assert.ok(previous.x > next.x, `previous ${previous.x} right of next ${next.x}`);
  // The open call's row keeps its accent bar on its start side (the right).
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  const shadow = await page
    .locator("tr[data-call-id][aria-selected=true]")
    .evaluate((el) => getComputedStyle(el).boxShadow);
  assert.match(shadow, /-3px 0px 0px/, shadow);
  // Provider data keeps its own direction: a number reads as written.
  const number = page.locator("tr[data-call-id] .cb-td--customer .cb-secondary").first();
  assert.equal(await number.evaluate((el) => getComputedStyle(el).unicodeBidi), "plaintext");
  // The call's panel is beside the list on its end side (the left).
  const [list, panel] = [await box(page.locator(".cb-list")), await box(page.locator(".cb-detail"))];
  assert.ok(panel.x < list.x, `panel ${panel.x} left of the list ${list.x}`);
  await page.context().close();
});

test("on a right-to-left page time still runs left to right in the player and on the timeline; the seek keys and clicks go the right way", async () => {
  const page = await rtl(1100);
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  await page.locator(".cb-timeline__track").waitFor();
  const player = page.locator(".cb-player");
  assert.equal(await player.evaluate((el) => getComputedStyle(el).direction), "ltr");
  const [play, back, seek, forward] = await Promise.all(
    [".cb-play", "[data-skip=back]", ".cb-seek", "[data-skip=forward]"].map((s) => box(player.locator(s))),
  );
  assert.ok(play.x < back.x && back.x < seek.x && seek.x < forward.x, `play ${play.x}, back ${back.x}, slider ${seek.x}, forward ${forward.x}`);
  const position = () => page.locator(".cb-detail audio").evaluate((a) => a.currentTime);
  const duration = await page.locator(".cb-detail audio").evaluate(async (a) => {
    if (!(a.duration > 0)) await new Promise((r) => a.addEventListener("loadedmetadata", r, { once: true }));
    return a.duration;
  });
  // A click a quarter along the timeline's track seeks a quarter in.
  const track = await box(page.locator(".cb-timeline__track"));
  await page.mouse.click(track.x + track.width / 4, track.y + track.height / 2);
  await page.waitForFunction((d) => {
    const a = document.querySelector("call-board").shadowRoot.querySelector(".cb-detail audio");
    return Math.abs(a.currentTime - d / 4) < d / 20;
  }, duration);
  // → (the player's shortcut) goes forward, ← back.
  const before = await position();
  await page.locator(".cb-detail__title").focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((t) => document.querySelector("call-board").shadowRoot.querySelector(".cb-detail audio").currentTime > t + 5, before);
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((t) => document.querySelector("call-board").shadowRoot.querySelector(".cb-detail audio").currentTime < t + 5, before);
  // The slider itself: its start on the left, the arrow keys as on a left-to-right page.
  const slider = page.locator(".cb-seek");
  assert.equal(await slider.evaluate((el) => getComputedStyle(el).direction), "ltr");
  await slider.focus();
  const value = Number(await slider.inputValue());
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(
    (v) => Number(document.querySelector("call-board").shadowRoot.querySelector(".cb-seek").value) > v,
    value,
  );
  await page.context().close();
});

test("on a right-to-left page at 320 and 360 px nothing scrolls sideways, and axe stays clean", async () => {
  for (const width of [320, 360]) {
    const page = await rtl(width, width);
    const scrolls = () =>
      page.evaluate(() => {
        const wrap = document.querySelector("call-board").shadowRoot.querySelector(".cb-table-wrap");
        return [document.documentElement.scrollWidth > document.documentElement.clientWidth, wrap.scrollWidth > wrap.clientWidth];
      });
    assert.deepEqual(await scrolls(), [false, false], `${width} px, the list`);
    for (const state of ["list", "call"]) {
      if (state === "call") {
        await page.locator("tr[data-call-id]").first().click();
        await page.locator("li.cb-turn").first().waitFor();
        // The way back comes first: on the right, the shortcuts' help on the left.
        const [back, help] = [await box(page.locator(".cb-back")), await box(page.locator(".cb-shortcuts"))];
        assert.ok(back.x > help.x, `‹ Calls ${back.x} right of the help ${help.x}`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth), false);
      }
      assert.deepEqual(await seriousViolations(page), [], `${width} px, ${state}`);
    }
    await page.context().close();
  }
});
