// The call list as CSV: the page shown, or every page the filters match
// (with progress, and a cancel that leaves no file), times in the widget's
// time zone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, expected, rowIds, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

async function widget(zone) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/widget.html?provider=agentvoice`);
  if (zone) await page.evaluate((z) => document.getElementById("board").setAttribute("time-zone", z), zone);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  return page;
}

/** Chooses `item` from the Export menu and returns the file's name and CSV lines. */
async function exportAs(page, item) {
  await page.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: item }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  return { name: download.suggestedFilename(), lines: text.split("\r\n").filter((l) => l !== "") };
}

test("this page as CSV: the rows shown, in order, times in the widget's zone", async () => {
  const page = await widget("America/New_York");
  const shown = await rowIds(page);
  await page.getByText("Export", { exact: true }).waitFor();
  // Nothing under way: no Cancel, no Retry.
  assert.equal(await page.locator(".cb-export button:visible").count(), 0);
  const { name, lines } = await exportAs(page, "This page as CSV");
  assert.match(name, /^calls-\d{4}-\d{2}-\d{2}-page-1\.csv$/);
  assert.ok(lines[0].startsWith("\ufeffCall ID,Provider,Started at,Direction,Status,Customer name"), lines[0]);
  assert.equal(lines.length, shown.length + 1);
  const rows = lines.slice(1).map((l) => l.split(","));
  assert.deepEqual(rows.map((r) => r[0]), shown);
  for (const r of rows) {
    assert.equal(r[1], "agentvoice");
    assert.match(r[2], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/, "New York time with its offset");
    assert.match(r[10], /^\d+(\.\d+)?$|^$/, "duration in plain seconds");
  }
  await page.getByText("Exported 10 calls").waitFor();
  await page.context().close();
});

test("all pages as CSV: every call the list matches, with progress", async () => {
  const page = await widget();
  const { total } = await expected("agentvoice", 1);
  // Pages a little slower than localhost's, so the progress is on screen
  // long enough to be seen however fast the export runs.
  await page.route(/\/agentvoice\/api\/calls\?/, async (route) => {
    if (new URL(route.request().url()).searchParams.get("limit") !== "10") await new Promise((r) => setTimeout(r, 150));
    await route.continue();
  });
  const progress = page.getByText(/Exporting… [\d,]+ of [\d,]+ calls/);
  const [{ lines }] = await Promise.all([exportAs(page, /All pages as CSV/), progress.waitFor()]);
  assert.equal(lines.length - 1, Math.min(total, 5000));
  assert.equal(new Set(lines.slice(1).map((l) => l.split(",")[0])).size, lines.length - 1, "no call twice");
  // The list shown did not move.
  assert.match(await page.locator(".cb-pager__range").innerText(), /^1–10/);
  await page.context().close();
});

test("cancelling an export of all pages leaves no file and the list as it was", async () => {
  const page = await widget();
  // Slow pages, so there is time to cancel.
  await page.route(/\/agentvoice\/api\/calls\?/, async (route) => {
    if (new URL(route.request().url()).searchParams.get("limit") !== "10") await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByText("Export", { exact: true }).click();
  await page.getByRole("button", { name: /All pages as CSV/ }).click();
  await page.getByText(/Exporting…/).waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByText(/Exporting…/).waitFor({ state: "hidden" });
  // (Pages still in flight when Cancel was pressed say nothing.)
  await page.waitForTimeout(1500);
  assert.equal(await page.getByText(/Exporting…/).count(), 0);
  assert.equal(downloads, 0);
  assert.equal(await page.getByText("Export", { exact: true }).isVisible(), true);
  await page.context().close();
});

test("the column chooser comes with the call view's code and shows and hides columns", async () => {
  const page = await widget();
  const chooser = page.getByText("Columns", { exact: true });
  await chooser.waitFor();
  assert.equal(await page.locator("th.cb-th--agent").count(), 1);
  await chooser.click();
  await page.getByRole("checkbox", { name: "Agent" }).uncheck();
  await page.locator("th.cb-th--agent").waitFor({ state: "detached" });
  assert.equal(await page.locator("td.cb-td--agent").count(), 0, "its cells go too");
  await page.getByRole("checkbox", { name: "Agent" }).check();
  await page.locator("th.cb-th--agent").waitFor();
  await page.context().close();
});
