// Date filters in the widget's time zone, across a daylight-saving change:
// with time-zone="America/New_York" a day is the New York day, 23 hours
// long on 8 March 2026 and starting at midnight EDT on 9 March, whatever
// the browser's own zone (UTC here) and the season the widget was mounted
// in (November: EST).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** A widget for `provider` in New York time, and the list requests it sends (their query parameters). */
async function newYork(provider) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const lists = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/^\/(agentvoice\/api\/calls|talkover\/api\/v1\/calls)$/.test(url.pathname)) lists.push(url.searchParams);
  });
  await page.goto(`${BASE}/pages/blank.html`);
  await page.evaluate((provider) => {
    const board = document.createElement("call-board");
    board.setAttribute("provider", provider);
    board.setAttribute("proxy-url", `/${provider}`);
    board.setAttribute("time-zone", "America/New_York");
    document.body.append(board);
  }, provider);
  await page.locator("tr[data-call-id]").first().waitFor();
  return { page, lists };
}

/** Sets From and To and waits for the list request they make. */
async function range(page, lists, from, to) {
  const before = lists.length;
  await page.getByLabel("From").fill(from);
  await page.getByLabel("To").fill(to);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const last = lists.at(-1);
    if (lists.length > before && last.get("from") !== null && last.get("to") !== null) return last;
    if (lists.length > before && last.get("date_from") !== null && last.get("date_to") !== null) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`no list request with both bounds after ${from} – ${to}`);
}

test("AgentVoice: New York days are 23 hours on the spring change and start at midnight EDT after it", async () => {
  const { page, lists } = await newYork("agentvoice");
  let q = await range(page, lists, "2026-03-08", "2026-03-08");
  assert.equal(q.get("from"), "2026-03-08T05:00:00.000Z", "midnight EST");
  assert.equal(q.get("to"), "2026-03-09T04:00:00.000Z", "the next midnight, EDT: 23 hours later");
  q = await range(page, lists, "2026-03-09", "2026-03-09");
  assert.equal(q.get("from"), "2026-03-09T04:00:00.000Z", "midnight EDT, not an hour late");
  assert.equal(q.get("to"), "2026-03-10T04:00:00.000Z");
  // The inputs still show the days chosen.
  assert.equal(await page.getByLabel("From").inputValue(), "2026-03-09");
  assert.equal(await page.getByLabel("To").inputValue(), "2026-03-09");
  await page.close();
});

test("Talkover: calendar dates across the change, whatever the season of the mount", async () => {
  const { page, lists } = await newYork("talkover");
  const q = await range(page, lists, "2026-03-09", "2026-03-09");
  assert.equal(q.get("date_from"), "2026-03-09");
  assert.equal(q.get("date_to"), "2026-03-09");
  await page.close();
});
