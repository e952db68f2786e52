// Calls as they happen, in the browser: the dev server places a call and
// each provider that sends webhooks (Retell, Vapi, ElevenLabs, Bland) posts
// them, signed, to the dev server's own relay; the widget hears them on
// `{proxy-url}/events`. A row appears without a reload, an open call
// updates in place, what the reader looks at does not move; elsewhere the
// new calls are counted. A stream that drops is resumed with
// `Last-Event-ID`; with no stream the widget polls, and a hidden page asks
// for nothing. This spec runs its own dev server (placed calls change the
// data set the other specs read).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { launch } from "./helpers.mjs";

let base;
let server;
let browser;

before(async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  server = spawn("./target/debug/callboard-server", ["serve", "--port", String(port), "--calls", "300", "--static", "out/e2e"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** Places a call with the demo's contact, `speed` times faster than real time. */
async function place(speed = 25) {
  const r = await fetch(`${base}/_control/calls`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ speed, name: "Ada Lovelace", phoneNumber: "+14155550100", contactId: "contact-ada" }),
  });
  assert.equal(r.status, 201);
}

/** The id `provider` gives the newest call (the one placed last). */
async function newest(provider) {
  return (await (await fetch(`${base}/_control/ids?provider=${provider}&limit=1`)).json()).ids[0];
}

/** Waits for the row of call `id` to be the first. */
async function firstRow(page, id, timeout = 5_000) {
  await page.waitForFunction((id) => document.querySelector("call-board").shadowRoot.querySelector("tr[data-call-id]")?.dataset.callId === id, id, { timeout });
}

/** A widget for `provider` (extra attributes in `attrs`), its `callboard-live` states and errors recorded. */
async function widget(provider, attrs = {}, { width = 1100, init } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  if (init) await page.addInitScript(init);
  await page.goto(`${base}/pages/widget.html`);
  await page.evaluate(
    ({ provider, attrs }) => {
      const board = document.getElementById("board");
      window.liveStates = [];
      window.liveErrors = [];
      board.addEventListener("callboard-live", (e) => window.liveStates.push(e.detail.state));
      board.addEventListener("callboard-error", (e) => window.liveErrors.push(`${e.detail.during}: ${e.detail.message}`));
      for (const [k, v] of Object.entries(attrs)) board.setAttribute(k, v);
      board.setAttribute("provider", provider);
      board.setAttribute("proxy-url", `/${provider}`);
    },
    { provider, attrs },
  );
  await page.locator("tr[data-call-id]").nth(5).waitFor();
  return page;
}

const shadow = (page, fn, arg) => page.evaluate(({ fn, arg }) => new Function("root", "arg", `return (${fn})(root, arg)`)(document.querySelector("call-board").shadowRoot, arg), { fn: fn.toString(), arg });

async function liveState(page, state, timeout = 10_000) {
  await page.waitForFunction((s) => window.liveStates.at(-1) === s, state, { timeout });
}

for (const provider of ["retell", "vapi", "elevenlabs", "bland"]) {
  test(`${provider}: the provider's webhook reaches an open call, which updates in place`, async () => {
    const page = await widget(provider);
    await liveState(page, "connected");
    assert.equal(await page.locator(".cb-live").getAttribute("data-state"), "connected");
    await place(25);
    const id = await newest(provider);
    // The call in progress: Retell and Vapi tell it as it starts; the list
    // shows it to the others on asking again.
    const first = page.locator(`tr[data-call-id="${id}"]`);
    for (let i = 0; i < 40 && !(await first.count()); i++) {
      if (!["retell", "vapi"].includes(provider)) {
        await page.evaluate(() => document.getElementById("board").refresh());
        await page.locator("tbody[data-state=idle]").waitFor();
      }
      await page.waitForTimeout(100);
    }
    await first.click();
    await page.locator(".cb-detail__body[data-state=ready]").waitFor();
    const openedAt = Date.now();
    // Told by the webhook, not fetched: the summary and the recording come in place.
    await page.locator(".cb-detail .cb-summary").waitFor({ timeout: 20_000 });
    await page.locator(".cb-detail audio").waitFor({ state: "attached", timeout: 5_000 });
    assert.ok(Date.now() - openedAt < 20_000);
    assert.match(await page.locator(".cb-detail__heading .cb-secondary").innerText(), /·/);
    assert.deepEqual(await page.evaluate(() => window.liveErrors), []);
    await page.close();
  });
}

test("retell: a call appears on the first page as it starts, runs with a running duration (in its row and, opened, its heading), and ends in place", async () => {
  const page = await widget("retell");
  await liveState(page, "connected");
  const before = await page.locator("tr[data-call-id]").count();
  await place(6);
  const first = page.locator("tr[data-call-id]").first();
  await firstRow(page, await newest("retell"));
  assert.equal(await page.locator("tr[data-call-id]").count(), before + 1, "it joins the page, nothing leaves it");
  assert.match(await first.locator(".cb-badge").innerText(), /Ongoing/);
  const d1 = await first.locator(".cb-td--duration").innerText();
  await page.waitForTimeout(2_100);
  const d2 = await first.locator(".cb-td--duration").innerText();
  assert.notEqual(d1, d2, `the duration runs (${d1} then ${d2})`);
  // Opened, its heading runs too, and stops when the call ends.
  await first.click();
  const running = page.locator(".cb-detail__heading [data-running-since]");
  await running.waitFor();
  const h1 = await running.innerText();
  await page.waitForTimeout(2_100);
  const h2 = await running.innerText();
  assert.notEqual(h1, h2, `the heading's duration runs (${h1} then ${h2})`);
  assert.match(h2, /^\d+:\d\d$/);
  await page.waitForFunction(() => /Ended/.test(document.querySelector("call-board").shadowRoot.querySelector("tr[data-call-id] .cb-badge").innerText), null, { timeout: 30_000 });
  await running.waitFor({ state: "detached", timeout: 5_000 });
  assert.match(await page.locator(".cb-detail__heading .cb-secondary").innerText(), /\d:\d\d · Ended/);
  await page.close();
});

test("a new call does not move what the reader is looking at, nor the focus", async () => {
  const page = await widget("retell", { "page-size": "25" }, { width: 1100 });
  await liveState(page, "connected");
  // Scrolled into the list, a row focused.
  const row = page.locator("tr[data-call-id]").nth(10);
  await row.focus();
  await page.evaluate(() => window.scrollBy(0, 300));
  const id = await row.getAttribute("data-call-id");
  const top = await row.evaluate((r) => r.getBoundingClientRect().top);
  await place(25);
  const placed = await newest("retell");
  await page.locator(`tr[data-call-id="${placed}"]`).waitFor({ state: "attached", timeout: 5_000 });
  await page.waitForTimeout(200);
  const same = page.locator(`tr[data-call-id="${id}"]`);
  const after = await same.evaluate((r) => r.getBoundingClientRect().top);
  assert.ok(Math.abs(after - top) <= 1, `the row stayed where it was (${top} -> ${after})`);
  assert.equal(await page.evaluate(() => document.querySelector("call-board").shadowRoot.activeElement?.getAttribute("data-call-id")), id, "the focus stayed on its row");
  await page.close();
});

test("on another page the new calls are counted, and the count leads to them", async () => {
  const page = await widget("retell");
  await liveState(page, "connected");
  await page.getByRole("button", { name: "Next ›" }).click();
  await page.locator(".cb-pager__range").filter({ hasText: /^11–/ }).waitFor();
  await place(25);
  const count = page.getByRole("button", { name: /↑ 1 new call$/ });
  await count.waitFor({ timeout: 5_000 });
  await count.click();
  await page.locator(".cb-pager__range").filter({ hasText: /^1–/ }).waitFor();
  await firstRow(page, await newest("retell"));
  assert.equal(await count.count(), 0, "the count is gone once they are shown");
  await page.close();
});

test("with no event stream the widget polls the first page, and a hidden page asks for nothing", async () => {
  // AgentVoice sends no webhooks: its /events is not there.
  const page = await widget("agentvoice", { "poll-seconds": "5" });
  await liveState(page, "polling");
  const lists = [];
  page.on("request", (r) => new URL(r.url()).pathname === "/agentvoice/api/calls" && lists.push(Date.now()));
  await place(25);
  await firstRow(page, await newest("agentvoice"), 15_000);
  assert.ok(lists.length >= 1 && lists.length <= 3, `polled ${lists.length} times`);
  await page.close();

  const hidden = await widget("agentvoice", { "poll-seconds": "5" }, {
    init: () => {
      Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
      Object.defineProperty(document, "hidden", { get: () => true });
    },
  });
  await liveState(hidden, "polling");
  const asked = [];
  hidden.on("request", (r) => r.url().includes("/agentvoice/") && asked.push(r.url()));
  await hidden.waitForTimeout(12_000);
  assert.deepEqual(asked, [], "nothing while the page is hidden");
  await hidden.close();
});

test("live=off sends nothing extra", async () => {
  const page = await browser.newPage();
  const sent = [];
  page.on("request", (r) => /\/(events|api\/calls)/.test(new URL(r.url()).pathname) && sent.push(new URL(r.url()).pathname));
  await page.goto(`${base}/pages/blank.html`);
  await page.evaluate(() => {
    document.getElementById("host").innerHTML = `<call-board live="off" poll-seconds="5" proxy-url="/agentvoice" provider="agentvoice"></call-board>`;
  });
  await page.locator("tr[data-call-id]").nth(5).waitFor();
  await page.waitForTimeout(7_000);
  assert.deepEqual(sent, ["/agentvoice/api/calls"], "the first page only");
  assert.equal(await page.locator(".cb-live").count(), 0, "no dot");
  await page.close();
});

test("a dropped stream is resumed with Last-Event-ID: what was missed comes once, in order", async () => {
  // An event stream of our own (any proxy may offer one): it sends two
  // events, drops the connection, and answers the reconnection from the
  // id it is sent.
  const seen = [];
  const call = (n, status) => ({ provider: "retell", type: "call_ended", call: { call_id: `sse-${n}`, call_status: status, start_timestamp: Date.now() + n * 1000, from_number: "+14155550100", to_number: "+14155550199", direction: "outbound", call_analysis: { call_summary: `Summary ${n}` } } });
  const sse = createServer((req, res) => {
    const cors = { "access-control-allow-origin": base, "access-control-allow-headers": "last-event-id" };
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    const last = req.headers["last-event-id"] ?? "";
    seen.push(last);
    res.writeHead(200, { ...cors, "content-type": "text/event-stream", "cache-control": "no-store" });
    res.write("retry: 500\n\n");
    const from = last ? Number(last) + 1 : 1;
    const upTo = last ? 4 : 2;
    for (let n = from; n <= upTo; n++) res.write(`id: ${n}\nevent: call\ndata: ${JSON.stringify(call(n, "ended"))}\n\n`);
    if (!last) setTimeout(() => res.destroy(), 300);
  });
  await new Promise((r) => sse.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${sse.address().port}/events`;
  const page = await widget("retell", { "events-url": url });
  await page.waitForFunction(() => {
    const ids = [...document.querySelector("call-board").shadowRoot.querySelectorAll("tr[data-call-id]")].map((r) => r.dataset.callId);
    return ["sse-4", "sse-3", "sse-2", "sse-1"].every((id, i) => ids[i] === id);
  }, null, { timeout: 10_000 });
  assert.deepEqual(seen.slice(0, 2), ["", "2"], "reconnected from the last id");
  const ids = await page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((r) => r.dataset.callId).filter((id) => id.startsWith("sse-")));
  assert.deepEqual(ids, ["sse-4", "sse-3", "sse-2", "sse-1"], "each once");
  await page.close();
  sse.close();
});

test("an event no adapter can read is reported, and the stream goes on", async () => {
  const sse = createServer((req, res) => {
    res.writeHead(200, { "access-control-allow-origin": base, "content-type": "text/event-stream" });
    res.write(`id: 1\nevent: call\ndata: {"provider":"retell","type":"call_ended","call":[1,2]}\n\n`);
    res.write(`id: 2\nevent: call\ndata: not json\n\n`);
    res.write(`id: 3\nevent: call\ndata: ${JSON.stringify({ provider: "retell", type: "call_started", call: { call_id: "sse-ok", call_status: "ongoing", start_timestamp: Date.now() } })}\n\n`);
  });
  await new Promise((r) => sse.listen(0, "127.0.0.1", r));
  const page = await widget("retell", { "events-url": `http://127.0.0.1:${sse.address().port}/events` });
  await page.locator('tr[data-call-id="sse-ok"]').waitFor({ timeout: 10_000 });
  const errors = await page.evaluate(() => window.liveErrors);
  assert.equal(errors.length, 2, errors.join("; "));
  assert.ok(errors.every((e) => e.startsWith("live: ")), errors.join("; "));
  await page.close();
  sse.close();
});

test("two proxy replicas on Redis: a webhook posted to one is seen through the other, and a replica restarted mid-stream is resumed from Last-Event-ID", async () => {
  const { createHmac } = await import("node:crypto");
  const free = () => 20000 + Math.floor(Math.random() * 20000);
  const redisPort = free();
  const redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const key = "key_live_spec_0b9e";
  const env = { ...process.env, RETELL_API_KEY: key };
  const replica = (port) =>
    spawn("./target/debug/callboard-server", ["proxy", "--provider", "retell", "--upstream", `${base}/retell`, "--port", String(port), "--events", `redis://127.0.0.1:${redisPort}/0`, "--allow-origin", base], { env, stdio: ["ignore", "ignore", "inherit"] });
  const up = async (port) => {
    for (let i = 0; i < 100; i++) {
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`replica on ${port} did not start`);
  };
  const [portA, portB] = [free(), free()];
  let a = replica(portA);
  const b = replica(portB);
  try {
    await up(portA);
    await up(portB);
    // Signed as Retell signs: HMAC-SHA256 of the body and the timestamp.
    const post = async (port, id) => {
      const body = JSON.stringify({ event: "call_started", call: { call_id: id, call_status: "ongoing", start_timestamp: Date.now(), from_number: "+14155550100", to_number: "+14155550199", direction: "outbound" } });
      const at = String(Date.now());
      const digest = createHmac("sha256", key).update(body + at).digest("hex");
      const r = await fetch(`http://127.0.0.1:${port}/webhooks/retell`, { method: "POST", headers: { "content-type": "application/json", "x-retell-signature": `v=${at},d=${digest}` }, body });
      assert.equal(r.status, 200, await r.text());
    };
    const page = await widget("retell");
    // The widget's proxy is replica A; the webhooks go to replica B.
    await page.evaluate((url) => document.getElementById("board").setAttribute("proxy-url", url), `http://127.0.0.1:${portA}`);
    await page.locator("tr[data-call-id]").nth(5).waitFor();
    await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector(".cb-live[data-state=connected]"));
    await post(portB, "replica-1");
    await page.locator('tr[data-call-id="replica-1"]').waitFor({ timeout: 5_000 });

    // Replica A goes away mid-stream; a call comes while it is down; it
    // comes back on the same address and the widget resumes from its last id.
    a.kill();
    await new Promise((r) => a.once("exit", r));
    await post(portB, "replica-2");
    a = replica(portA);
    await up(portA);
    await page.locator('tr[data-call-id="replica-2"]').waitFor({ timeout: 15_000 });
    const ids = await page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((r) => r.dataset.callId).filter((id) => id.startsWith("replica-")));
    assert.deepEqual(ids, ["replica-2", "replica-1"], "each once, the newest first");
    await page.close();
  } finally {
    a.kill();
    b.kill();
    redis.kill();
  }
});
