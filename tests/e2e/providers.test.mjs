// Each of the nine providers through the dev server, as a user meets it:
// rows from the data set, the next page, one filter (the request carries the
// native parameter), a call's detail and transcript, playback that advances,
// a turn click that seeks, and an injected error with a working retry.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, PROVIDERS, fault, clearFaults, expected, rowIds, useBrowser } from "./helpers.mjs";

/** How each provider's filter shows up on the wire. */
const FILTER = {
  agentvoice: { control: "status", wire: "status=" },
  vozagent: { control: "status", wire: "status=" },
  talkover: { control: "status", wire: "status=" },
  zudu: { control: "status", wire: '"call_status":[' },
  smallest: { control: "status", wire: "statusFilter=" },
  retell: { control: "status", wire: '"call_status":{"op":"in","type":"enum","value":[' },
  vapi: { control: "from", wire: "createdAtGe=" },
  elevenlabs: { control: "from", wire: "call_start_after_unix=" },
  bland: { control: "status", wire: "completed=true" },
};

const browser = useBrowser();
after(async () => {
  await clearFaults();
});

for (const provider of PROVIDERS) {
  test(`${provider}: list, page, filter, detail, playback, seek, error and retry`, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests = [];
    page.on("request", (r) => {
      if (r.url().includes(`/${provider}/`)) requests.push({ url: r.url(), body: r.postData() ?? "" });
    });
    const want = await expected(provider, 30);
    await page.goto(`${BASE}/pages/widget.html?provider=${provider}`);

    // Rows match the data set.
    await page.locator("tr[data-call-id]").nth(9).waitFor();
    assert.deepEqual(await rowIds(page), want.ids.slice(0, 10));

    // The next page.
    await page.getByRole("button", { name: "Next ›" }).click();
    await page.waitForFunction((id) => {
      const el = document.querySelector("call-board");
      return el?.shadowRoot?.querySelector(`tr[data-call-id="${id}"]`);
    }, want.ids[10]);
    assert.deepEqual(await rowIds(page), want.ids.slice(10, 20));
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await page.locator(`tr[data-call-id="${want.ids[0]}"]`).waitFor();

    // One filter: the request carries the provider's native parameter.
    const f = FILTER[provider];
    const before = requests.length;
    if (f.control === "status") {
      await page.getByLabel("Status").selectOption({ index: 1 });
    } else {
      await page.getByLabel("From").fill("2026-10-01");
    }
    await page.waitForFunction(() => true);
    const deadline = Date.now() + 5_000;
    while (!requests.slice(before).some((r) => r.url.includes(f.wire) || r.body.includes(f.wire))) {
      if (Date.now() > deadline) assert.fail(`no request with ${f.wire}: ${JSON.stringify(requests.slice(before))}`);
      await page.waitForTimeout(50);
    }
    await page.getByRole("button", { name: "Clear all" }).click();
    await page.locator(`tr[data-call-id="${want.ids[0]}"]`).waitFor();

    // Open a call: the detail and its transcript.
    await page.locator(`tr[data-call-id="${want.ids[0]}"]`).click();
    const detail = page.locator(".cb-detail__body[data-state=ready]");
    await detail.waitFor();
    if (provider === "talkover") {
      await page.getByText("Talkover does not provide call transcripts.").waitFor();
      await page.getByText("Talkover does not provide call recordings.").waitFor();
    } else {
      const turns = page.locator("li.cb-turn");
      await turns.nth(2).waitFor();
      assert.ok((await turns.count()) >= 3, "the transcript has turns");

      // Play: the audio's time advances.
      await page.getByRole("button", { name: "Play", exact: true }).click();
      await page.waitForFunction(() => {
        const audio = document.querySelector("call-board").shadowRoot.querySelector("audio");
        return audio && audio.currentTime > 0.5;
      }, null, { timeout: 15_000 });
      const events = await page.evaluate(() => window.__events.map((e) => e.type));
      assert.ok(events.includes("callboard-playback-start"), `events: ${events}`);
      await page.getByRole("button", { name: "Pause", exact: true }).click();

      // A timed turn seeks the player (VozAgent's transcript has no timings).
      if (provider !== "vozagent") {
        const third = page.locator("li.cb-turn").nth(2).locator("button");
        const label = await third.locator(".cb-turn__time").textContent();
        const [, m, s] = label.match(/(\d+):(\d+)/);
        await third.click();
        await page.waitForFunction((t) => {
          const audio = document.querySelector("call-board").shadowRoot.querySelector("audio");
          return Math.abs(audio.currentTime - t) < 1.01;
        }, Number(m) * 60 + Number(s));
      }
    }
    await page.keyboard.press("Escape");
    await page.locator(".cb-detail").waitFor({ state: "detached" });

    // Page 2 again comes from the cache (no request).
    const sent = requests.length;
    await page.getByRole("button", { name: "Next ›" }).click();
    await page.locator(`tr[data-call-id="${want.ids[10]}"]`).waitFor();
    assert.equal(requests.length, sent, "going back to a page seen is served from the cache");

    // An injected error shows the provider's message; retry recovers and
    // the page asked for is kept.
    await fault({ path: `/${provider}/`, kind: "status", status: 500, times: 1 });
    await page.getByRole("button", { name: "Next ›" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /Internal server error/);
    assert.ok((await page.evaluate(() => window.__events.filter((e) => e.type === "callboard-error").length)) >= 1);
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.locator(`tr[data-call-id="${want.ids[20]}"]`).waitFor();
    assert.equal(await page.getByRole("alert").count(), 0);
    await page.close();
  });
}
