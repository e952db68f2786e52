// The filter bar and the pager load after the first rows (their code is a
// chunk of its own): until they come, held places of their size keep the
// table and whatever is below the widget where they will be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, PROVIDERS, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** Heights of the widget's filter bar and pager, the table's top and the page below the widget. */
function measure() {
  const board = document.querySelector("call-board");
  const root = board.shadowRoot;
  const box = (sel) => root.querySelector(sel)?.getBoundingClientRect();
  return {
    held: root.querySelectorAll(".cb-held").length,
    filters: box(".cb-filters")?.height,
    pager: box(".cb-pager")?.height,
    tableTop: box(".cb-table").top,
    below: document.getElementById("below").getBoundingClientRect().top,
  };
}

for (const width of [1280, 700, 400]) {
  test(`nothing moves when the filters and pager come, ${width} px, every provider`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      for (const provider of PROVIDERS) {
        let release;
        const gate = new Promise((r) => (release = r));
        await page.route("**/split_list_controls.wasm", async (route) => {
          await gate;
          await route.continue();
        });
        await page.goto(`${BASE}/pages/blank.html`);
        await page.evaluate((p) => {
          const board = document.createElement("call-board");
          board.setAttribute("proxy-url", `/${p}`);
          board.setAttribute("provider", p);
          board.setAttribute("page-size", "10");
          const below = document.createElement("p");
          below.id = "below";
          below.textContent = "Below the widget";
          document.getElementById("host").append(board, below);
        }, provider);
        await page.waitForFunction(() => document.querySelector("call-board")?.shadowRoot?.querySelectorAll("tr[data-call-id]").length > 0);
        const held = await page.evaluate(measure);
        assert.equal(held.held, 2, `${provider}: both places held while the chunk waits`);
        release();
        await page.waitForFunction(() => {
          const root = document.querySelector("call-board").shadowRoot;
          return root.querySelector(".cb-held") === null && root.querySelector(".cb-pager button") !== null;
        });
        const shown = await page.evaluate(measure);
        const near = (a, b) => Math.abs(a - b) < 1;
        assert.ok(near(held.filters, shown.filters), `${provider} at ${width}: filter bar held ${held.filters} px, came ${shown.filters} px`);
        assert.ok(near(held.tableTop, shown.tableTop), `${provider} at ${width}: the table moved from ${held.tableTop} to ${shown.tableTop}`);
        assert.ok(near(held.below, shown.below), `${provider} at ${width}: the page below moved from ${held.below} to ${shown.below}`);
        await page.unroute("**/split_list_controls.wasm");
      }
    } finally {
      await page.close();
    }
  });
}
