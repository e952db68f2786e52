// The widget speaks the host page's language: the `locale` option, else
// the nearest `lang` attribute, else the browser's; es-MX reads as
// Spanish, pt as Brazilian Portuguese, a language it does not speak as
// English. Changing the page's `lang` or the `locale` option changes the
// words in place: the open call, its playback and the list stay. axe is
// clean in every language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, seriousViolations, until, useBrowser } from "./helpers.mjs";

const browser = useBrowser();

/** The side-panel page with `<html lang=…>` (none: the page's own "en"). */
async function page(lang, { locales = ["en-US"], width = 1100 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: locales[0] });
  const p = await context.newPage();
  const q = new URLSearchParams({ width: String(width) });
  if (lang) q.set("lang", lang);
  await p.goto(`${BASE}/pages/narrow.html?${q}`);
  await p.locator("tr[data-call-id]").nth(5).waitFor();
  await p.locator(".cb-pager:not(.cb-held)").waitFor();
  return p;
}

const headers = (p) => p.locator("th").allTextContents();
const text = (p, selector) => p.locator(selector).first().textContent();

// What each language calls a few things on the list: the time column,
// the pager's "Rows per page" and the first status a completed call has.
const LIST = {
  en: { time: "Time", rows: "Rows per page", completed: "Completed" },
  es: { time: "Hora", rows: "Filas por página", completed: "Completada" },
  "pt-BR": { time: "Horário", rows: "Linhas por página", completed: "Concluída" },
  fr: { time: "Heure", rows: "Lignes par page", completed: "Terminé" },
  de: { time: "Zeit", rows: "Zeilen pro Seite", completed: "Abgeschlossen" },
};

for (const [lang, words] of Object.entries(LIST)) {
  test(`a page in ${lang}: the list, a call and its transcript in its words, axe clean`, async () => {
    const p = await page(lang === "en" ? null : lang);
    assert.match((await headers(p))[0], new RegExp(`^${words.time}`));
    assert.equal((await text(p, ".cb-pager__size")).trim().startsWith(words.rows), true, await text(p, ".cb-pager__size"));
    assert.ok((await p.locator(".cb-badge").allTextContents()).includes(words.completed));
    await p.locator("tr[data-call-id]").first().click();
    await p.locator("li.cb-turn").first().waitFor();
    // The call's sections are named in the language; the transcript's
    // text is the provider's, as said.
    const sections = await p.locator(".cb-section__title").allTextContents();
    assert.ok(sections.length >= 3, sections.join());
    if (lang !== "en") {
      assert.ok(!sections.includes("Transcript") && !sections.includes("Recording"), sections.join());
    }
    assert.deepEqual(await seriousViolations(p), []);
    await p.context().close();
  });
}

// A language's words are one file of their own: a Spanish page's first
// rows need that file and no other on-demand one (every other chunk held
// back here, the rows still come, in Spanish); an English page asks for
// none.
test("a Spanish page's first rows wait for one extra file, its words; an English page's for none", async () => {
  for (const [lang, time] of [["es", "Hora"], [null, "Time"]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const asked = [];
    await p.route(/\/(split|chunk)_[a-z_0-9]+\.wasm$/, (route) => {
      const name = new URL(route.request().url()).pathname.split("/").pop();
      asked.push(name);
      return name === "split_lang_es.wasm" ? route.continue() : route.abort("blockedbyclient");
    });
    await p.goto(`${BASE}/pages/narrow.html?width=1100${lang ? `&lang=${lang}` : ""}`);
    await p.locator("tr[data-call-id]").nth(5).waitFor();
    assert.match((await headers(p))[0], new RegExp(`^${time}`));
    const words = asked.filter((n) => n.startsWith("split_lang_"));
    assert.deepEqual(words, lang ? ["split_lang_es.wasm"] : [], asked.join());
    await context.close();
  }
});

test("es-MX reads as Spanish, pt as Brazilian Portuguese, a language the widget lacks as English", async () => {
  for (const [lang, time] of [["es-MX", "Hora"], ["pt", "Horário"], ["ja", "Time"], ["??", "Time"]]) {
    const p = await page(lang);
    assert.match((await headers(p))[0], new RegExp(`^${time}`), lang);
    await p.context().close();
  }
});

test("without a lang on the page's elements, the browser's language is spoken", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const p = await context.newPage();
  // A page that says nothing of its language (no lang anywhere).
  await p.goto(`${BASE}/pages/blank.html`);
  await p.evaluate((base) => {
    document.documentElement.removeAttribute("lang");
    const el = document.createElement("call-board");
    el.setAttribute("proxy-url", "/vapi");
    el.setAttribute("provider", "vapi");
    document.body.append(el);
    return import(`${base}/dist/callboard.js`);
  }, BASE);
  await p.locator("tr[data-call-id]").first().waitFor();
  assert.match((await headers(p))[0], /^Zeit/);
  await context.close();
});

test("the words change in place when the page's lang or the locale option does: the call stays open and keeps playing", async () => {
  const p = await page(null, { width: 400 });
  await p.locator("tr[data-call-id]").nth(2).click();
  await p.locator("li.cb-turn").first().waitFor();
  const openId = await p.locator(".cb-detail").getAttribute("data-call-id");
  await p.locator(".cb-play").click();
  const position = () => p.locator("audio").evaluate((a) => a.currentTime);
  await until(p, () => document.querySelector("call-board").shadowRoot.querySelector("audio").currentTime > 0.3);
  const before = await position();
  const audio = await p.locator("audio").elementHandle();

  await p.evaluate(() => { document.documentElement.lang = "de"; });
  await p.locator(".cb-section__title", { hasText: "Transkript" }).waitFor();
  assert.equal(await p.locator(".cb-detail").getAttribute("data-call-id"), openId, "the same call is open");
  assert.ok(await audio.evaluate((a) => a.isConnected && !a.paused), "the same audio element plays on");
  assert.ok((await position()) >= before, "playback did not start over");
  assert.ok((await p.locator(".cb-turn__speaker").allTextContents()).includes("Kunde"));

  // The locale option comes before the page's lang.
  await p.evaluate(() => document.querySelector("call-board").setAttribute("locale", "fr"));
  await p.locator(".cb-section__title", { hasText: "Transcription" }).waitFor();
  assert.ok(await audio.evaluate((a) => a.isConnected && !a.paused));
  // Back to the page's language when the option goes.
  await p.evaluate(() => document.querySelector("call-board").removeAttribute("locale"));
  await p.locator(".cb-section__title", { hasText: "Transkript" }).waitFor();
  assert.deepEqual(await seriousViolations(p), []);
  await p.context().close();
});
