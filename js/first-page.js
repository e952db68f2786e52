// The first page's request, sent by the script while the WebAssembly
// downloads, compiles and starts, instead of after: the answer is usually
// there when the widget draws, so its rows come with the widget's first
// render (one network round trip sooner, and no frame of an empty table).
//
// The widget decides what it asks for (`Provider::list_request` in Rust);
// this only tells its first requests in advance for the plain case (no
// pinned scope) from the table below, which `cargo test`
// (src/net/early.rs) checks against each provider's own request for every
// page size: the named provider's first page, or with `auto` (the
// default) every provider's, as the widget's `auto` asks them all at
// once. The widget takes an answer only when one of its own requests has
// the same key (method, URL, body, headers, credentials, timeout);
// otherwise it sends its own, and what it did not take is cancelled.

/**
 * Each provider's first list request, `"METHOD path"` and for a POST a
 * space and the body; `{n}` is the page size.
 */
const REQUESTS = {
  "agentvoice": "GET /api/calls?limit={n}&offset=0&fields=light",
  "vozagent": "GET /v1/calls?limit={n}&offset=0",
  "talkover": "GET /api/v1/calls?page=1&per_page={n}",
  "zudu": "GET /api/calls?page=0&limit={n}",
  "smallest": "GET /atoms/v1/conversation?page=1&limit={n}",
  "retell": "POST /v3/list-calls {\"include_total\":true,\"limit\":{n},\"skip\":0,\"sort_order\":\"descending\"}",
  "vapi": "GET /call?limit={n}",
  "elevenlabs": "GET /v1/convai/conversations?page_size={n}&summary_mode=include",
  "bland": "GET /v1/calls?from=0&to={n}&limit={n}"
};

/** Scope options: a pinned list is left to the widget. */
const PINS = ["agentId", "campaignId", "contactId", "phoneNumber"];
/** A header name the Fetch standard accepts (a token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** An option's text, as the widget reads it (a string or a number). */
const text = (v) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");

/** A whole number from an option, or `fallback` outside `min`–`max`. */
function whole(v, min, max, fallback) {
  const t = text(v);
  const n = Number(t);
  return /^\d+$/.test(t) && n >= min && n <= max ? n : fallback;
}

/** The `headers` option as name/value pairs, or null if any is not plain. */
function headerPairs(h) {
  if (h === null || h === undefined) return [];
  let pairs;
  try {
    pairs = Array.isArray(h) ? h : typeof h[Symbol.iterator] === "function" ? [...h] : Object.entries(h);
  } catch {
    return null;
  }
  const plain = pairs.every(
    (p) => Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string" && TOKEN.test(p[0]) && !/[\r\n\0]/.test(p[1]),
  );
  return plain ? pairs.map(([k, v]) => [k, v]) : null;
}

/**
 * The widget's first requests for `options` (as `mount()` takes them),
 * each `{ method, url, body, headers, credentials, timeoutMs }`: the named
 * provider's first page; with `provider` unset or `auto`, every
 * provider's, in the table's order. Null where they cannot be told in
 * advance (a pinned scope, a header the widget would drop, a provider
 * name other than a plain id).
 */
export function firstPageRequests(options) {
  const name = text(options.provider).toLowerCase();
  const entries = name === "" || name === "auto" ? Object.values(REQUESTS) : REQUESTS[name] ? [REQUESTS[name]] : [];
  const base = text(options.proxyUrl);
  const headers = headerPairs(options.headers);
  if (!entries.length || !base || !headers || PINS.some((k) => text(options[k]))) return null;
  const mode = text(options.credentials).toLowerCase();
  const size = whole(options.pageSize, 1, 100, 25);
  return entries.map((entry) => {
    const [method, path, body = null] = entry.replaceAll("{n}", size).split(" ");
    return {
      method,
      url: base.replace(/\/+$/, "") + path,
      body,
      headers,
      credentials: mode === "omit" || mode === "include" ? mode : "same-origin",
      timeoutMs: whole(options.timeoutMs, 1000, 120000, 20000),
    };
  });
}

/**
 * What identifies `request` (one of [`firstPageRequests`]), as the widget
 * writes it too (`early::key` in Rust): method and URL, the body, the
 * credentials mode and timeout, then each extra header.
 */
export function requestKey(request) {
  const { method, url, body, credentials, timeoutMs, headers } = request;
  return `${method} ${url}\n${body ?? ""}\n${credentials} ${timeoutMs}` + headers.map(([k, v]) => `\n${k}: ${v}`).join("");
}

/** What identifies a set of requests ([`firstPageRequests`], or null). */
export function requestsKey(requests) {
  return requests ? requests.map(requestKey).join("\n\n") : null;
}

/**
 * Sends `requests` (from [`firstPageRequests`]) as the widget would.
 * Returns `{ key, take, abort }`: their key ([`requestsKey`]);
 * `take(key)`, the promise of the answer of the request with that key
 * ([`requestKey`]) read whole (`[status, retryAfter, body]`, or
 * `[0, null, null, name, message]` if it failed), once, or undefined; and
 * a way to cancel those not taken.
 */
export function sendFirstPages(requests) {
  const sent = new Map(requests.map((r) => [requestKey(r), send(r)]));
  const taken = new Set();
  return {
    key: requestsKey(requests),
    take(key) {
      if (taken.has(key) || !sent.has(key)) return undefined;
      taken.add(key);
      return sent.get(key).reply;
    },
    abort() {
      for (const [key, { abort }] of sent) if (!taken.has(key)) abort();
    },
  };
}

/** Sends one request: `{ reply, abort }`. */
function send(request) {
  const controller = new AbortController();
  // Each header set in the order the widget sets them (a later one of the
  // same name replaces an earlier one).
  const headers = new Headers();
  for (const [k, v] of [["Accept", "application/json"], ...request.headers]) headers.set(k, v);
  const init = {
    method: request.method,
    headers,
    credentials: request.credentials,
    signal: AbortSignal.any([AbortSignal.timeout(request.timeoutMs), controller.signal]),
  };
  if (request.body !== null) {
    headers.set("Content-Type", "application/json");
    init.body = request.body;
  }
  // Read whole, so the widget has the answer as soon as it asks; a
  // failure as its name and message (the promise never rejects).
  const reply = fetch(request.url, init).then(
    async (r) => [r.status, r.headers.get("retry-after"), await r.text()],
  ).catch((e) => [0, null, null, String(e?.name ?? ""), String(e?.message ?? e)]);
  return { reply, abort: () => controller.abort() };
}
