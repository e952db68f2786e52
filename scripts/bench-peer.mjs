// The side-by-side part of `make bench`: callboard's script-tag widget and
// the React 19 + TanStack Table peer (../shared/bench/react-peer, served
// as /react/), over the same dev server, in the same browser, in the same
// run, measured the same way from outside either (no User Timing of the
// widget's own): runs alternate between the two so both see the same
// machine.
//
//   flip to DOM     in-page click on "Next ›" → the first row's text changes
//                   (a MutationObserver; both commit a page in one task)
//   flip to screen  the same click → the frame after that (rAF + task)
//   cold load       navigation start → 100 rows in the DOM
//   bytes           gzip (level 9) of every file the page fetched before its
//                   first rows (API answers aside), from the files served
//   layout shift    a `layout-shift` PerformanceObserver on the host page,
//                   to one second after the first rows
//   longest task    `longtask` entries from navigation to the first rows

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const SUBJECTS = {
  callboard: { path: (size) => `/bench/?provider=agentvoice&page-size=${size}`, rows: "tr[data-call-id]", host: "call-board" },
  react: { path: (size) => `/react/?page-size=${size}`, rows: "tbody tr", host: null },
};

const API = /^\/(agentvoice|vozagent|talkover|zudu|smallest|retell|vapi|elevenlabs|bland|recordings)\//;

/** Installed before any page script: finds the rows in the document or any shadow root, and records shifts and long tasks. */
function probe({ rows, want }) {
  window.__probe = { rowsAt: null, cls: 0, longest: 0, shifts: [] };
  const roots = [document];
  const check = () => {
    if (window.__probe.rowsAt !== null) return;
    if (roots.some((r) => r.querySelectorAll(rows).length >= want)) window.__probe.rowsAt = performance.now();
  };
  const watch = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    watch(root);
    return root;
  };
  watch(document);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const late = window.__probe.rowsAt !== null && e.startTime > window.__probe.rowsAt + 1000;
      if (!e.hadRecentInput && !late) {
        window.__probe.cls += e.value;
        window.__probe.shifts.push(Math.round(e.value * 1000) / 1000);
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (window.__probe.rowsAt === null || e.startTime < window.__probe.rowsAt) window.__probe.longest = Math.max(window.__probe.longest, e.duration);
    }
  }).observe({ type: "longtask", buffered: true });
}

/** In the page: clicks "Next ›" and times the new rows into the DOM and onto the screen. */
function flipInPage({ host, rows }) {
  return new Promise((resolve, reject) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    const button = [...root.querySelectorAll("button")].find((b) => b.textContent.includes("Next"));
    const before = root.querySelector(rows)?.textContent;
    let t0 = 0;
    const timer = setTimeout(() => reject(new Error("no new rows within 10 s")), 10_000);
    const observer = new MutationObserver(() => {
      const first = root.querySelector(rows);
      if (!first || first.textContent === before) return;
      const dom = performance.now() - t0;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ dom, screen: performance.now() - t0 });
        }, 0),
      );
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    t0 = performance.now();
    button.click();
  });
}

/** Gzip bytes of the files `urls` name under `site` (each counted once). */
function gzipBytes(site, urls) {
  let total = 0;
  const files = [];
  for (const url of new Set(urls)) {
    const path = new URL(url).pathname;
    if (API.test(path)) continue;
    let file = join(site, path);
    if (path.endsWith("/")) file = join(file, "index.html");
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    files.push({ path, gz });
    total += gz;
  }
  return { total, files };
}

/** One cold load of `subject` in a fresh context: the probe's figures, the page and its context. */
async function cold(browser, base, site, subject, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe, { rows: subject.rows, want: size });
  await page.goto(`${base}${subject.path(size)}`);
  await page.waitForFunction(() => window.__probe.rowsAt !== null, null, { timeout: 60_000, polling: 10 });
  await page.waitForTimeout(1_100);
  const figures = await page.evaluate(() => {
    const rowsAt = window.__probe.rowsAt;
    const fetched = [location.href, ...performance.getEntriesByType("resource").filter((e) => e.startTime < rowsAt).map((e) => e.name)];
    return { rowsAt, cls: window.__probe.cls, longest: window.__probe.longest, fetched };
  });
  figures.bytes = gzipBytes(site, figures.fetched);
  return { context, page, figures };
}

/** Alternating runs of both subjects: cold load to `size` rows, then page flips (two to settle, three measured). */
export async function sideBySide(browser, { base, site, runs, size = 100 }) {
  const out = {};
  for (const name of Object.keys(SUBJECTS)) out[name] = { coldRows: [], flipDom: [], flipScreen: [], cls: [], longest: [], bytes: null };
  for (let i = 0; i < runs; i++) {
    for (const [name, subject] of Object.entries(SUBJECTS)) {
      const { context, page, figures } = await cold(browser, base, site, subject, size);
      const o = out[name];
      o.coldRows.push(figures.rowsAt);
      o.cls.push(figures.cls);
      o.longest.push(figures.longest);
      o.bytes ??= figures.bytes;
      for (let k = 0; k < 5; k++) {
        const flip = await page.evaluate(flipInPage, { host: subject.host, rows: subject.rows });
        if (k >= 2) {
          o.flipDom.push(flip.dom);
          o.flipScreen.push(flip.screen);
        }
        await page.waitForTimeout(100);
      }
      await context.close();
    }
  }
  return out;
}

/** The widget's bytes after its first call is opened (what opening a call adds to what the first rows needed). */
export async function bytesAfterOpen(browser, { base, site }) {
  const subject = SUBJECTS.callboard;
  const { context, page } = await cold(browser, base, site, subject, 25);
  await page.locator("tr[data-call-id]").first().click();
  await page.locator(".cb-detail__body[data-state=ready]").waitFor();
  await page.waitForTimeout(500);
  const fetched = await page.evaluate(() => [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]);
  await context.close();
  return gzipBytes(site, fetched);
}

/** Whether the peer is served (it is built only where ../shared/bench/react-peer exists). */
export async function peerServed(base) {
  try {
    return (await fetch(`${base}/react/`)).ok;
  } catch {
    return false;
  }
}
