// js/first-page.js: which first request the script can tell in advance,
// and its key, written as the widget writes it (src/net/early.rs checks
// the same strings, and each provider's table entry against its own
// request).
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstPageRequests, requestKey, requestsKey, sendFirstPages } from "../js/first-page.js";

/** The one request for a named provider's `options`, or null. */
function firstPageRequest(options) {
  const requests = firstPageRequests(options);
  if (requests) assert.equal(requests.length, 1, "one request for a named provider");
  return requests?.[0] ?? null;
}

test("a known provider's first page, as the widget asks for it", () => {
  const r = firstPageRequest({ provider: " Retell ", proxyUrl: " /p/ ", pageSize: "50", headers: { "X-Csrf": "t 1" }, credentials: "include", timeoutMs: 9000 });
  assert.deepEqual(r, {
    method: "POST",
    url: "/p/v3/list-calls",
    body: '{"include_total":true,"limit":50,"skip":0,"sort_order":"descending"}',
    headers: [["X-Csrf", "t 1"]],
    credentials: "include",
    timeoutMs: 9000,
  });
  const v = firstPageRequest({ provider: "vapi", proxyUrl: "https://crm.example/voice", pageSize: 5 });
  assert.equal(v.url, "https://crm.example/voice/call?limit=5");
  assert.equal(v.body, null);
});

test("defaults where the widget takes them: 25 rows, same-origin, 20 s", () => {
  for (const odd of [{}, { pageSize: "0" }, { pageSize: "101" }, { pageSize: "2.5" }, { pageSize: "lots" }]) {
    const r = firstPageRequest({ provider: "bland", proxyUrl: "/b", ...odd, credentials: "sometimes", timeoutMs: 50 });
    assert.equal(r.url, "/b/v1/calls?from=0&to=25&limit=25", JSON.stringify(odd));
    assert.equal(r.credentials, "same-origin");
    assert.equal(r.timeoutMs, 20000);
  }
});

test("nothing asked in advance where the widget's first request cannot be told", () => {
  const base = { provider: "agentvoice", proxyUrl: "/a" };
  assert.ok(firstPageRequest(base));
  for (const [why, o] of [
    ["unknown provider (the widget's auto, left to it)", { ...base, provider: "twilio" }],
    ["an alias of an id (left to the widget)", { ...base, provider: "Retell AI" }],
    ["no proxy", { ...base, proxyUrl: "  " }],
    ["a proxy URL that is not text (the widget reads none)", { ...base, proxyUrl: new URL("https://crm.example/p") }],
    ["pinned contact", { ...base, contactId: "c-1" }],
    ["pinned phone", { ...base, phoneNumber: "+1555" }],
    ["pinned agent", { ...base, agentId: "a" }],
    ["pinned campaign", { ...base, campaignId: "k" }],
    ["a header the widget would drop", { ...base, headers: { "bad name": "x" } }],
    ["a header value with a line break", { ...base, headers: [["X-A", "1\r\n2"]] }],
  ]) {
    assert.equal(firstPageRequest(o), null, why);
  }
  assert.deepEqual(firstPageRequest({ ...base, headers: new Map([["X-A", "1"]]) }).headers, [["X-A", "1"]], "any iterable of pairs, as the widget reads it");
});

test("auto (the default) asks every provider's first page, each as the named provider's", () => {
  const base = { proxyUrl: "/p", pageSize: 10, headers: { "X-Csrf": "t" } };
  const named = ["agentvoice", "vozagent", "talkover", "zudu", "smallest", "retell", "vapi", "elevenlabs", "bland"].map((provider) =>
    firstPageRequest({ ...base, provider }),
  );
  for (const auto of [{ ...base }, { ...base, provider: " Auto " }, { ...base, provider: "" }]) {
    assert.deepEqual(firstPageRequests(auto), named, JSON.stringify(auto.provider));
  }
  assert.equal(new Set(named.map((r) => r.url)).size, 9, "nine different requests");
  assert.equal(firstPageRequests({ ...base, contactId: "c-1" }), null, "a pinned scope is left to the widget");
});

test("each early answer is taken once, by its own key; abort cancels only those not taken", async () => {
  const seen = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (url, init) => {
    seen.push(url);
    return new Promise((resolve, reject) => {
      init.signal.addEventListener("abort", () => reject(new DOMException("stopped", "AbortError")));
      setTimeout(() => resolve(new Response(`{"from":"${url}"}`, { status: 200 })), 5);
    });
  };
  try {
    const requests = firstPageRequests({ proxyUrl: "/p" });
    const early = sendFirstPages(requests);
    assert.equal(early.key, requestsKey(requests));
    assert.equal(seen.length, 9, "all nine sent at once");
    const vapi = requests.find((r) => r.url === "/p/call?limit=25");
    const reply = early.take(requestKey(vapi));
    assert.ok(reply instanceof Promise);
    assert.equal(early.take(requestKey(vapi)), undefined, "taken once");
    assert.equal(early.take("GET /p/other\n\nsame-origin 20000"), undefined, "an unknown key");
    early.abort();
    assert.deepEqual(await reply, [200, null, '{"from":"/p/call?limit=25"}'], "the one taken still answers");
    // One not taken before the abort: cancelled.
    const other = requests.find((r) => r.url !== vapi.url);
    const [status, , , name] = await early.take(requestKey(other));
    assert.deepEqual([status, name], [0, "AbortError"]);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test("keys list every part, as early::key writes them", () => {
  const post = { method: "POST", url: "/p/v3/list-calls", body: "{}", credentials: "include", timeoutMs: 9000, headers: [["X-Csrf", "t 1"]] };
  assert.equal(requestKey(post), "POST /p/v3/list-calls\n{}\ninclude 9000\nX-Csrf: t 1");
  const get = { method: "GET", url: "/p/call?limit=5", body: null, credentials: "same-origin", timeoutMs: 20000, headers: [] };
  assert.equal(requestKey(get), "GET /p/call?limit=5\n\nsame-origin 20000");
  assert.equal(requestsKey(null), null);
  assert.equal(requestsKey([get, post]), `${requestKey(get)}\n\n${requestKey(post)}`);
});
