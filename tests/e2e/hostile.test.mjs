// Hostile provider data through the real adapters and UI: markup and script
// in every text field, unsafe URL schemes, wrong types, duplicate ids,
// absurd numbers, right-to-left text, emoji and combining marks, and a
// 10,000-turn transcript with a 1 MB turn. Nothing executes, nothing
// panics, the layout holds.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, fault, clearFaults, useBrowser } from "./helpers.mjs";

const EVIL = `<img src=x onerror="window.__pwned='img'">`;
const SCRIPT = `<script>window.__pwned='script'</script>`;
const RTL = "مرحبا بالعالم שלום";
const EMOJI = "👩🏽‍💻📞🎉";
const ZALGO = "Z̷̢̛͓̝̫͖̮̿̈́͒͝a̶̛̹̰͙̐l̴̡̹̪͂g̶̡̬̅o̷̧̜̾";

const LIST = {
  data: [
    {
      id: "hostile-1", agent_name: EVIL, contact_first_name: SCRIPT, contact_last_name: RTL, phone_number: EMOJI,
      call_type: "outbound", status: "completed", call_duration: 65, started_at: "2026-11-20T10:00:00Z",
      recording_url: "javascript:window.__pwned='audio'", ended_reason: EVIL, campaign_name: ZALGO, contact_email: SCRIPT,
    },
    { id: "hostile-2", agent_name: ["not", "a", "string"], status: 12, call_type: { x: 1 }, call_duration: -5, started_at: "9999-99-99" },
    { id: "hostile-3", call_duration: "NaN", started_at: -1, recording_url: "data:text/html,<script>alert(1)</script>", agent_name: RTL },
    { id: "hostile-4", call_duration: 1e12, started_at: 1e20, recording_url: " vbscript:msgbox(1)", agent_name: ZALGO },
    { id: "hostile-1", agent_name: "a duplicate" },
    { no_id: true },
    42,
    null,
  ],
  pagination: { total: 4, limit: 10, offset: 0, has_more: false },
};

function detail() {
  const turns = [];
  for (let i = 0; i < 10_000; i++) {
    turns.push({ speaker: i % 2 ? "Customer" : "Agent", text: i === 3 ? "x".repeat(1_000_000) : i % 7 ? `turn ${i} ${RTL}` : EVIL, start: i * 2, end: i * 2 + 1.5 });
  }
  return {
    ...LIST.data[0],
    call_description: SCRIPT + " summary",
    post_call_analysis: { sentiment: EVIL },
    custom_analysis: { [EVIL]: SCRIPT, link: "javascript:alert(1)" },
    notes: [EVIL, { text: SCRIPT }],
    transcript_formatted: turns,
  };
}

const browser = useBrowser();
after(async () => {
  await clearFaults();
});

test("hostile data renders as text, never as markup or a link", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await fault({ path: "/agentvoice/api/calls", kind: "replace", body: LIST, times: 1 });
  await fault({ path: "/agentvoice/api/calls/hostile-1", kind: "replace", body: detail(), times: 1 });
  await page.goto(`${BASE}/pages/widget.html`);
  await page.locator("tr[data-call-id]").nth(3).waitFor();
  assert.deepEqual(
    await page.locator("tr[data-call-id]").evaluateAll((r) => r.map((x) => x.dataset.callId)),
    ["hostile-1", "hostile-2", "hostile-3", "hostile-4"],
  );
  assert.match(await page.locator(".cb-note").innerText(), /4 calls on this page could not be read/);
  const row = await page.locator('tr[data-call-id="hostile-1"]').innerText();
  assert.ok(row.includes("<img src=x") && row.includes(RTL), row);

  await page.locator('tr[data-call-id="hostile-1"]').click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor({ timeout: 30_000 });
  await page.locator("li.cb-turn").nth(9_999).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator("li.cb-turn").count(), 10_000);
  const longest = await page.locator("li.cb-turn").nth(3).evaluate((li) => li.textContent.length);
  assert.ok(longest > 1_000_000, `the 1 MB turn is shown (${longest})`);

  const report = await page.evaluate(() => {
    const root = document.querySelector("call-board").shadowRoot;
    const unsafe = [...root.querySelectorAll("[src], [href]")]
      .flatMap((el) => ["src", "href"].map((a) => el.getAttribute(a)).filter(Boolean))
      .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v));
    return {
      markup: root.querySelectorAll("img, script, iframe, object, embed").length,
      unsafe,
      pwned: window.__pwned ?? null,
      failed: root.querySelectorAll(".cb-failed").length,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      detailWidth: root.querySelector(".cb-detail").getBoundingClientRect().width,
    };
  });
  assert.deepEqual(
    { markup: report.markup, unsafe: report.unsafe, pwned: report.pwned, failed: report.failed },
    { markup: 0, unsafe: [], pwned: null, failed: 0 },
  );
  assert.ok(report.pageOverflow <= 0, `the widget does not widen the page (${report.pageOverflow}px)`);
  assert.ok(report.detailWidth <= 460, `the detail keeps its width (${report.detailWidth}px)`);
  assert.deepEqual(dialogs, []);
  assert.match(await page.locator(".cb-detail").innerText(), /<script>window.__pwned='script'<\/script> summary/);
  assert.match(await page.locator(".cb-player").innerText(), /No recording is available/);
  await page.close();
});

test("a hostile error message is shown as text", async () => {
  const page = await browser.newPage();
  await fault({ path: "/smallest/", kind: "replace", status: 500, body: { status: false, errors: [EVIL, SCRIPT] }, times: 1 });
  await page.goto(`${BASE}/pages/widget.html?provider=smallest`);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.ok((await alert.innerText()).includes(`${EVIL}; ${SCRIPT}`));
  const markup = await page.evaluate(() => document.querySelector("call-board").shadowRoot.querySelectorAll("img, script").length);
  assert.equal(markup, 0);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  await page.close();
});
