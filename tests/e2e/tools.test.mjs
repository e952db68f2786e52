// Tool calls, node transitions and keys pressed, between the turns of the
// transcript: where the provider put them, with their outcome, arguments
// and result as text; found by the transcript's search; in the exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, seriousViolations, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** The widget for `provider` with the first call that made tool calls open. */
async function openWithTools(provider, context) {
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/widget.html?provider=${provider}`);
  const rows = page.locator("tr[data-call-id]");
  await rows.nth(9).waitFor();
  for (let i = 0; i < 10; i++) {
    await rows.nth(i).click();
    await page.locator(`.cb-detail[data-call-id="${await rows.nth(i).getAttribute("data-call-id")}"] li.cb-turn`).first().waitFor();
    if ((await page.locator('li.cb-tool[data-kind="tool"]').count()) > 0) return page;
  }
  throw new Error(`no ${provider} call with tool calls among the first ten`);
}

/** A browser context; the widget's theme follows its colour scheme. */
function context(colorScheme = "light") {
  return browser.newContext({ acceptDownloads: true, colorScheme, viewport: { width: 1400, height: 1000 } });
}

test("Retell's tool calls and node transitions sit among the turns, their details as text", async () => {
  const ctx = await context();
  const page = await openWithTools("retell", ctx);
  // Every row is a turn or a tool row, and tool rows sit between turns.
  const kinds = await page.locator("ol.cb-turns > li").evaluateAll((items) =>
    items.map((li) => (li.classList.contains("cb-turn") ? "turn" : li.getAttribute("data-kind"))),
  );
  assert.equal(kinds[0], "turn", "the call opens with speech");
  assert.ok(kinds.includes("transition"), `a node transition: ${kinds.join(" ")}`);
  const move = page.locator('li.cb-tool[data-kind="transition"]').first();
  assert.match(await move.textContent(), /Greeting → \S/);
  const tool = page.locator('li.cb-tool[data-kind="tool"]').first();
  assert.match(await tool.locator(".cb-tool__title").textContent(), /^[a-z_]+$/);
  assert.match(await tool.locator(".cb-tool__outcome").textContent(), /^(Succeeded|Failed)$/);
  assert.equal(await tool.locator(".cb-tool__time").count(), 0, "Retell gives tool calls no time");
  // Collapsed until asked for; then indented JSON, as text only.
  assert.equal(await tool.locator("details[open]").count(), 0);
  await tool.locator("summary").click();
  const pre = tool.locator("pre.cb-tool__json");
  assert.equal(await pre.count(), 2, "arguments and result");
  const args = await pre.first().textContent();
  assert.doesNotThrow(() => JSON.parse(args));
  assert.match(args, /^\{\n {2}"/, "indented");
  assert.equal(await pre.first().evaluate((el) => el.children.length), 0, "no markup from the provider");
  // j walks to the next turn, over the tool rows between.
  const before = await page.locator("li.cb-turn + li.cb-tool").first().evaluate((li) => li.previousElementSibling.dataset.turn);
  await page.locator(`li.cb-turn[data-turn="${before}"] .cb-turn__text`).click();
  await page.locator(`li.cb-turn[data-turn="${before}"][aria-current=true]`).waitFor();
  await page.keyboard.press("j");
  await page.locator(`li.cb-turn[data-turn="${Number(before) + 1}"][aria-current=true]`).waitFor();
  await ctx.close();
});

test("Vapi's tool calls show their time, which plays the call from there", async () => {
  const ctx = await context();
  const page = await openWithTools("vapi", ctx);
  const tool = page.locator('li.cb-tool[data-kind="tool"]').first();
  assert.equal(await tool.locator(".cb-tool__outcome").textContent(), "Returned", "Vapi does not say whether it succeeded");
  const time = tool.locator(".cb-tool__time");
  const [, m, s] = (await time.textContent()).match(/(\d+):(\d+)/);
  assert.equal(await time.getAttribute("aria-label"), `Play from ${m}:${s}`);
  await time.click();
  await page.waitForFunction((t) => {
    const audio = document.querySelector("call-board").shadowRoot.querySelector("audio");
    return !audio.paused && audio.currentTime >= t && audio.currentTime < t + 3;
  }, Number(m) * 60 + Number(s));
  await ctx.close();
});

test("search finds tool names and arguments (opening them), and the exports hold the tool rows", async () => {
  const ctx = await context();
  const page = await openWithTools("retell", ctx);
  const tool = page.locator('li.cb-tool[data-kind="tool"]').first();
  const name = await tool.locator(".cb-tool__title").textContent();
  const search = page.getByRole("searchbox", { name: "Search transcript" });
  await search.fill(name);
  await page.locator("li.cb-tool .cb-tool__title mark").first().waitFor();
  assert.match(await page.locator(".cb-transcript__count").textContent(), /^1 of \d+$/);
  // A key only the arguments hold: the hit opens them.
  const key = (await tool.locator("pre.cb-tool__json").first().textContent()).match(/"([a-z_]+)"/)[1];
  await search.fill(key);
  await page.locator('li.cb-tool details[open] pre mark[data-active="true"]').waitFor();
  await search.fill("");
  // Text and WebVTT carry the tool rows.
  const take = async (label) => {
    await page.locator(".cb-transcript .cb-download summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
    return readFileSync(await download.path(), "utf8");
  };
  const txt = await take("Text (.txt)");
  assert.ok(txt.includes(`Tool call: ${name} (`), txt.slice(0, 400));
  assert.match(txt, /\nNode: Greeting → /);
  const vtt = await take("Captions, WebVTT (.vtt)");
  assert.ok(vtt.includes(`\nNOTE Tool call: ${name} (`), "a NOTE per tool row");
  const json = JSON.parse(await take("JSON (.json)"));
  assert.ok(json.events.some((e) => e.type === "tool_call" && e.name === name && Number.isInteger(e.turns_before)));
  await ctx.close();
});

test("tool rows, opened, are accessible in both themes", async () => {
  for (const theme of ["light", "dark"]) {
    const ctx = await context(theme);
    const page = await openWithTools("vapi", ctx);
    const tool = page.locator('li.cb-tool[data-kind="tool"]').first();
    await tool.locator("summary").click();
    await tool.locator("details[open]").waitFor();
    assert.deepEqual(await seriousViolations(page), [], theme);
    await ctx.close();
  }
});
