// callboard's benchmark: drives the script-tag widget (dist/) in headless
// Chromium against the dev server and reports size, time, request and
// memory figures as a table and as JSON (out/bench.json).
//
// Times come from the widget's own User Timing points (src/net/perf.rs), read
// through a PerformanceObserver on bench/index.html. Every time figure is a
// median over BENCH_RUNS runs (default 20), each in a fresh browser context
// (empty HTTP cache, fresh wasm instance).
//
//   BENCH_BASE=http://127.0.0.1:8795 BENCH_RUNS=20 node scripts/bench.mjs
//   BENCH_ONLY=hundred,cold ...   just those scenarios, raw medians as JSON

import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { launch } from "../tests/e2e/helpers.mjs";
import { sizes } from "./sizes.mjs";
import { sideBySide, bytesAfterOpen, peerServed, SUBJECTS } from "./bench-peer.mjs";
import { profileCold, profileFlips } from "./bench-profile.mjs";

const BASE = process.env.BENCH_BASE ?? "http://127.0.0.1:8795";
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 20));
const DIST = process.env.BENCH_DIST ?? "dist";
const OUT = process.env.BENCH_OUT ?? "out/bench.json";
const SITE = process.env.BENCH_SITE ?? "out/bench-site";
const PROVIDER = "agentvoice";
const KB = 1024;

/** The budgets the project builds toward (README, "Performance"). */
const BUDGET = {
  gzipTotalBytes: 100 * KB,
  rows100Ms: 16,
  transcript3000Ms: 100,
  timeupdateMs: 1,
  memoryGrowthBytes: 2 * KB * KB,
};

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

function log(msg) {
  process.stderr.write(`bench: ${msg}\n`);
}

// ---------------------------------------------------------------- driving the page

/** A fresh context on the bench page; `api` lists the provider requests it
 * makes (the proxy's event stream, `/events`, is not one: it never reaches
 * the provider). */
async function openBoard(browser, pageSize = 25, provider = PROVIDER, { proxy = provider, rttMs = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const api = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith(`/${proxy}/`) && url.pathname !== `/${proxy}/events`) api.push(url.pathname + url.search);
  });
  // A network round trip of `rttMs` to the proxy (localhost has none).
  if (rttMs) {
    await page.route(new RegExp(`/${proxy}/`), async (route) => {
      await new Promise((r) => setTimeout(r, rttMs));
      await route.continue();
    });
  }
  await page.goto(`${BASE}/bench/?provider=${provider}&proxy=${proxy}&page-size=${pageSize}`);
  await waitEntries(page, "callboard:first-rows", 1);
  return { context, page, api };
}

async function entries(page, name) {
  return page.evaluate((n) => window.__perf.filter((e) => e.name === n), name);
}

async function waitEntries(page, name, n) {
  await page.waitForFunction(([name, n]) => window.__perf.filter((e) => e.name === name).length >= n, [name, n], {
    timeout: 60_000,
    polling: 5,
  });
}

/** Runs `action` and returns the next `name` entry the widget records. */
async function next(page, name, action) {
  const before = (await entries(page, name)).length;
  await action();
  await waitEntries(page, name, before + 1);
  return (await entries(page, name))[before];
}

/** The latest rows measure and the rendering of the frame that showed them. */
async function rowsSample(page) {
  const rows = await entries(page, "callboard:rows");
  await waitEntries(page, "callboard:rows-frame", rows.length);
  const frame = (await entries(page, "callboard:rows-frame"))[rows.length - 1];
  const script = rows[rows.length - 1].duration;
  return { script, frame: frame.duration, screen: script + frame.duration };
}

const push = (out, prefix, sample) => {
  for (const [k, v] of Object.entries(sample)) (out[`${prefix}_${k}`] ??= []).push(v);
};

/** The latest entry of `name`. */
async function last(page, name) {
  const list = await entries(page, name);
  return list[list.length - 1];
}

const nextButton = (page) => page.locator("nav.cb-pager button", { hasText: "Next" });
const prevButton = (page) => page.locator("nav.cb-pager button", { hasText: "Previous" });
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- scenarios

/** Cold start, 25-row rendering, a page flip and a sort change. */
async function coldStart(browser) {
  const out = { firstRows: [], wasm: [], flip: [], sort: [] };
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await openBoard(browser, 25);
    out.firstRows.push((await last(page, "callboard:first-rows")).start);
    out.wasm.push((await last(page, "callboard:wasm")).duration);
    push(out, "rows25", await rowsSample(page));
    out.flip.push((await next(page, "callboard:update", () => nextButton(page).click())).duration);
    push(out, "rows25", await rowsSample(page));
    const sortable = page.locator("button.cb-sort");
    out.sort.push((await next(page, "callboard:update", () => sortable.last().click())).duration);
    await context.close();
  }
  return out;
}

/**
 * Cold start with `provider="auto"` against the provider named, alternating,
 * over a proxy 100 ms away (`auto` asks every provider's list path at once:
 * it should cost at most that one round trip).
 */
async function coldAuto(browser, rttMs = 100) {
  const out = { named: [], auto: [], autoRequests: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const provider of i % 2 ? ["auto", PROVIDER] : [PROVIDER, "auto"]) {
      const { context, page, api } = await openBoard(browser, 25, provider, { proxy: PROVIDER, rttMs });
      out[provider === "auto" ? "auto" : "named"].push((await last(page, "callboard:first-rows")).start);
      if (provider === "auto") out.autoRequests.push(api.length);
      await context.close();
    }
  }
  return { rttMs, ...out };
}

/** 100-row pages: the first load, and page flips once the page has settled. */
async function hundredRows(browser) {
  const out = {};
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await openBoard(browser, 100);
    push(out, "first", await rowsSample(page));
    // Two flips to settle (the first frames after load also lay out and
    // paint what loading left), then three measured.
    for (let k = 0; k < 5; k++) {
      await next(page, "callboard:update", () => nextButton(page).click());
      const sample = await rowsSample(page);
      if (k >= 2) push(out, "flip", sample);
    }
    await context.close();
  }
  return out;
}

/** The longest call on the first page, and its detail as the mock serves it. */
async function longestCall() {
  const { ids } = await (await fetch(`${BASE}/_control/ids?provider=${PROVIDER}&limit=25`)).json();
  let best = null;
  for (const id of ids) {
    const detail = await (await fetch(`${BASE}/${PROVIDER}/api/calls/${id}`)).json();
    if (!best || detail.call_duration > best.call_duration) best = detail;
  }
  return best;
}

/** `detail` with its transcript replaced by `turns` turns spread over the call. */
function withTurns(detail, turns) {
  const seconds = Math.max(1, detail.call_duration ?? 60);
  const step = seconds / turns;
  const words = "thanks for calling about the renewal of your policy we can look at the options together".split(" ");
  const formatted = Array.from({ length: turns }, (_, i) => {
    const text = Array.from({ length: 8 + (i % 12) }, (_, w) => words[(i * 7 + w) % words.length]).join(" ");
    return {
      speaker: i % 2 ? "Customer" : "Agent",
      start: +(i * step).toFixed(3),
      end: +((i + 0.9) * step).toFixed(3),
      text: `${text} (${i + 1})`,
    };
  });
  return {
    ...detail,
    transcript: formatted.map((t) => `${t.speaker}: ${t.text}`).join("\n"),
    transcript_formatted: formatted,
  };
}

async function fault(body) {
  const r = await fetch(`${BASE}/_control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (r.status !== 204) throw new Error(`fault not set: ${r.status}`);
}

/**
 * Waits until the page has settled after its first rows: the call view's
 * code fetched (the idle prefetch) and the browser idle twice after it, as
 * when a reviewer looks at the list before opening a call.
 */
async function idle(page) {
  await page
    .waitForFunction(() => performance.getEntriesByType("resource").some((e) => /split_call_view/.test(e.name)), null, { timeout: 5_000 })
    .catch(() => {}); // a build without chunks
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(() => r()))));
}

/**
 * Opening a call with `turns` turns, then following playback through it:
 * at once after the first rows, or (`afterIdle`) once the page has settled.
 */
async function transcript(browser, detail, turns, afterIdle = false) {
  const body = withTurns(detail, turns);
  const out = { open: [], transcript: [], frame: [], painted: [], all: [], timeupdate: [], timeupdateP95: [] };
  for (let i = 0; i < RUNS; i++) {
    await fault({ path: `/${PROVIDER}/api/calls/${detail.id}`, kind: "replace", body, times: 1 });
    const { context, page } = await openBoard(browser, 25);
    if (afterIdle) await idle(page);
    const row = page.locator(`tr[data-call-id="${detail.id}"]`);
    const script = (await next(page, "callboard:transcript", () => row.click())).duration;
    await waitEntries(page, "callboard:transcript-frame", 1);
    const frame = (await last(page, "callboard:transcript-frame")).duration;
    out.transcript.push(script);
    out.frame.push(frame);
    out.painted.push(script + frame);
    out.open.push((await last(page, "callboard:open")).duration);
    await waitEntries(page, "callboard:transcript-all", 1);
    out.all.push((await last(page, "callboard:transcript-all")).duration);
    const shown = await page.locator("li.cb-turn").count();
    if (shown !== turns) throw new Error(`expected ${turns} turns, the widget shows ${shown}`);
    const samples = await page.evaluate(async (turns) => {
      const audio = document.querySelector("call-board").shadowRoot.querySelector("audio");
      audio.muted = true;
      if (audio.readyState < 1) await new Promise((r) => audio.addEventListener("loadedmetadata", r, { once: true }));
      await audio.play();
      const samples = [];
      const steps = 120;
      for (let k = 0; k < steps; k++) {
        // Jump through the call so the playing turn changes (and is followed) every time.
        audio.currentTime = (audio.duration * ((k * 37) % steps)) / steps;
        audio.dispatchEvent(new Event("timeupdate"));
        await new Promise((r) => setTimeout(r, 0));
        // The widget keeps the latest measure of each name in the timeline.
        const m = performance.getEntriesByName("callboard:timeupdate", "measure").at(-1);
        if (m) samples.push(m.duration);
      }
      audio.pause();
      return samples;
    }, turns);
    out.timeupdate.push(median(samples));
    out.timeupdateP95.push(percentile(samples, 95));
    await context.close();
  }
  return out;
}

/** The medians of a `transcript` scenario's runs. */
function transcriptFigures(t) {
  return {
    openMs: median(t.open),
    inDomMs: median(t.transcript),
    frameMs: median(t.frame),
    paintedMs: median(t.painted),
    allTurnsMs: median(t.all),
    timeupdateMs: median(t.timeupdate),
    timeupdateP95Ms: median(t.timeupdateP95),
  };
}

/** A transcript's "on screen" figure: the sum, then its two parts. */
function onScreen(t) {
  return `${ms(t.paintedMs)} (${ms(t.inDomMs)} + ${ms(t.frameMs)})`;
}

/** Provider requests in each scenario (deterministic; median of 3 runs). */
async function requests(browser) {
  const out = { firstLoad: [], flips: [], typing: [], openTwice: [] };
  for (let i = 0; i < 3; i++) {
    const { context, page, api } = await openBoard(browser, 25);
    await settle();
    out.firstLoad.push(api.length);

    api.length = 0;
    for (let k = 0; k < 10; k++) await next(page, "callboard:update", () => nextButton(page).click());
    for (let k = 0; k < 10; k++) await next(page, "callboard:update", () => prevButton(page).click());
    await settle();
    out.flips.push(api.length);

    api.length = 0;
    for (let round = 0; round < 2; round++) {
      for (let r = 0; r < 5; r++) {
        await page.locator("tr[data-call-id]").nth(r).click();
        await page.locator(".cb-detail__body[data-state=ready]").waitFor();
        await page.locator("button.cb-close").click();
        await page.locator(".cb-detail").waitFor({ state: "detached" });
      }
    }
    await settle();
    out.openTwice.push(api.length);
    await context.close();

    // AgentVoice has no free-text search; Talkover does.
    const typing = await openBoard(browser, 25, "talkover");
    await settle();
    typing.api.length = 0;
    const search = typing.page.locator(".cb-filters input[type=search]");
    await next(typing.page, "callboard:update", async () => {
      await search.click();
      await search.pressSequentially("renewal po", { delay: 60 });
    });
    await settle(1_000);
    out.typing.push(typing.api.length);
    await typing.context.close();
  }
  return out;
}

/** JS heap (after a forced GC), wasm linear memory and DOM nodes. */
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const wasm = await page.evaluate(async () => (await (await import("/dist/callboard.js")).whenReady).memory.buffer.byteLength);
  return { jsHeap: heap.usedSize, wasm, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** Memory after 10 and after 500 page flips, and after 10 and 200 open/close cycles. */
async function memoryGrowth(browser) {
  const { context, page } = await openBoard(browser, 10);
  const cdp = await context.newCDPSession(page);
  let forward = true;
  const flip = async () => {
    if (forward && (await nextButton(page).isDisabled())) forward = false;
    if (!forward && (await prevButton(page).isDisabled())) forward = true;
    await next(page, "callboard:update", () => (forward ? nextButton(page) : prevButton(page)).click());
  };
  for (let k = 0; k < 10; k++) await flip();
  const flips10 = await memory(page, cdp);
  for (let k = 10; k < 500; k++) await flip();
  const flips500 = await memory(page, cdp);

  const cycle = async (k) => {
    await page.locator("tr[data-call-id]").nth(k % 5).click();
    await page.locator(".cb-detail__body[data-state=ready]").waitFor();
    await page.locator("button.cb-close").click();
    await page.locator(".cb-detail").waitFor({ state: "detached" });
  };
  for (let k = 0; k < 10; k++) await cycle(k);
  const open10 = await memory(page, cdp);
  for (let k = 10; k < 200; k++) await cycle(k);
  const open200 = await memory(page, cdp);
  await context.close();
  const growth = (a, b) => ({
    jsHeap: b.jsHeap - a.jsHeap,
    wasm: b.wasm - a.wasm,
    nodes: b.nodes - a.nodes,
    listeners: b.listeners - a.listeners,
  });
  return {
    flips: { after10: flips10, after500: flips500, growth: growth(flips10, flips500) },
    openClose: { after10: open10, after200: open200, growth: growth(open10, open200) },
  };
}

// ---------------------------------------------------------------- report

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : "n/a");
const kb = (x) => `${(x / KB).toFixed(1)} KB`;
const signedKb = (x) => `${x >= 0 ? "+" : "−"}${(Math.abs(x) / KB).toFixed(1)} KB`;
const verdict = (ok) => (ok ? "ok" : "OVER");

function table(rows) {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => String(r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => String(cell ?? "").padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

/** CPU profiles of 100-row flips and of cold loads to 100 rows: the widget's, and the peer's where it is served. */
async function profiles(browser) {
  const subjects = { callboard: SUBJECTS.callboard };
  if (await peerServed(BASE)) subjects.react = SUBJECTS.react;
  const out = {};
  for (const [name, subject] of Object.entries(subjects)) {
    const flip = async (page) => {
      const root = subject.host ? page.locator(subject.host) : page;
      await root.locator(subject.rows).first().waitFor();
      const before = await root.locator(subject.rows).first().textContent();
      await root.getByRole("button", { name: /Next/ }).click();
      await page.waitForFunction(
        ({ host, rows, before }) => {
          const r = host ? document.querySelector(host).shadowRoot : document;
          return r.querySelector(rows)?.textContent !== before;
        },
        { host: subject.host, rows: subject.rows, before },
        { polling: "raf" },
      );
      await page.waitForTimeout(50);
    };
    const flips = await profileFlips(browser, { base: BASE, path: subject.path(100), flip });
    const cold = await profileCold(browser, { base: BASE, path: subject.path(100), rows: subject.rows, host: subject.host });
    out[name] = { ...flips, cold };
    for (const [what, p] of [["flip", flips], ["cold load to 100 rows", cold]]) {
      log(`${name}: self time per ${what} by category`);
      for (const [c, ms] of Object.entries(p.byCategory).sort((a, b) => b[1] - a[1])) log(`  ${ms.toFixed(2).padStart(8)} ms  ${c}`);
      log(`${name}: top functions (ms per ${what})`);
      for (const t of p.top.slice(0, 15)) log(`  ${t.ms.toFixed(2).padStart(8)} ms  ${t.name}`);
    }
  }
  return out;
}

/** Medians of the side-by-side runs and the ratios callboard / React. */
function summarizePeer(side, afterOpen) {
  const m = (o) => ({
    coldRowsMs: median(o.coldRows),
    flipDomMs: median(o.flipDom),
    flipScreenMs: median(o.flipScreen),
    layoutShift: median(o.cls),
    longestTaskMs: median(o.longest),
    bytesBeforeRows: o.bytes?.total ?? NaN,
    files: o.bytes?.files ?? [],
  });
  const callboard = m(side.callboard);
  const react = m(side.react);
  const ratio = (k) => callboard[k] / react[k];
  return {
    callboard,
    react,
    ratios: { flipDom: ratio("flipDomMs"), flipScreen: ratio("flipScreenMs"), coldRows: ratio("coldRowsMs"), bytesBeforeRows: ratio("bytesBeforeRows") },
    callboardBytesAfterOpen: afterOpen.total,
  };
}

/** BENCH_ONLY=cold,auto,hundred,transcript,requests,memory,peer,profile: run just those and print their raw figures (for A/B comparisons while working). */
async function only(names) {
  const browser = await launch();
  try {
    const out = {};
    const medians = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? median(v) : v]));
    for (const name of names) {
      if (name === "cold") out.cold = medians(await coldStart(browser));
      else if (name === "auto") out.auto = medians(await coldAuto(browser));
      else if (name === "hundred") out.hundred = medians(await hundredRows(browser));
      else if (name === "transcript") out.transcript3000 = medians(await transcript(browser, await longestCall(), 3000));
      else if (name === "transcript-idle") out.transcript3000Idle = medians(await transcript(browser, await longestCall(), 3000, true));
      else if (name === "requests") out.requests = medians(await requests(browser));
      else if (name === "memory") out.memory = await memoryGrowth(browser);
      else if (name === "profile") out.profile = await profiles(browser);
      else if (name === "peer") out.peer = summarizePeer(await sideBySide(browser, { base: BASE, site: SITE, runs: RUNS }), await bytesAfterOpen(browser, { base: BASE, site: SITE }));
      else throw new Error(`unknown scenario ${name}`);
    }
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await browser.close();
  }
}

async function main() {
  if (process.env.BENCH_ONLY) return only(process.env.BENCH_ONLY.split(","));
  const started = Date.now();
  const size = sizes(DIST);
  const browser = await launch();
  try {
    log(`cold start, 25 rows, page flip, sort (${RUNS} runs)`);
    const cold = await coldStart(browser);
    log(`cold start, provider="auto" against the provider named, 100 ms round trips (${RUNS} runs each, alternating)`);
    const auto = await coldAuto(browser);
    log(`100-row pages (${RUNS} runs)`);
    const hundred = await hundredRows(browser);
    const detail = await longestCall();
    log(`transcript of 100 turns (${RUNS} runs)`);
    const t100 = await transcript(browser, detail, 100);
    log(`transcript of 3,000 turns (${RUNS} runs)`);
    const t3000 = await transcript(browser, detail, 3000);
    log(`the same two, opened once the page is idle (${RUNS} runs each)`);
    const t100idle = await transcript(browser, detail, 100, true);
    const t3000idle = await transcript(browser, detail, 3000, true);
    log("requests per scenario (3 runs)");
    const req = await requests(browser);
    log("memory (500 page flips, 200 open/close cycles)");
    const mem = await memoryGrowth(browser);
    let peer = null;
    if (await peerServed(BASE)) {
      log(`side by side with the React peer, 100 rows (${RUNS} runs each, alternating)`);
      peer = summarizePeer(await sideBySide(browser, { base: BASE, site: SITE, runs: RUNS }), await bytesAfterOpen(browser, { base: BASE, site: SITE }));
    } else {
      log("no React peer served at /react/: side-by-side figures skipped");
    }

    const figures = {
      runs: RUNS,
      size,
      coldStart: { firstRowsMs: median(cold.firstRows), wasmMs: median(cold.wasm) },
      coldAuto: {
        rttMs: auto.rttMs,
        namedFirstRowsMs: median(auto.named),
        autoFirstRowsMs: median(auto.auto),
        autoRequests: median(auto.autoRequests),
      },
      render: {
        rows25Ms: median(cold.rows25_script),
        rows25FrameMs: median(cold.rows25_frame),
        rows100FirstLoadMs: median(hundred.first_script),
        rows100FirstLoadFrameMs: median(hundred.first_frame),
        rows100Ms: median(hundred.flip_script),
        rows100FrameMs: median(hundred.flip_frame),
        rows100OnScreenMs: median(hundred.flip_screen),
        pageFlipMs: median(cold.flip),
        sortChangeMs: median(cold.sort),
      },
      transcript: {
        turns100: transcriptFigures(t100),
        turns3000: transcriptFigures(t3000),
        turns100AfterIdle: transcriptFigures(t100idle),
        turns3000AfterIdle: transcriptFigures(t3000idle),
      },
      requests: {
        firstLoad: median(req.firstLoad),
        tenFlipsForwardTenBack: median(req.flips),
        typingTenCharacters: median(req.typing),
        openFiveCallsTwice: median(req.openTwice),
      },
      memory: mem,
      peer,
      budgets: BUDGET,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    const f = figures;
    const memOk = (g) => g.jsHeap + g.wasm < BUDGET.memoryGrowthBytes;
    const rows = [
      ["figure", "value", "budget"],
      ...size.files.map((x) => [`size ${x.name}`, `${kb(x.raw)} raw, ${kb(x.gzip)} gzip, ${kb(x.brotli)} br`, ""]),
      ["size before the first rows (all but the chunks)", `${kb(size.upfront.raw)} raw, ${kb(size.upfront.gzip)} gzip, ${kb(size.upfront.brotli)} br`, `≤ 100 KB gzip: ${verdict(size.upfront.gzip <= BUDGET.gzipTotalBytes)}`],
      ["size total", `${kb(size.total.raw)} raw, ${kb(size.total.gzip)} gzip, ${kb(size.total.brotli)} br`, ""],
      ["cold start: navigation → first rows", ms(f.coldStart.firstRowsMs), ""],
      ["cold start: wasm fetch+compile+instantiate", ms(f.coldStart.wasmMs), ""],
      [
        `cold start over ${f.coldAuto.rttMs} ms round trips: provider named → auto`,
        `${ms(f.coldAuto.namedFirstRowsMs)} → ${ms(f.coldAuto.autoFirstRowsMs)} (+${ms(f.coldAuto.autoFirstRowsMs - f.coldAuto.namedFirstRowsMs)}; auto: ${f.coldAuto.autoRequests} requests)`,
        `≤ +1 round trip: ${verdict(f.coldAuto.autoFirstRowsMs - f.coldAuto.namedFirstRowsMs <= f.coldAuto.rttMs)}`,
      ],
      ["response → 25 rows in the DOM (+ frame)", `${ms(f.render.rows25Ms)} (+ ${ms(f.render.rows25FrameMs)})`, ""],
      ["response → 100 rows in the DOM, first load (+ frame)", `${ms(f.render.rows100FirstLoadMs)} (+ ${ms(f.render.rows100FirstLoadFrameMs)})`, ""],
      ["response → 100 rows in the DOM, page flip", ms(f.render.rows100Ms), ""],
      ["frame rendering those 100 rows (style, layout, paint)", ms(f.render.rows100FrameMs), ""],
      ["response → 100 rows on screen (DOM + frame)", ms(f.render.rows100OnScreenMs), `≤ 16 ms: ${verdict(f.render.rows100OnScreenMs <= BUDGET.rows100Ms)}`],
      ["page flip (click → rows in the DOM)", ms(f.render.pageFlipMs), ""],
      ["sort change (click → rows in the DOM)", ms(f.render.sortChangeMs), ""],
      ["open call, 100 turns (click → detail in the DOM)", ms(f.transcript.turns100.openMs), ""],
      ["transcript on screen, 100 turns (DOM + frame)", onScreen(f.transcript.turns100), ""],
      ["open call, 3,000 turns (click → detail in the DOM)", ms(f.transcript.turns3000.openMs), ""],
      ["transcript on screen, 3,000 turns (DOM + frame)", onScreen(f.transcript.turns3000), `≤ 100 ms: ${verdict(f.transcript.turns3000.paintedMs <= BUDGET.transcript3000Ms)}`],
      ["all 3,000 turns in the DOM (chunked)", ms(f.transcript.turns3000.allTurnsMs), ""],
      ["open call once the page is idle, 100 turns (click → detail in the DOM)", ms(f.transcript.turns100AfterIdle.openMs), ""],
      ["transcript on screen once the page is idle, 100 turns", onScreen(f.transcript.turns100AfterIdle), ""],
      ["open call once the page is idle, 3,000 turns", ms(f.transcript.turns3000AfterIdle.openMs), ""],
      ["transcript on screen once the page is idle, 3,000 turns", onScreen(f.transcript.turns3000AfterIdle), `≤ 100 ms: ${verdict(f.transcript.turns3000AfterIdle.paintedMs <= BUDGET.transcript3000Ms)}`],
      ["timeupdate, 100 turns (median / p95)", `${ms(f.transcript.turns100.timeupdateMs)} / ${ms(f.transcript.turns100.timeupdateP95Ms)}`, `≤ 1 ms: ${verdict(f.transcript.turns100.timeupdateMs <= BUDGET.timeupdateMs)}`],
      ["timeupdate, 3,000 turns (median / p95)", `${ms(f.transcript.turns3000.timeupdateMs)} / ${ms(f.transcript.turns3000.timeupdateP95Ms)}`, `≤ 1 ms: ${verdict(f.transcript.turns3000.timeupdateMs <= BUDGET.timeupdateMs)}`],
      ["requests: first load", f.requests.firstLoad, `1: ${verdict(f.requests.firstLoad === 1)}`],
      ["requests: 10 flips forward, 10 back", f.requests.tenFlipsForwardTenBack, `10: ${verdict(f.requests.tenFlipsForwardTenBack === 10)}`],
      ["requests: typing a 10-character search", f.requests.typingTenCharacters, `1: ${verdict(f.requests.typingTenCharacters === 1)}`],
      ["requests: opening 5 calls twice each", f.requests.openFiveCallsTwice, `5: ${verdict(f.requests.openFiveCallsTwice === 5)}`],
      ...[
        ["500 page flips vs 10", mem.flips],
        ["200 open/close vs 10", mem.openClose],
      ].map(([label, m]) => [
        `memory: ${label}`,
        `JS heap ${signedKb(m.growth.jsHeap)} (${kb(m.after10.jsHeap)} → ${kb(m.after500?.jsHeap ?? m.after200.jsHeap)}), wasm ${signedKb(m.growth.wasm)} (${kb(m.after10.wasm)}), DOM nodes ${m.growth.nodes >= 0 ? "+" : ""}${m.growth.nodes}`,
        `< 2 MB: ${verdict(memOk(m.growth))}`,
      ]),
    ];
    console.log(table(rows));
    if (peer) {
      const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : "n/a");
      const c = peer.callboard;
      const r = peer.react;
      console.log("");
      console.log(
        table([
          ["side by side, 100 rows, same run", "callboard", "React + TanStack", "callboard / React"],
          ["page flip: click → rows in the DOM", ms(c.flipDomMs), ms(r.flipDomMs), x(peer.ratios.flipDom)],
          ["page flip: click → rows on screen", ms(c.flipScreenMs), ms(r.flipScreenMs), x(peer.ratios.flipScreen)],
          ["cold load: navigation → 100 rows", ms(c.coldRowsMs), ms(r.coldRowsMs), x(peer.ratios.coldRows)],
          ["gzip bytes before the first rows", kb(c.bytesBeforeRows), kb(r.bytesBeforeRows), x(peer.ratios.bytesBeforeRows)],
          ["gzip bytes after the first call opened", kb(peer.callboardBytesAfterOpen), "(no detail)", ""],
          ["layout shift at load (host page)", c.layoutShift.toFixed(3), r.layoutShift.toFixed(3), ""],
          ["longest task, navigation → rows", ms(c.longestTaskMs), ms(r.longestTaskMs), ""],
          ["sort change (click → rows in the DOM)", ms(f.render.sortChangeMs), "(no sorting)", ""],
        ]),
      );
    }
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
    log(`figures written to ${OUT} (${figures.seconds} s)`);
  } finally {
    await browser.close();
  }
}

await main();
