// The script-tag widget in Firefox (Debian's Firefox ESR), driven by
// WebDriver through geckodriver: list, page, open, play, seek, a call told
// by the event stream, the strict CSP page and host CSS isolation. Playwright cannot drive a stock Firefox,
// so this is the one spec on selenium-webdriver.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { Builder, By, until as when } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { BASE, expected } from "./helpers.mjs";

const GECKODRIVER = process.env.GECKODRIVER ?? execFileSync("sh", ["-c", "command -v geckodriver"], { encoding: "utf8" }).trim();
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const WAIT = 15_000;

let driver;
before(async () => {
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments("-headless")
    .setPreference("media.autoplay.default", 0)
    .windowSize({ width: 1400, height: 1000 });
  driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  const caps = await driver.getCapabilities();
  console.log(`# ${caps.getBrowserName()} ${caps.getBrowserVersion()}`);
});
after(async () => {
  await driver?.quit();
});

/** Runs `fn(root, arg)` in the page, `root` being the widget's shadow root. */
function inWidget(fn, arg) {
  return driver.executeScript(`const root = document.querySelector("call-board").shadowRoot; return (${fn})(root, arguments[0]);`, arg);
}

/** Waits until `fn(root, arg)` in the page returns something truthy. */
function waitInWidget(fn, arg, what) {
  return driver.wait(async () => {
    try {
      return await inWidget(fn, arg);
    } catch {
      return false;
    }
  }, WAIT, what);
}

const rowIds = (root) => [...root.querySelectorAll("tr[data-call-id]")].map((r) => r.dataset.callId);

/** The widget's shadow root as a WebDriver search context. */
async function shadow() {
  const host = await driver.wait(when.elementLocated(By.css("call-board")), WAIT);
  return host.getShadowRoot();
}

/** A button inside the widget by its name (its label, else its text). */
async function button(name) {
  const root = await shadow();
  for (const b of await root.findElements(By.css("button"))) {
    const label = (await b.getAttribute("aria-label")) ?? (await b.getText()).trim();
    if (label === name) return b;
  }
  throw new Error(`no button "${name}"`);
}

test("Firefox: list, page, open, play and seek", async () => {
  const want = await expected("agentvoice", 20);
  await driver.get(`${BASE}/pages/widget.html`);
  await waitInWidget((root) => root.querySelectorAll("tr[data-call-id]").length === 10, null, "ten rows");
  assert.deepEqual(await inWidget(rowIds), want.ids.slice(0, 10));

  // The pager comes a moment after the first rows (a chunk of its own).
  await waitInWidget((root) => root.querySelector(".cb-pager:not(.cb-held) button"), null, "the pager");
  await (await button("Next ›")).click();
  await waitInWidget((root, id) => root.querySelector(`tr[data-call-id="${id}"]`), want.ids[10], "page 2");
  assert.deepEqual(await inWidget(rowIds), want.ids.slice(10, 20));

  // Open the first call on page 2 with a real click on its row.
  const root = await shadow();
  await (await root.findElement(By.css(`tr[data-call-id="${want.ids[10]}"] td`))).click();
  await waitInWidget((root) => root.querySelector(".cb-detail__body[data-state=ready]") && root.querySelectorAll("li.cb-turn").length >= 3, null, "the detail with its transcript");

  await (await button("Play")).click();
  await waitInWidget((root) => root.querySelector("audio")?.currentTime > 0.5, null, "audio playing");
  await (await button("Pause")).click();

  // The third turn's time seeks the audio there.
  const third = (await root.findElements(By.css("li.cb-turn button")))[2];
  const label = await third.findElement(By.css(".cb-turn__time")).getText();
  const [, m, s] = label.match(/(\d+):(\d+)/);
  await third.click();
  await waitInWidget((root, t) => Math.abs(root.querySelector("audio").currentTime - t) < 1.01, Number(m) * 60 + Number(s), `seek to ${label}`);

  // Escape closes the call; the page the user was on is still there.
  await driver.actions().sendKeys("\uE00C").perform();
  await waitInWidget((root) => !root.querySelector(".cb-detail"), null, "detail closed");
  assert.deepEqual(await inWidget(rowIds), want.ids.slice(10, 20));
  const errors = await inWidget(() => window.__events.filter((e) => e.type === "callboard-error"));
  assert.deepEqual(errors, []);
});

test("Firefox: a Spanish page gets the widget in Spanish, its language file loaded; the words change in place", async () => {
  await driver.get(`${BASE}/pages/narrow.html?lang=es&width=1000`);
  await waitInWidget((root) => root.querySelectorAll("tr[data-call-id]").length > 5, null, "the rows");
  await waitInWidget((root) => root.querySelector(".cb-pager:not(.cb-held)"), null, "the pager");
  assert.match(await inWidget((root) => root.querySelector("th").textContent), /^Hora/);
  assert.match(await inWidget((root) => root.querySelector(".cb-pager__size").textContent), /Filas por página/);
  // Dates follow the page's language too.
  assert.match(await inWidget((root) => root.querySelector(".cb-td--time").textContent), /\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/);
  const root = await shadow();
  await (await root.findElement(By.css("tr[data-call-id] td"))).click();
  await waitInWidget((root) => root.querySelectorAll("li.cb-turn").length >= 3, null, "the transcript");
  await (await button("Reproducir")).click();
  await waitInWidget((root) => root.querySelector("audio")?.currentTime > 0.3, null, "audio playing");
  await driver.executeScript(`document.documentElement.lang = "de"`);
  await waitInWidget((root) => [...root.querySelectorAll(".cb-section__title")].some((t) => t.textContent === "Transkript"), null, "German words");
  assert.ok(await inWidget((root) => !root.querySelector("audio").paused), "still playing");
  const errors = await inWidget(() => window.__events.filter((e) => e.type === "callboard-error"));
  assert.deepEqual(errors, []);
});

test("Firefox: a call told by the event stream joins the list as it happens", async () => {
  // An event stream of its own (the dev server's data set stays as the
  // other specs read it): one Retell call, started now.
  const sse = createServer((req, res) => {
    res.writeHead(200, { "access-control-allow-origin": BASE, "content-type": "text/event-stream" });
    res.write("retry: 3000\n: hello\n\n");
    const call = { call_id: "ff-live", call_status: "ongoing", start_timestamp: Date.now(), from_number: "+14155550100", to_number: "+14155550199", direction: "outbound" };
    setTimeout(() => res.write(`id: 1\nevent: call\ndata: ${JSON.stringify({ provider: "retell", type: "call_started", call })}\n\n`), 500);
  });
  await new Promise((r) => sse.listen(0, "127.0.0.1", r));
  try {
    await driver.get(`${BASE}/pages/widget.html`);
    await driver.executeScript(`const b = document.getElementById("board"); b.setAttribute("events-url", arguments[0]); b.setAttribute("provider", "retell"); b.setAttribute("proxy-url", "/retell");`, `http://127.0.0.1:${sse.address().port}/events`);
    await waitInWidget((root) => root.querySelector(".cb-live[data-state=connected]"), null, "connected");
    await waitInWidget((root) => root.querySelector("tr[data-call-id]")?.dataset.callId === "ff-live", null, "the call on top");
    assert.match(await inWidget((root) => root.querySelector("tr[data-call-id] .cb-badge").textContent), /Ongoing/);
  } finally {
    sse.close();
    sse.closeAllConnections();
  }
});

test("Firefox: the widget works under the strict CSP page", async () => {
  await driver.get(`${BASE}/pages/csp/`);
  await waitInWidget((root) => root.querySelectorAll("tr[data-call-id]").length === 10, null, "rows under CSP");
  // Styled by the adopted stylesheet, not unstyled.
  assert.equal(await inWidget((root) => getComputedStyle(root.querySelector("td")).fontSize), "14px");
  const root = await shadow();
  await (await root.findElement(By.css("tr[data-call-id] td"))).click();
  await waitInWidget((root) => root.querySelector("li.cb-turn"), null, "transcript under CSP");
  await (await button("Play")).click();
  await waitInWidget((root) => root.querySelector("audio")?.currentTime > 0.3, null, "audio under CSP");
  assert.deepEqual(await driver.executeScript("return window.__violations"), []);
});

test("Firefox: a hostile host stylesheet leaves the widget unchanged", async () => {
  const probe = (root) => {
    const pick = (sel) => {
      const s = getComputedStyle(root.querySelector(sel));
      return { fontSize: s.fontSize, fontFamily: s.fontFamily, color: s.color, border: s.borderTopWidth, textTransform: s.textTransform };
    };
    return { td: pick("td"), th: pick("th"), sort: pick("th button"), button: pick(".cb-pager button") };
  };
  const styles = [];
  for (const path of ["/pages/widget.html", "/pages/hostile.html"]) {
    await driver.get(`${BASE}${path}`);
    await waitInWidget((root) => root.querySelectorAll("tr[data-call-id]").length === 10, null, `rows on ${path}`);
    // The controls come a moment after the rows (a chunk of its own): probe
    // the same buttons on both pages, once they are the real ones.
    await waitInWidget((root) => root.querySelector(".cb-pager:not(.cb-held) button"), null, `the pager on ${path}`);
    styles.push(await inWidget(probe));
  }
  assert.deepEqual(styles[1], styles[0]);
  assert.equal(styles[0].td.fontSize, "14px");
  // And the widget's styles do not leak out into the page.
  await driver.get(`${BASE}/pages/widget.html`);
  assert.equal(await driver.executeScript('return getComputedStyle(document.querySelector("h1")).fontSize'), "18px");
});

test("Firefox: a trap of the widget's WebAssembly leaves the failure state and an error event", async () => {
  await driver.get(`${BASE}/pages/two.html`);
  const rows = (id) => `return document.querySelector("#${id}").shadowRoot.querySelectorAll("tr[data-call-id]").length`;
  await driver.wait(async () => (await driver.executeScript(rows("first"))) > 0 && (await driver.executeScript(rows("second"))) > 0, WAIT, "rows in both");
  // The panic traps in a task of its own, uncaught, as in a callback; from
  // a page script (an error thrown in WebDriver's own script scope does not
  // reach the page's error listeners).
  await driver.executeScript(`
    const script = document.createElement("script");
    script.type = "module";
    script.textContent = 'const wasm = await (await import("/dist/callboard.js")).whenReady; setTimeout(() => wasm.__callboardPanicForTests(), 0);';
    document.head.append(script);
  `);
  for (const id of ["first", "second"]) {
    const text = await driver.wait(
      () => driver.executeScript(`return document.querySelector("#${id}").shadowRoot.querySelector(".cb-failed[role=alert]")?.innerText`),
      WAIT,
      `failure state in #${id}`,
    );
    assert.match(text, /The call log stopped working/);
  }
  const kinds = await driver.executeScript('return window.__events.filter((e) => e.type === "callboard-error").map((e) => [e.target, e.detail.kind])');
  assert.deepEqual(kinds.sort(), [["first", "panic"], ["second", "panic"]]);
});
