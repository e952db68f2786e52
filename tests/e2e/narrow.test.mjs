// The widget in narrow containers: a 400 px CRM side panel and a 360 px
// phone. The list is compact two-line items with no sideways scrolling,
// the filters fold behind one button, an open call takes the whole
// widget, and going back puts the list where it was with the row focused.
// axe stays clean there in both themes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, seriousViolations, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** The side-panel page, `width` px wide, in a viewport `viewport` px wide. */
async function panel(width, viewport = 1280, theme = "light") {
  const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/narrow.html?width=${width}&theme=${theme}`);
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  // The filter bar comes after the first rows (its place held till then).
  await page.locator(".cb-filters[role=search]").waitFor({ state: "attached" });
  return page;
}

/** Where each part of row `n` is: top and left of its customer, time, duration and status. */
function rowBoxes(page, n) {
  return page.locator("tr[data-call-id]").nth(n).evaluate((row) => {
    const box = (c) => {
      const r = row.querySelector(`.cb-td--${c}`).getBoundingClientRect();
      return { top: Math.round(r.top), left: Math.round(r.left), width: Math.round(r.width) };
    };
    return { customer: box("customer"), time: box("time"), duration: box("duration"), status: box("status"), direction: box("direction") };
  });
}

for (const [width, viewport] of [[400, 1280], [360, 360]]) {
  test(`at ${width} px the list is compact two-line items and nothing scrolls sideways`, async () => {
    const page = await panel(width, viewport);
    const sizes = await page.evaluate(() => {
      const root = document.querySelector("call-board").shadowRoot;
      const wrap = root.querySelector(".cb-table-wrap");
      return { doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth], wrap: [wrap.scrollWidth, wrap.clientWidth] };
    });
    assert.ok(sizes.doc[0] <= sizes.doc[1], `the page does not scroll sideways: ${sizes.doc}`);
    assert.ok(sizes.wrap[0] <= sizes.wrap[1], `the list does not scroll sideways: ${sizes.wrap}`);
    const b = await rowBoxes(page, 0);
    // Line one: the customer, across the item; line two: time, duration, status.
    assert.ok(b.customer.top < b.time.top, "the customer is above the time");
    assert.equal(b.time.top, b.duration.top);
    assert.ok(b.duration.left > b.time.left && b.status.left > b.duration.left, "time, duration, status in that order");
    assert.equal(b.direction.width, 0, "the direction is left out");
    assert.equal(await page.getByRole("button", { name: "Columns" }).isVisible(), false);
    await page.context().close();
  });
}

test("in a side panel an open call replaces the list; back restores the list's scroll and focus", async () => {
  const page = await panel(400);
  // Scroll the panel so the row opened is mid-way down.
  await page.evaluate(() => (document.getElementById("panel").scrollTop = 500));
  const row = page.locator("tr[data-call-id]").nth(8);
  const id = await row.getAttribute("data-call-id");
  const before = await row.evaluate((r) => Math.round(r.getBoundingClientRect().top));
  await row.click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  assert.equal(await page.locator(".cb-list").isVisible(), false, "the list gives way to the call");
  const detail = await page.locator(".cb-detail").evaluate((d) => Math.round(d.getBoundingClientRect().width));
  assert.ok(detail > 340, `the call takes the panel's width (${detail} px)`);
  assert.equal(await page.getByRole("button", { name: "Close call details" }).isVisible(), false);
  await page.evaluate(() => (document.getElementById("panel").scrollTop = 900));

  await page.getByRole("button", { name: "‹ Calls" }).click();
  await page.locator(".cb-list").waitFor({ state: "visible" });
  await page.waitForFunction((id) => document.querySelector("call-board").shadowRoot.activeElement?.dataset.callId === id, id);
  const after = await row.evaluate((r) => Math.round(r.getBoundingClientRect().top));
  assert.ok(Math.abs(after - before) <= 2, `the row is back where it was (${before} px, now ${after} px)`);
  await page.context().close();
});

for (const width of [360, 768]) test(`axe finds no serious or critical violation at ${width} px, list and call, in both themes`, async () => {
  for (const theme of ["light", "dark"]) {
    const page = await panel(width, width, theme);
    for (const state of ["list", "call"]) {
      if (state === "call") {
        await page.locator("tr[data-call-id]").first().click();
        await page.locator("li.cb-turn").first().waitFor();
      }
      assert.deepEqual(await seriousViolations(page), [], `${theme} theme, ${state}`);
    }
    await page.context().close();
  }
});

test("in a phone-wide panel the call's heading runs under the way back, across the panel, a number on one line", async () => {
  // Bland's calls have no customer names: the heading is the number.
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/narrow.html?width=360&provider=bland`);
  await page.locator("tr[data-call-id]").nth(2).click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  const heading = await page.locator(".cb-detail__header").evaluate((header) => {
    const title = header.querySelector(".cb-detail__title");
    const text = document.createTreeWalker(title, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.selectNodeContents(text);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    const box = (e) => e.getBoundingClientRect();
    return {
      text: text.data,
      lines: tops.size,
      width: Math.round(box(title).width),
      header: Math.round(box(header.closest(".cb-detail")).width),
      below: box(title).top >= box(header.querySelector(".cb-back")).bottom,
    };
  });
  assert.match(heading.text, /^\+1 \(\d{3}\) \d{3}-\d{4}$/, `the heading is a number: ${heading.text}`);
  assert.ok(heading.below, "the heading is under the way back");
  assert.ok(heading.width > heading.header * 0.8, `the heading runs across the panel (${heading.width} of ${heading.header} px)`);
  assert.equal(heading.lines, 1, `"${heading.text}" on one line (it broke at its hyphen beside the way back)`);
  await context.close();
});

/**
 * What sticks out sideways: the page or the panel scrolling, and any
 * visible part of the widget whose box leaves the widget's.
 */
function sideways(page) {
  return page.evaluate(() => {
    const host = document.querySelector("call-board");
    const edge = host.getBoundingClientRect();
    const out = [];
    for (const el of [document.documentElement, document.getElementById("panel")]) {
      if (el.scrollWidth > el.clientWidth) out.push(`${el.id || el.tagName} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth} px`);
    }
    // Visually hidden on purpose (for screen readers): clipped to nothing.
    const hidden = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.clipPath !== "none" || s.clip !== "auto") return true;
      }
      return false;
    };
    for (const el of host.shadowRoot.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === "hidden" || hidden(el)) continue;
      // (A closed menu's content keeps a layout box, unseen.)
      const closed = el.closest("details:not([open])");
      if (closed && !el.closest("summary")) continue;
      const label = el.getAttribute("aria-label") ?? el.closest("label")?.querySelector(".cb-field__label")?.textContent ?? "";
      const name = `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")}${label ? ` "${label}"` : ""}${el.closest("details[open]") ? " (in an open menu)" : ""}`;
      if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5) {
        out.push(`${name} spans ${Math.round(r.left)}–${Math.round(r.right)} px, the widget ${Math.round(edge.left)}–${Math.round(edge.right)}`);
      }
      if (style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== "ellipsis") {
        out.push(`${name} scrolls or clips sideways: ${el.scrollWidth} > ${el.clientWidth} px`);
      }
    }
    return out;
  });
}

/** Each state a rep meets, in turn, at `width` px; what sticks out in each. */
async function everyState(width, theme) {
  const page = await panel(width, width < 800 ? width : 1280, theme);
  const found = {};
  const look = async (state) => {
    const out = await sideways(page);
    if (out.length) found[state] = out;
  };
  await look("list");
  // Narrow, the filters are folded behind one button.
  const fold = page.getByRole("button", { name: /^Filters/ });
  if (await fold.isVisible()) await fold.click();
  await page.locator("summary", { hasText: "More filters" }).click();
  await page.locator("details[open]").waitFor();
  await look("every filter shown");
  // The export of all pages, slowed so its progress stays on screen.
  await page.route(/\/agentvoice\/api\/calls\?/, async (route) => {
    if (new URL(route.request().url()).searchParams.get("limit") !== "25") await new Promise((r) => setTimeout(r, 300));
    // (Cancel aborts the request being held: it is no longer there to continue.)
    await route.continue().catch(() => {});
  });
  await page.getByText("Export", { exact: true }).click();
  await look("the export menu");
  await page.getByRole("button", { name: /All pages as CSV/ }).click();
  await page.getByText(/Exporting…/).waitFor();
  await look("export progress");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByText(/Exporting…/).waitFor({ state: "hidden" });
  await page.unroute(/\/agentvoice\/api\/calls\?/);
  const columns = page.getByRole("button", { name: "Columns" });
  if (await columns.isVisible()) {
    await columns.click();
    await page.getByRole("checkbox").first().waitFor();
    await look("column chooser");
    await page.keyboard.press("Escape");
  }
  // A failed page: the notice with its retry, the filters kept.
  await page.route(/\/agentvoice\/api\/calls\?/, (route) =>
    route.fulfill({ status: 503, contentType: "application/json", body: '{"error": "upstream unavailable"}' }),
  );
  await page.getByRole("button", { name: "Next ›" }).click();
  await page.getByRole("button", { name: "Retry" }).waitFor();
  await look("an error");
  await page.unroute(/\/agentvoice\/api\/calls\?/);
  await page.getByRole("button", { name: "Retry" }).click();
  await page.locator("tr[data-call-id]").first().waitFor();
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  await look("an open call");
  // The call's own menus: the transcript's formats and the shortcut help.
  const formats = page.locator(".cb-transcript .cb-download > summary");
  await formats.click();
  await look("the transcript's download menu");
  await formats.click();
  await page.locator(".cb-shortcuts > summary").click();
  await look("the shortcut help");
  await page.context().close();
  return found;
}

// 1,000 px: a full widget whose list, beside an open call, is narrow.
for (const width of [320, 480, 700, 1000]) {
  test(`at ${width} px nothing scrolls sideways or sticks out, in every state, in both themes`, async () => {
    for (const theme of ["light", "dark"]) {
      assert.deepEqual(await everyState(width, theme), {}, `${theme} theme at ${width} px`);
    }
  });
}

for (const width of [320, 360, 480]) {
  test(`at ${width} x 640 the calls come first: the filters fold behind one button, the first call within 120 px of the widget's top`, async () => {
    const page = await panel(width, width);
    await page.setViewportSize({ width, height: 640 });
    const fold = page.getByRole("button", { name: /^Filters/ });
    assert.equal(await fold.getAttribute("aria-expanded"), "false");
    assert.equal(await page.getByRole("combobox", { name: "Status" }).isVisible(), false, "the controls are folded");
    const offset = () =>
      page.evaluate(() => {
        const host = document.querySelector("call-board");
        const row = host.shadowRoot.querySelector("tr[data-call-id]");
        return Math.round(row.getBoundingClientRect().top - host.getBoundingClientRect().top);
      });
    const first = await offset();
    assert.ok(first <= 120, `the first call starts ${first} px down`);
    // Unfolded, the controls come under the button, inside the widget.
    await fold.click();
    assert.equal(await fold.getAttribute("aria-expanded"), "true");
    await page.getByRole("combobox", { name: "Status" }).waitFor();
    assert.deepEqual(await sideways(page), [], "nothing sticks out unfolded");
    assert.ok((await offset()) > first + 100, "the list moves down under them");
    await page.context().close();
  });
}

test("the folded filters: reachable by keyboard, their state and count announced, the active ones as chips", async () => {
  const page = await panel(360, 360);
  // From the page into the widget: the first stop is the fold's button.
  await page.locator("call-board").evaluate((host) => host.shadowRoot.querySelector(".cb-filters__toggle").focus());
  const fold = page.getByRole("button", { name: /^Filters/ });
  assert.equal(await fold.evaluate((b) => b.getRootNode().activeElement === b), true);
  assert.equal(await fold.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  assert.equal(await fold.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  const status = page.getByRole("combobox", { name: "Status" });
  assert.equal(await status.evaluate((s) => s.getRootNode().activeElement === s), true, "Tab goes on into the controls");
  await status.selectOption({ label: "Completed" });
  await page.getByRole("button", { name: "Filters, 1 active" }).waitFor();
  await page.getByRole("combobox", { name: "Direction" }).selectOption({ label: "Outbound" });
  // Folded again: the count in the button's name, the chips in view.
  await fold.click();
  assert.equal(await fold.getAttribute("aria-expanded"), "false");
  assert.equal(await page.getByRole("button", { name: "Filters, 2 active" }).count(), 1, "the name says how many are active");
  assert.equal(await status.isVisible(), false);
  const chips = page.getByRole("list", { name: "Active filters" });
  assert.equal(await chips.isVisible(), true, "the active filters stay in view");
  await chips.getByRole("button", { name: /Remove filter Status/ }).click();
  await page.getByRole("button", { name: "Filters, 1 active" }).waitFor();
  await chips.getByRole("button", { name: /Remove filter Direction/ }).click();
  await page.getByRole("button", { name: "Filters", exact: true }).waitFor();
  assert.equal(await chips.count(), 0, "no chips once none is active");
  await page.context().close();
});

test("folded, / unfolds the filters and puts the cursor in the search box", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/narrow.html?width=360&provider=talkover`);
  await page.locator("tr[data-call-id]").first().click();
  await page.getByRole("button", { name: "‹ Calls" }).click();
  await page.locator(".cb-list").waitFor({ state: "visible" });
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search" });
  await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.activeElement?.type === "search");
  assert.equal(await search.isVisible(), true);
  assert.equal(await page.getByRole("button", { name: /^Filters/ }).getAttribute("aria-expanded"), "true");
  await context.close();
});

test("narrow, an open call takes the whole widget from its top; its bar stays in view; Escape brings the filters and the list back as they were", async () => {
  const page = await panel(360, 360);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.evaluate(() => (document.getElementById("panel").scrollTop = 700));
  const row = page.locator("tr[data-call-id]").nth(12);
  const id = await row.getAttribute("data-call-id");
  const before = await row.evaluate((r) => Math.round(r.getBoundingClientRect().top));
  await row.click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  const where = () =>
    page.evaluate(() => {
      const host = document.querySelector("call-board");
      const root = host.shadowRoot;
      const top = (sel) => Math.round(root.querySelector(sel).getBoundingClientRect().top);
      return { host: Math.round(host.getBoundingClientRect().top), bar: top(".cb-detail__bar"), title: top(".cb-detail__title"), scroll: document.getElementById("panel").scrollTop };
    });
  const open = await where();
  assert.equal(await page.locator(".cb-filters").isVisible(), false, "no filters above the call");
  assert.equal(open.bar, open.host, `the call's bar is the widget's top (bar at ${open.bar}, widget at ${open.host})`);
  assert.ok(open.bar >= 0 && open.title < 120, `the call starts in view, its name ${open.title} px down`);
  // The bar stays in view while the call scrolls under it.
  await page.evaluate(() => (document.getElementById("panel").scrollTop += 600));
  const scrolled = await where();
  assert.ok(scrolled.scroll > open.scroll, "the call scrolled");
  assert.equal(scrolled.bar, 0, "the bar stays at the top of the panel");
  await page.getByRole("button", { name: "‹ Calls" }).waitFor();
  // Escape: back to the list, the row where it was, focused.
  await page.keyboard.press("Escape");
  await page.locator(".cb-list").waitFor({ state: "visible" });
  assert.equal(await page.getByRole("button", { name: /^Filters/ }).isVisible(), true, "the filters are back");
  await page.waitForFunction((id) => document.querySelector("call-board").shadowRoot.activeElement?.dataset.callId === id, id);
  const after = await row.evaluate((r) => Math.round(r.getBoundingClientRect().top));
  assert.ok(Math.abs(after - before) <= 2, `the row is back where it was (${before} px, now ${after} px)`);
  await page.context().close();
});

for (const width of [320, 360, 400, 480, 640]) {
  test(`at ${width} px the player's controls are one line, the time and speed under them`, async () => {
    const page = await panel(width, width);
    await page.locator("tr[data-call-id]").first().click();
    await page.locator(".cb-player[data-state]").waitFor();
    const boxes = await page.locator(".cb-player").evaluate((player) => {
      const mid = (el) => {
        const r = el.getBoundingClientRect();
        return { mid: Math.round(r.top + r.height / 2), top: Math.round(r.top), bottom: Math.round(r.bottom), width: Math.round(r.width) };
      };
      const q = (sel) => mid(player.querySelector(sel));
      return {
        play: q(".cb-play"),
        back: q("[data-skip=back]"),
        seek: q(".cb-seek"),
        forward: q("[data-skip=forward]"),
        time: q(".cb-player__time"),
        speed: q(".cb-player__speed"),
      };
    });
    const line = [boxes.play, boxes.back, boxes.seek, boxes.forward].map((b) => b.mid);
    assert.ok(Math.max(...line) - Math.min(...line) <= 2, `play, back, the slider and forward on one line: ${JSON.stringify(boxes)}`);
    assert.ok(boxes.seek.width >= 60, `the slider is usable (${boxes.seek.width} px)`);
    assert.ok(boxes.time.top >= boxes.play.bottom, "the time under them");
    assert.ok(Math.abs(boxes.time.mid - boxes.speed.mid) <= 2, "the time and the speed on one line");
    await page.context().close();
  });
}
