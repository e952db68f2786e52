// The en-XA pseudo-locale: every message of the catalogs accented, about
// 40 % longer and in brackets. A text the widget shows (or an
// aria-label, title or placeholder it sets) that has words but no
// bracket did not come from the catalog — unless it is the provider's
// data (names, numbers, dates, summaries, transcripts) or a label the
// provider named itself (marked `cb-own`). Longer words must not clip:
// nothing scrolls sideways at 320 px, and the widget stays inside its
// box at 1,280 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** What holds the provider's data, or its own words. */
const DATA = [
  ".cb-primary", ".cb-secondary", ".cb-detail__title", ".cb-fact dd", ".cb-summary",
  ".cb-turn__text", ".cb-tool__title", ".cb-tool__json", ".cb-td--agent", ".cb-td--time",
  ".cb-td--duration", ".cb-turn__time", ".cb-player__time", ".cb-own",
  // A provider's end reason the widget does not know, humanized; the
  // values of a column of the provider's own fields.
  ".cb-td--outcome", ".cb-td--extra",
  // Speeds ("1.25×") and the stylesheet.
  "option", "style",
].join(", ");

/** The texts with words that are not from the catalog. */
function strays(page) {
  return page.evaluate((data) => {
    const root = document.querySelector("call-board").shadowRoot;
    const wordy = (t) => /[A-Za-z]{2}/.test(t) && !t.includes("[") && !/^[\d.,\s]+ ms$/.test(t);
    const out = [];
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) {
          const t = n.nodeValue.trim();
          if (wordy(t) && !n.parentElement.closest(data)) out.push(`${n.parentElement.className}: ${t}`);
        } else if (n.nodeType === Node.ELEMENT_NODE) {
          for (const a of ["aria-label", "title", "placeholder", "aria-valuetext"]) {
            const v = n.getAttribute(a);
            if (v && wordy(v) && !n.closest(data)) out.push(`${n.className} [${a}]: ${v}`);
          }
          walk(n);
        }
      }
    };
    walk(root);
    return out;
  }, DATA);
}

/** The side panel `width` px wide in a `viewport` px window, in en-XA, a
 * call open with every menu of the list and the call open. */
async function pseudo(width, viewport) {
  const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/narrow.html?lang=en-XA&width=${width}`);
  await page.locator("tr[data-call-id]").nth(5).waitFor();
  await page.locator(".cb-pager:not(.cb-held)").waitFor();
  return page;
}

for (const [width, viewport] of [[1100, 1280], [320, 320]]) {
  test(`en-XA at ${viewport} px: every text is from the catalog, and nothing scrolls sideways`, async () => {
    const page = await pseudo(width, viewport);
    // The list: its filters (unfolded where they fold), pager and menus.
    const fold = page.locator(".cb-filters__toggle");
    if (await fold.isVisible()) await fold.click();
    assert.deepEqual(await strays(page), [], "the list");
    await page.locator("tr[data-call-id]").first().click();
    await page.locator("li.cb-turn").first().waitFor();
    for (const menu of await page.locator(".cb-download summary, .cb-columns summary, .cb-shortcuts summary").all()) {
      if (await menu.isVisible()) await menu.click();
    }
    await page.locator(".cb-transcript input[type=search]").fill("the");
    assert.deepEqual(await strays(page), [], "a call, its menus and a search");
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(sideways <= 0, `scrolls sideways by ${sideways} px`);
    const board = await page.locator("call-board").boundingBox();
    const widget = await page.locator(".cb").first().boundingBox();
    assert.ok(widget.x + widget.width <= board.x + board.width + 1, "the widget stays inside its element");
    await page.context().close();
  });
}

test("en-XA: a column the provider names itself is headed by the provider's word", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Retell's calls carry their metadata and analysis: fields it names.
  await page.goto(`${BASE}/pages/narrow.html?lang=en-XA&width=1100&provider=retell`);
  await page.locator("tr[data-call-id]").nth(5).waitFor();
  const chooser = page.locator(".cb-columns summary");
  await chooser.click();
  const own = page.locator(".cb-columns label:has(.cb-own) input");
  assert.ok((await own.count()) > 0, "the provider offers a column of its own");
  await own.first().check();
  await chooser.click();
  assert.equal(await page.locator("th.cb-own").count(), 1, "its header is marked as the provider's");
  assert.deepEqual(await strays(page), [], "the list with the provider's column");
  await context.close();
});
