// callboard: the <call-board> custom element class and mount() for front-end
// apps, without registering anything (callboard.js registers <call-board>).
// The one file a page includes; it loads its WebAssembly relative to its own
// URL, so it works from any path on any host page.

import init, { mount as mountWasm, offerFirstPage, stylesheet, providerFilters } from "./callboard_wasm.js";
import { firstPageRequests, requestsKey, sendFirstPages } from "./first-page.js";

// User Timing: `callboard:wasm` is the wasm's fetch + compile + instantiate
// (the other callboard:* marks and measures are set by the widget).
performance.mark("callboard:wasm-start");
/** The main module's URL (bundlers rewrite this expression to the asset's). */
const WASM = new URL("./callboard_wasm_bg.wasm", import.meta.url).href;
const ready = init({ module_or_path: WASM }).then((out) => {
  performance.measure("callboard:wasm", "callboard:wasm-start");
  performance.clearMarks("callboard:wasm-start");
  return out;
});

// The safety net. A panic is a bug (no data path may panic), and the
// bundle's panics are immediate traps: the WebAssembly instance cannot go
// on after one. If it traps, every widget on the page shows a clear failure
// state with a reload link instead of a dead region, and fires
// `callboard-error` with `during: "runtime"`, `kind: "panic"`. Plain DOM,
// no inline script (strict CSP hosts).
const live = new Set();
const WASM_DIR = new URL(".", WASM).href;
/** The split modules beside it (a bundler may add a hash to a name). */
const CHUNK = /^(?:split_\w+|chunk_\d+)[\w.-]*\.wasm$/;
const GLUE = import.meta.url.split(/[?#]/)[0];

/**
 * Whether `error` is a trap of this widget's WebAssembly. Browsers name a
 * module compiled from its response by its URL: the trap's top frame is in
 * the main module or a split module beside it. Where the browser could not
 * name it (a server sent the wasm as another type), the widget's glue on the
 * stack decides.
 */
function isWidgetTrap(error) {
  // (By name too: an error from another realm is not an instance of ours.)
  if (!(error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError")) return false;
  const stack = String(error.stack ?? "");
  const top = /([^\s()@]+):wasm-function\[/.exec(stack)?.[1];
  if (top === undefined) return false;
  if (/^(?:https?|file|blob|data):/.test(top)) {
    return top === WASM || (top.startsWith(WASM_DIR) && CHUNK.test(top.slice(WASM_DIR.length)));
  }
  return stack.includes(GLUE);
}

function failAll(error) {
  for (const widget of [...live]) {
    live.delete(widget);
    widget.fail(String(error?.message ?? error));
  }
}
addEventListener("error", (event) => isWidgetTrap(event.error) && failAll(event.error));
addEventListener("unhandledrejection", (event) => isWidgetTrap(event.reason) && failAll(event.reason));

/** The failure state in `box`: what happened, and a way to start again. */
function showFailure(box) {
  const make = (tag, className, text) => {
    const el = document.createElement(tag);
    el.className = className;
    el.textContent = text;
    return el;
  };
  const root = make("div", "cb cb-failed", "");
  root.setAttribute("role", "alert");
  root.setAttribute("part", "root");
  const reload = make("a", "cb-button", "Reload");
  reload.href = location.href;
  root.append(
    make("strong", "cb-error__title", "The call log stopped working."),
    make("p", "cb-error__message", "Something unexpected went wrong. Reloading the page starts it again."),
    reload,
  );
  box.replaceChildren(root);
}

/** Attribute name for each option property (properties only: headers, credentials). */
const ATTRIBUTES = {
  proxyUrl: "proxy-url",
  provider: "provider",
  pageSize: "page-size",
  agentId: "agent-id",
  campaignId: "campaign-id",
  contactId: "contact-id",
  phoneNumber: "phone-number",
  callId: "call-id",
  at: "at",
  momentUrl: "moment-url",
  locale: "locale",
  timeZone: "time-zone",
  theme: "theme",
  live: "live",
  eventsUrl: "events-url",
  pollSeconds: "poll-seconds",
};
const PROPERTY_ONLY = ["headers", "credentials", "timeoutMs"];

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(stylesheet());
  }
  return sheet;
}

/** The widget's container in `host`'s (open) shadow root, made if missing. */
function container(host) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  let box = root.querySelector("[data-callboard-root]");
  if (!box) {
    box = document.createElement("div");
    box.setAttribute("data-callboard-root", "");
    root.append(box);
  }
  return box;
}

/** About the height of the widget's controls, and of one row. */
const CHROME_PX = 250;
const ROW_PX = 59;

/**
 * Holds about the widget's height while its WebAssembly loads, so the host
 * page's content below does not jump when it draws (from then on its
 * loading row, as tall as the page's rows, holds the place). Set through
 * the CSSOM, which a strict `style-src` allows.
 */
function reserve(host, options) {
  const rows = Math.min(Math.max(Number(options.pageSize) || 25, 1), 100);
  container(host).style.minHeight = `${CHROME_PX + rows * ROW_PX}px`;
}

/**
 * Mounts into `host`'s (open) shadow root; returns the wasm handle. `early`
 * is the first page's requests, sent while the WebAssembly loaded
 * (js/first-page.js's `sendFirstPages`), or null.
 */
function attach(host, options, early) {
  const box = container(host);
  host.shadowRoot.adoptedStyleSheets = [styles()];
  if (early) offerFirstPage(early.take, early.abort);
  const handle = mountWasm(box, options, host);
  box.style.minHeight = "";
  return handle;
}

let warmed = false;

/**
 * Loads the locale data the first rows' dates and the pager's numbers need
 * while the WebAssembly downloads (the main thread is idle then), in a task
 * of its own: Chromium's first `Intl.DateTimeFormat` with a date and time
 * style costs 25–50 ms (ICU's pattern data), the first `Intl.NumberFormat`
 * 3–6 ms, later ones well under a millisecond, so the task that draws the
 * first rows no longer pays them. (A currency format, for a call's cost,
 * waits for the call view.) Once a page.
 */
function warmIntl(options) {
  if (warmed) return;
  warmed = true;
  setTimeout(() => {
    const locale = options.locale || undefined;
    const timeZone = options.timeZone || undefined;
    try {
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(0);
      new Intl.NumberFormat(locale).format(0);
    } catch {
      // An unknown locale or zone: the widget falls back by itself.
    }
  }, 0);
}

/** Resolves in a new task. */
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The handle's internal "replace all options" (the element's way in). */
const REPLACE = Symbol("callboard.replace");

/** Options without the keys set to `null` or `undefined` (those clear). */
function present(options) {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * Mounts the widget into `element` (inside an open shadow root) and returns a
 * handle: `update(options)`, `refresh()`, `openCall(id)`, `unmount()`. Events
 * (`callboard-select`, `callboard-page-change`, `callboard-filter-change`,
 * `callboard-playback-start`, `callboard-error`, `callboard-moment`) are
 * dispatched on `element`.
 *
 * Option changes made in one task reach the widget together (a microtask
 * later), so a burst of attribute changes ends in one state and one request.
 */
export function mount(element, options = {}) {
  let current = present(options);
  let handle = null;
  let gone = false;
  let queued = false;
  const pending = [];
  reserve(element, current);
  warmIntl(current);
  // The first page is asked for now, not once the WebAssembly is running;
  // asked again if the options change its request before it is used (once
  // for the changes of one task).
  const ask = () => {
    const requests = firstPageRequests(current);
    return requests && sendFirstPages(requests);
  };
  let early = ask();
  let asking = false;
  const askAgain = () => {
    if (asking) return;
    asking = true;
    queueMicrotask(() => {
      asking = false;
      if (handle || gone || requestsKey(firstPageRequests(current)) === (early?.key ?? null)) return;
      early?.abort();
      early = ask();
    });
  };
  const widget = {
    fail(message) {
      gone = true;
      // The instance is dead: nothing more is asked of it.
      handle = null;
      showFailure(container(element));
      element.dispatchEvent(
        new CustomEvent("callboard-error", {
          bubbles: true,
          composed: true,
          detail: { during: "runtime", kind: "panic", message },
        }),
      );
    },
  };
  live.add(widget);
  // A task between instantiating the WebAssembly and drawing the widget:
  // the browser may paint and take input in between (two shorter tasks, not
  // one long one).
  const started = ready.then(nextTask).then(() => {
    if (gone) return;
    handle = attach(element, current, early);
    early = null;
    for (const run of pending.splice(0)) run(handle);
  });
  const flush = () => {
    if (!queued) return;
    queued = false;
    handle?.update(current);
  };
  const changed = () => {
    if (!handle || queued) return;
    queued = true;
    queueMicrotask(flush);
  };
  // Commands run after the option changes made before them.
  const call = (fn) => {
    flush();
    if (handle) fn(handle);
    else pending.push(fn);
  };
  return {
    ready: started,
    update(next) {
      current = present({ ...current, ...next });
      changed();
      askAgain();
    },
    [REPLACE](all) {
      current = present(all);
      changed();
      askAgain();
    },
    refresh() {
      call((h) => h.refresh());
    },
    openCall(id) {
      call((h) => h.openCall(String(id)));
    },
    unmount() {
      live.delete(widget);
      gone = true;
      queued = false;
      early?.abort();
      early = null;
      if (handle) {
        handle.unmount();
        handle.free();
        handle = null;
      }
      element.shadowRoot?.querySelector("[data-callboard-root]")?.remove();
    },
  };
}

/** The `<call-board>` element. */
export class CallBoardElement extends HTMLElement {
  static get observedAttributes() {
    return Object.values(ATTRIBUTES);
  }

  constructor() {
    super();
    this._props = {};
    this._mounted = null;
  }

  connectedCallback() {
    // Properties set before the element upgraded shadow the accessors:
    // take them over.
    for (const name of [...Object.keys(ATTRIBUTES), ...PROPERTY_ONLY]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this._mounted) this._mounted = mount(this, this._options());
  }

  disconnectedCallback() {
    this._mounted?.unmount();
    this._mounted = null;
  }

  attributeChangedCallback() {
    this._mounted?.[REPLACE](this._options());
  }

  /** Forgets cached data and loads the current page again. */
  refresh() {
    this._mounted?.refresh();
  }

  /** Opens a call's detail. */
  openCall(id) {
    if (this._mounted) this._mounted.openCall(id);
    else this.callId = String(id);
  }

  /** Every option as the element holds it now: removed attributes and
   * cleared properties are absent, so they clear in the widget. */
  _options() {
    const o = { ...this._props };
    for (const [prop, attr] of Object.entries(ATTRIBUTES)) {
      const v = this.getAttribute(attr);
      if (v !== null) o[prop] = v;
    }
    return o;
  }
}

for (const [prop, attr] of Object.entries(ATTRIBUTES)) {
  Object.defineProperty(CallBoardElement.prototype, prop, {
    configurable: true,
    enumerable: true,
    get() {
      return this.getAttribute(attr);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attr);
      else this.setAttribute(attr, String(value));
    },
  });
}
for (const prop of PROPERTY_ONLY) {
  Object.defineProperty(CallBoardElement.prototype, prop, {
    configurable: true,
    enumerable: true,
    get() {
      return this._props[prop];
    },
    set(value) {
      if (value === null || value === undefined) delete this._props[prop];
      else this._props[prop] = value;
      this._mounted?.[REPLACE](this._options());
    },
  });
}

/** Registers `<call-board>` (or another tag name); safe to call twice. */
export function defineCallBoard(tagName = "call-board") {
  if (!customElements.get(tagName)) {
    customElements.define(tagName, class extends CallBoardElement {});
  }
  return customElements.whenDefined(tagName);
}

/** Resolves once the WebAssembly has loaded. */
export const whenReady = ready;

/** The filters a provider applies server-side (`contact`, `phone`, ...). */
export async function filtersOf(provider) {
  await ready;
  return providerFilters(provider);
}
