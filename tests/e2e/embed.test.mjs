// The <call-board> contract: styles isolated both ways, attributes and
// properties (also before upgrade), events out of the shadow root, several
// instances, methods, teardown on removal, and accessibility.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, expected, rowIds, seriousViolations, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BASE}${path}`);
  return page;
}

/** Computed styles of a few inner elements. */
function probe(page, id = "board") {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const pick = (sel) => {
      const s = getComputedStyle(root.querySelector(sel));
      return { fontSize: s.fontSize, fontFamily: s.fontFamily, color: s.color, border: s.borderTopWidth, textTransform: s.textTransform, display: s.display };
    };
    // The host page may size the element; inside, the table fills it the same way.
    const inset = document.getElementById(id).getBoundingClientRect().width - root.querySelector("table").getBoundingClientRect().width;
    return { td: pick("td"), th: pick("th"), button: pick(".cb-pager button"), inset };
  }, id);
}

test("a hostile host stylesheet leaves the widget unchanged", async () => {
  const plain = await open("/pages/widget.html");
  await plain.locator("tr[data-call-id]").nth(9).waitFor();
  const hostile = await open("/pages/hostile.html");
  await hostile.locator("tr[data-call-id]").nth(9).waitFor();
  // The pager comes a moment after the rows (a chunk of its own).
  for (const page of [plain, hostile]) await page.locator(".cb-pager button").first().waitFor();
  const [a, b] = [await probe(plain), await probe(hostile)];
  assert.deepEqual(b.td, a.td);
  assert.deepEqual(b.th, a.th);
  assert.deepEqual(b.button, a.button);
  assert.equal(a.td.fontSize, "14px");
  assert.ok(Math.abs(a.inset - b.inset) < 1, `table inset ${a.inset} vs ${b.inset}`);
  // And the widget's styles do not leak out into the page.
  const outside = await plain.evaluate(() => getComputedStyle(document.querySelector("h1")).fontSize);
  assert.equal(outside, "18px");
  await plain.close();
  await hostile.close();
});

test("two instances on one page work independently", async () => {
  const page = await open("/pages/two.html");
  const first = page.locator("#first tr[data-call-id]");
  const second = page.locator("#second tr[data-call-id]");
  await first.nth(9).waitFor();
  await second.nth(4).waitFor();
  assert.equal(await first.count(), 10);
  assert.equal(await second.count(), 5);
  assert.deepEqual((await expected("vapi", 5)).ids, await page.locator("#second tr[data-call-id]").evaluateAll((r) => r.map((x) => x.getAttribute("data-call-id"))));
  assert.equal(await page.locator("#second .cb").getAttribute("data-theme"), "dark");
  await second.first().click();
  await page.locator("#second .cb-detail").waitFor();
  assert.equal(await page.locator("#first .cb-detail").count(), 0);
  const events = await page.evaluate(() => window.__events);
  const select = events.find((e) => e.type === "callboard-select");
  assert.equal(select.target, "second");
  assert.equal(select.detail.provider, "vapi");
  await page.close();
});

test("attributes mirror properties, including values set before upgrade", async () => {
  const page = await open("/pages/late.html");
  const requests = [];
  page.on("request", (r) => r.url().includes("/retell/") && requests.push(r));
  await page.locator("tr[data-call-id]").nth(4).waitFor();
  assert.deepEqual(await rowIds(page), (await expected("retell", 5)).ids);
  const mirrored = await page.evaluate(() => {
    const el = document.getElementById("board");
    return { attr: el.getAttribute("proxy-url"), size: el.getAttribute("page-size"), prop: el.provider };
  });
  assert.deepEqual(mirrored, { attr: "/retell", size: "5", prop: "retell" });
  // Changing an attribute changes the widget.
  await page.evaluate(() => document.getElementById("board").setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.getElementById("board").shadowRoot.querySelector(".cb").dataset.theme === "dark");
  await page.evaluate(() => document.getElementById("board").setAttribute("page-size", "10"));
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  // Property-only headers reach the proxy.
  await page.evaluate(() => document.getElementById("board").refresh());
  await page.waitForTimeout(300);
  const headers = await requests.at(-1).allHeaders();
  assert.equal(headers["x-csrf-token"], "t0k3n");
  // openCall() opens a call and the select event bubbles out composed.
  const id = (await expected("retell", 3)).ids[2];
  await page.evaluate((id) => document.getElementById("board").openCall(id), id);
  await page.locator(".cb-detail").waitFor();
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.at(-1), { type: "callboard-select", detail: { id, provider: "retell" } });
  await page.close();
});

test("removing the element tears everything down", async () => {
  const page = await open("/pages/widget.html");
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  // Listening for calls as they happen (no stream here: polling) began.
  await page.locator(".cb-live[data-state=polling]").waitFor();
  let requests = 0;
  page.on("request", (r) => r.url().includes("/agentvoice/") && requests++);
  // Start typing into a debounced filter, then remove the element before
  // the pause ends: no request may follow.
  await page.getByLabel("Phone number").fill("+1415");
  await page.evaluate(() => document.getElementById("board").remove());
  await page.waitForTimeout(800);
  assert.equal(requests, 0, "no request after removal");
  const left = await page.evaluate(() => {
    const el = document.querySelector("call-board") ?? null;
    return el;
  });
  assert.equal(left, null);
  // The same element re-added mounts again.
  await page.evaluate(() => {
    const el = document.createElement("call-board");
    el.id = "again";
    el.setAttribute("proxy-url", "/agentvoice");
    el.setAttribute("provider", "agentvoice");
    document.body.append(el);
  });
  await page.locator("#again tr[data-call-id]").first().waitFor();
  const roots = await page.evaluate(() => document.getElementById("again").shadowRoot.querySelectorAll("[data-callboard-root]").length);
  assert.equal(roots, 1);
  await page.close();
});

test("axe finds no serious or critical violation", async () => {
  for (const theme of ["light", "dark"]) {
    const page = await open(`/pages/widget.html?provider=smallest`);
    await page.evaluate((t) => document.getElementById("board").setAttribute("theme", t), theme);
    await page.locator("tr[data-call-id]").nth(9).waitFor();
    await page.locator("tr[data-call-id]").first().click();
    await page.locator("li.cb-turn").first().waitFor();
    assert.deepEqual(await seriousViolations(page, { whole: true }), [], `${theme} theme`);
    await page.close();
  }
});

test("the bundle is served precompressed where the server takes .br files", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const encodings = {};
  page.on("response", (r) => {
    const name = new URL(r.url()).pathname.split("/").pop();
    if (/\.(js|wasm)$/.test(name) && r.url().includes("/dist/")) encodings[name] = r.headers()["content-encoding"];
  });
  await page.goto(`${BASE}/pages/widget.html`);
  await page.locator("tr[data-call-id]").first().waitFor();
  assert.equal(encodings["callboard_wasm_bg.wasm"], "br", JSON.stringify(encodings));
  assert.equal(encodings["callboard.js"], "br");
  await context.close();
});

test("content below the widget does not jump while it loads (its place is held)", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  // Slow enough that the page paints before the WebAssembly is there, and
  // again before the first page of calls arrives (asked for at once, it
  // answers only well after the WebAssembly came).
  let wasmCame;
  const wasmHere = new Promise((resolve) => (wasmCame = resolve));
  await page.route("**/dist/callboard_wasm_bg.wasm", async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
    wasmCame();
  });
  await page.route("**/agentvoice/api/calls?**", async (route) => {
    await wasmHere;
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`${BASE}/pages/below.html`);
  const top = () => page.evaluate(() => document.getElementById("below").getBoundingClientRect().top);
  const early = await top();
  await page.locator("tr.cb-placeholder[data-state=loading]").waitFor();
  const holding = await top();
  await page.locator("tr[data-call-id]").nth(9).waitFor();
  await page.waitForTimeout(300);
  const loaded = await top();
  const shifts = await page.evaluate(() => window.__shifts);
  const total = shifts.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(loaded - holding) < 4, `the loading row held the rows' place: ${holding} then ${loaded}`);
  assert.ok(early > 700, `the place was held before the WebAssembly came: the text below started at ${early}px`);
  assert.ok(total < 0.05, `layout shift ${total.toFixed(3)} (${shifts.map((s) => s.toFixed(3)).join(", ")})`);
  await context.close();
});

test("clicking a turn's words plays the call from that turn", async () => {
  const page = await open("/pages/widget.html");
  await page.locator("tr[data-call-id]").first().click();
  const third = page.locator("li.cb-turn").nth(2);
  await third.waitFor();
  const [, m, s] = (await third.locator(".cb-turn__time").textContent()).match(/(\d+):(\d+)/);
  await third.locator(".cb-turn__text").click();
  await page.waitForFunction((t) => {
    const audio = document.querySelector("call-board").shadowRoot.querySelector("audio");
    return !audio.paused && audio.currentTime >= t && audio.currentTime < t + 3;
  }, Number(m) * 60 + Number(s));
  assert.equal(await page.getByRole("button", { name: "Pause", exact: true }).count(), 1);
  await page.close();
});

test("the transcript downloads as text, WebVTT, SubRip and JSON", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/pages/widget.html`);
  const id = await page.locator("tr[data-call-id]").first().getAttribute("data-call-id");
  await page.locator("tr[data-call-id]").first().click();
  await page.locator("li.cb-turn").nth(2).waitFor();
  const firstTurn = (await page.locator("li.cb-turn .cb-turn__text").first().textContent()).trim();
  const take = async (label) => {
    await page.locator(".cb-transcript .cb-download summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
    const { readFileSync } = await import("node:fs");
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
  };
  const vtt = await take("Captions, WebVTT (.vtt)");
  assert.equal(vtt.name, `transcript-${id}.vtt`);
  assert.match(vtt.text, /^WEBVTT\n\n1\n00:00:\d\d\.\d{3} --> 00:\d\d:\d\d\.\d{3}\n<v [^>]+>/);
  assert.ok(vtt.text.includes(firstTurn.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")), "the first turn is a cue");
  // The menu closed after the choice.
  assert.equal(await page.locator(".cb-download[open]").count(), 0);
  const srt = await take("Captions, SubRip (.srt)");
  assert.match(srt.text, /^1\n00:00:\d\d,\d{3} --> /);
  const json = JSON.parse((await take("JSON (.json)")).text);
  assert.equal(json.turns[0].text, firstTurn);
  assert.equal(json.turns.length, await page.locator("li.cb-turn").count());
  const txt = await take("Text (.txt)");
  assert.ok(txt.text.includes(firstTurn));
  await context.close();
});

test("with word timings, a click on a word plays from that word, and the spoken word is lit", async () => {
  const page = await open("/pages/widget.html?provider=retell");
  await page.locator("tr[data-call-id]").nth(3).click();
  const turn = page.locator("li.cb-turn").nth(2);
  const word = turn.locator(".cb-word").nth(4);
  await word.waitFor();
  const start = Number(await word.getAttribute("data-start")) / 1000;
  const turnStart = await turn.locator(".cb-word").first().getAttribute("data-start");
  assert.ok(start > Number(turnStart) / 1000, "the fifth word starts after the turn");
  await word.click();
  await page.waitForFunction((t) => {
    const audio = document.querySelector("call-board").shadowRoot.querySelector("audio");
    return !audio.paused && audio.currentTime >= t - 0.05 && audio.currentTime < t + 1.5;
  }, start);
  // The lit word moves on as the call plays: one word at a time.
  const lit = () => page.evaluate(() => [...document.querySelector("call-board").shadowRoot.querySelectorAll(".cb-word[data-current]")].map((w) => w.dataset.start));
  await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelectorAll(".cb-word[data-current]").length === 1);
  const first = (await lit())[0];
  await page.waitForFunction((first) => {
    const now = [...document.querySelector("call-board").shadowRoot.querySelectorAll(".cb-word[data-current]")];
    return now.length === 1 && Number(now[0].dataset.start) > Number(first);
  }, first);
  await page.close();
});

test("who spoke when: lanes from the turns, a click seeks, and it is a keyboard slider", async () => {
  const page = await open("/pages/widget.html");
  await page.locator("tr[data-call-id]").nth(3).click();
  const track = page.getByRole("slider", { name: "Who spoke when" });
  await track.waitFor();
  assert.ok((await page.locator('.cb-timeline__lane[data-speaker="agent"] .cb-timeline__span').count()) > 0);
  assert.ok((await page.locator('.cb-timeline__lane[data-speaker="customer"] .cb-timeline__span').count()) > 0);
  const max = Number(await track.getAttribute("aria-valuemax"));
  assert.ok(max > 20, `the call's length in seconds (${max})`);
  // A click at the middle seeks to the middle.
  const box = await track.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((half) => Math.abs(document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime - half) < 1.5, max / 2);
  assert.match(await track.getAttribute("aria-valuetext"), /^\d+:\d\d of \d+:\d\d, (the agent speaking|the customer speaking|both speaking|silence)$/);
  // The arrow keys step it (and are the slider's, not the skip shortcut's).
  const before = await page.evaluate(() => document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime);
  await track.focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((t) => {
    const now = document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime;
    return now > t + 1 && now < t + 9;
  }, before);
  await page.keyboard.press("Home");
  await page.waitForFunction(() => document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime < 0.5);
  await page.close();
});

test("without a proxy URL nothing is fetched; setting one loads the calls", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const requests = [];
  // The widget's own files aside: what it asks of a proxy.
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (r.resourceType() === "fetch" && !path.startsWith("/dist/")) requests.push(`${r.method()} ${path}`);
  });
  await page.goto(`${BASE}/pages/blank.html`);
  await page.evaluate(() => {
    const board = document.createElement("call-board");
    board.id = "late";
    board.setAttribute("page-size", "10");
    document.getElementById("host").append(board);
  });
  await page.locator("#late .cb-note[role=status]").waitFor();
  assert.match(await page.locator("#late .cb-note").innerText(), /No proxy URL yet: set proxy-url/);
  await page.waitForTimeout(500);
  assert.deepEqual(requests, [], "no request to the host page's own origin");
  await page.evaluate(() => {
    const board = document.getElementById("late");
    board.setAttribute("provider", "agentvoice");
    board.setAttribute("proxy-url", "/agentvoice");
  });
  await page.locator("#late tr[data-call-id]").nth(9).waitFor();
  assert.equal(await page.locator("#late .cb-note[role=status]").count(), 0);
  assert.ok(requests.length > 0 && requests.every((r) => r.includes("/agentvoice/")), requests.join(", "));
  await context.close();
});
