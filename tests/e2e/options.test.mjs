// Options changed after mount, end to end on <call-board>: a generated
// sequence of attribute and property changes (provider, pins, page size,
// theme, locale; removed attributes and null properties) ends with the same
// screen and the same list request as a fresh element with the final values.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { BASE, expected, useBrowser } from "./helpers.mjs";

const browser = useBrowser();
let page;
const requests = [];

before(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (r) => {
    const url = new URL(r.url());
    // List requests of the mock providers (details and ids are not lists).
    const list = /^\/(agentvoice\/api\/calls|retell\/v[23]\/list-calls|vapi\/call|talkover\/api\/v1(\/agents\/[^/]+)?\/calls)$/;
    if (url.origin === new URL(BASE).origin && list.test(url.pathname)) {
      requests.push(`${r.method()} ${url.pathname}${url.search} ${r.postData() ?? ""}`);
    }
  });
  await page.goto(`${BASE}/pages/blank.html`);
  await page.waitForFunction(() => customElements.get("call-board"));
});

/** SplitMix32-ish: deterministic, so a failing seed replays. */
function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return { next, pick: (items) => items[next() % items.length], chance: (n) => next() % n === 0 };
}

/** Sets the element up in the page and waits until it has settled. */
async function settle(id) {
  let seen = -1;
  let quiet = 0;
  for (let i = 0; i < 300 && quiet < 4; i++) {
    const ready = await page.evaluate((id) => {
      const root = document.getElementById(id)?.shadowRoot;
      if (!root) return false;
      const idle = root.querySelector(".cb-tbody[data-state=idle]");
      const shown = root.querySelector("tr[data-call-id], tr.cb-placeholder[data-state=empty], .cb-error");
      // The filters and the pager have come (their chunk follows the first answer).
      const controls = !root.querySelector(".cb-held");
      return Boolean(idle && shown && controls);
    }, id);
    quiet = ready && requests.length === seen ? quiet + 1 : 0;
    seen = requests.length;
    await page.waitForTimeout(25);
  }
  assert.ok(quiet >= 4, `${id} did not settle`);
}

/** What a user sees of element `id`, normalized. */
function snapshot(id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const texts = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.trim());
    return {
      theme: root.querySelector(".cb")?.dataset.theme,
      headers: texts("th"),
      rows: [...root.querySelectorAll("tr[data-call-id]")].map((r) => r.dataset.callId),
      cells: texts("tr[data-call-id] td").slice(0, 14),
      pager: texts(".cb-pager__range"),
      sizes: texts(".cb-pager__size option"),
      size: root.querySelector(".cb-pager__size select")?.value,
      filters: texts(".cb-filters label"),
      error: texts(".cb-error"),
    };
  }, id);
}

test("any sequence of attribute and property changes ends as a fresh element", async () => {
  const samples = {};
  for (const p of ["agentvoice", "retell", "vapi", "talkover"]) samples[p] = (await expected(p)).contact;
  const attrs = {
    provider: () => ["agentvoice", "retell", "vapi", "talkover"],
    "agent-id": (p) => [samples[p]?.agentId ?? "agent-x"],
    "contact-id": (p) => [samples[p]?.contactId ?? "contact-x"],
    "phone-number": (p) => [samples[p]?.phoneNumber ?? "+14155550100"],
    "page-size": () => ["5", "10", "25"],
    theme: () => ["light", "dark"],
    locale: () => ["en-US", "de-DE"],
  };
  const props = { provider: "provider", "agent-id": "agentId", "contact-id": "contactId", "phone-number": "phoneNumber", "page-size": "pageSize", theme: "theme", locale: "locale" };
  for (let seed = 1; seed <= 6; seed++) {
    const r = rng(seed * 7919);
    const state = { provider: "agentvoice", "page-size": "10" };
    await page.evaluate(() => {
      document.getElementById("host").innerHTML = "";
      const el = document.createElement("call-board");
      el.id = "changed";
      el.setAttribute("proxy-url", "/agentvoice");
      el.setAttribute("provider", "agentvoice");
      el.setAttribute("page-size", "10");
      document.getElementById("host").append(el);
    });
    await settle("changed");
    const from = requests.length;
    for (let step = 0; step < 5; step++) {
      // A burst of one to three changes, as a host page or a framework makes them.
      const changes = [];
      for (let n = 0; n <= r.next() % 3; n++) {
        const name = r.pick(Object.keys(attrs));
        const value = r.chance(3) && name !== "provider" ? null : r.pick(attrs[name](state.provider));
        const how = r.chance(2) ? "property" : "attribute";
        if (value === null) delete state[name];
        else state[name] = value;
        changes.push({ name, prop: props[name], value, how });
        if (name === "provider") changes.push({ name: "proxy-url", prop: "proxyUrl", value: `/${value}`, how });
      }
      await page.evaluate((changes) => {
        const el = document.getElementById("changed");
        for (const c of changes) {
          if (c.how === "property") el[c.prop] = c.value;
          else if (c.value === null) el.removeAttribute(c.name);
          else el.setAttribute(c.name, c.value);
        }
      }, changes);
      if (r.chance(2)) await settle("changed");
    }
    await settle("changed");
    const changed = await snapshot("changed");
    const changedRequests = requests.slice(from);

    const freshFrom = requests.length;
    await page.evaluate((state) => {
      const el = document.createElement("call-board");
      el.id = "fresh";
      el.setAttribute("proxy-url", `/${state.provider}`);
      for (const [k, v] of Object.entries(state)) el.setAttribute(k, v);
      document.getElementById("host").append(el);
    }, state);
    await settle("fresh");
    const fresh = await snapshot("fresh");
    const freshRequests = requests.slice(freshFrom);

    assert.deepEqual(changed, fresh, `seed ${seed}: ${JSON.stringify(state)}`);
    if (freshRequests.length) {
      assert.ok(
        changedRequests.includes(freshRequests.at(-1)),
        `seed ${seed}: ${freshRequests.at(-1)} not among ${JSON.stringify(changedRequests, null, 1)}`,
      );
    }
  }
});

test("the demo's provider switch: a removed contact-id clears, the agent pin applies", async () => {
  const av = (await expected("agentvoice")).contact;
  const vapi = (await expected("vapi")).contact;
  await page.evaluate((contact) => {
    document.getElementById("host").innerHTML = `<call-board id="c" proxy-url="/agentvoice" provider="agentvoice" contact-id="${contact}"></call-board>`;
  }, av.contactId);
  await settle("c");
  const from = requests.length;
  await page.evaluate((agent) => {
    const el = document.getElementById("c");
    el.removeAttribute("contact-id");
    el.setAttribute("agent-id", agent);
    el.setAttribute("provider", "vapi");
    el.setAttribute("proxy-url", "/vapi");
  }, vapi.agentId);
  await settle("c");
  const sent = requests.slice(from);
  assert.equal(sent.length, 1, `one request for one burst of changes: ${sent}`);
  assert.match(sent[0], new RegExp(`^GET /vapi/call\\?.*assistantId=${vapi.agentId}`));
  const shown = await snapshot("c");
  assert.deepEqual(shown.error, []);
  assert.ok(shown.rows.length > 0, "Vapi's calls of that agent show");
  assert.equal(await page.evaluate(() => document.getElementById("c").contactId), null);
});
