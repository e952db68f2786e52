// Types for callboard's JavaScript API: mount(), the <call-board> element,
// and the details of the events it dispatches.

/** A voice-AI provider the widget speaks. */
export type ProviderId = "agentvoice" | "vozagent" | "talkover" | "zudu" | "smallest" | "retell" | "vapi" | "elevenlabs" | "bland";

/** Options of `mount()` and `handle.update()`; the element's attributes map onto them. */
export interface CallBoardOptions {
  /** Base URL of your proxy; the provider's native paths are appended (`proxy-url`). Required. */
  proxyUrl: string;
  /** The provider behind the proxy, or `"auto"` to recognise it (`provider`). Default `"auto"`. */
  provider?: ProviderId | "auto";
  /** Rows per page, 1–100 (`page-size`). Default 25. */
  pageSize?: number | string;
  /** Pin the list to one agent (`agent-id`). */
  agentId?: string;
  /** Pin the list to one campaign (`campaign-id`). */
  campaignId?: string;
  /** Pin the list to one CRM contact (`contact-id`). */
  contactId?: string;
  /** Pin the list to one customer number (`phone-number`). */
  phoneNumber?: string;
  /** Open this call on load (`call-id`). */
  callId?: string;
  /** With `callId`: seek its recording there (`at`): milliseconds, `"m:ss"` or `"h:mm:ss"`. */
  at?: string | number;
  /**
   * The link to a moment (`moment-url`), e.g.
   * `"https://crm.example.com/calls/{id}?t={seconds}"` (`{id}`, `{seconds}`,
   * `{ms}`): the player then offers "Copy link to this moment", which copies
   * it and fires `callboard-moment`. The widget never changes the page's URL.
   */
  momentUrl?: string;
  /** BCP 47 language of the widget's words, dates and numbers (`locale`). Default: the nearest `lang` attribute, then the browser's. */
  locale?: string;
  /** IANA time zone for dates (`time-zone`). Default: the browser's. */
  timeZone?: string;
  /** Colour theme (`theme`). Default `"auto"`. */
  theme?: "light" | "dark" | "auto";
  /** Extra request headers for the proxy, e.g. a CSRF token. Property only. */
  headers?: Record<string, string> | [string, string][] | Headers;
  /** Fetch credentials mode. Property only. Default `"same-origin"`. */
  credentials?: "omit" | "same-origin" | "include";
  /** Request timeout in milliseconds (1000–120000). Default 20000. */
  timeoutMs?: number;
  /**
   * Calls as they happen (`live`). `"auto"` (the default) listens to the
   * proxy's event stream (`{proxyUrl}/events`, or `eventsUrl`) and, where
   * there is none, asks for the first page every `pollSeconds` while the
   * page is visible; `"off"` sends nothing beyond what the reader asks for.
   */
  live?: "auto" | "off";
  /** The event stream's URL (`events-url`). Default `{proxyUrl}/events`. */
  eventsUrl?: string;
  /** Seconds between two polls where there is no event stream (`poll-seconds`, 5–3600). Default 30. */
  pollSeconds?: number | string;
}

/** What `mount()` returns. */
export interface CallBoardHandle {
  /** Resolves once the widget is on the page. */
  readonly ready: Promise<void>;
  /**
   * Applies changed options, merged with the current ones; a key set to
   * `null` or `undefined` clears that option (as a removed attribute does).
   * Changes made in one task are applied together.
   */
  update(options: { [K in keyof CallBoardOptions]?: CallBoardOptions[K] | null }): void;
  /** Forgets cached data and loads the current page again. */
  refresh(): void;
  /** Opens a call's detail. */
  openCall(id: string): void;
  /** Removes the widget: its DOM, listeners, timers and pending requests. */
  unmount(): void;
}

/** `callboard-select`: a call was opened. */
export interface CallSelectDetail {
  id: string;
  provider: ProviderId;
}

/** `callboard-page-change`: the page shown changed. */
export interface PageChangeDetail {
  page: number;
  pageSize: number;
}

/** `callboard-filter-change`: the user's filters changed (the pinned scope is not included). */
export interface FilterChangeDetail {
  filters: {
    status?: string;
    direction?: "inbound" | "outbound" | "web";
    callType?: string;
    agentId?: string;
    campaignId?: string;
    contactId?: string;
    phoneNumber?: string;
    search?: string;
    endReason?: string;
    /** The provider's sentiment value (Retell: `Positive`, `Neutral`, ...). */
    sentiment?: string;
    /** The provider's outcome value (Retell: `successful` / `unsuccessful`; ElevenLabs: `success` / `failure` / `unknown`). */
    outcome?: string;
    /** Epoch milliseconds, inclusive. */
    dateFrom?: number;
    /** Epoch milliseconds, exclusive. */
    dateTo?: number;
    minDurationMs?: number;
    maxDurationMs?: number;
  };
}

/** `callboard-playback-start`: a recording started playing. */
export interface PlaybackStartDetail {
  id: string;
  positionMs: number;
}

/** `callboard-error`: loading failed (the widget shows it with a retry). */
export interface LoadErrorDetail {
  during: "list" | "detail" | "recording" | "live" | "runtime";
  kind: "unauthorized" | "forbidden" | "not_found" | "validation" | "rate_limited" | "server" | "rejected" | "network" | "timeout" | "unreadable" | "query" | "code" | "panic";
  message: string;
  status?: number;
}

/** `callboard-moment`: a reviewer copied the link to a moment of a call. */
export interface MomentDetail {
  id: string;
  positionMs: number;
  /** The link made from `moment-url` (absent when it is not an http(s) link). */
  url?: string;
}

/**
 * `callboard-live`: how the widget hears of calls as they happen now:
 * `connected` (the event stream), `polling` (no stream, or it failed),
 * `offline` (neither works just now; the list stays as it is).
 */
export interface LiveDetail {
  state: "connected" | "polling" | "offline";
}

export interface CallBoardEventMap {
  "callboard-select": CustomEvent<CallSelectDetail>;
  "callboard-page-change": CustomEvent<PageChangeDetail>;
  "callboard-filter-change": CustomEvent<FilterChangeDetail>;
  "callboard-playback-start": CustomEvent<PlaybackStartDetail>;
  "callboard-error": CustomEvent<LoadErrorDetail>;
  "callboard-moment": CustomEvent<MomentDetail>;
  "callboard-live": CustomEvent<LiveDetail>;
}

/** The `<call-board>` element. Attributes mirror the properties below. */
export declare class CallBoardElement extends HTMLElement {
  proxyUrl: string | null;
  provider: string | null;
  pageSize: string | null;
  agentId: string | null;
  campaignId: string | null;
  contactId: string | null;
  phoneNumber: string | null;
  callId: string | null;
  at: string | null;
  momentUrl: string | null;
  locale: string | null;
  timeZone: string | null;
  theme: string | null;
  live: string | null;
  eventsUrl: string | null;
  pollSeconds: string | null;
  headers: CallBoardOptions["headers"];
  credentials: CallBoardOptions["credentials"];
  timeoutMs: number | undefined;
  /** Forgets cached data and loads the current page again. */
  refresh(): void;
  /** Opens a call's detail. */
  openCall(id: string): void;
  addEventListener<K extends keyof CallBoardEventMap>(type: K, listener: (this: CallBoardElement, ev: CallBoardEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** Mounts the widget into `element` (in an open shadow root). */
export declare function mount(element: HTMLElement, options: CallBoardOptions): CallBoardHandle;

/** Registers `<call-board>` (or another tag name). Safe to call twice. */
export declare function defineCallBoard(tagName?: string): Promise<CustomElementConstructor>;

/** Resolves once the WebAssembly has loaded. */
export declare const whenReady: Promise<void>;

/** The filters a provider applies server-side (`"contact"`, `"phone"`, ...). */
export declare function filtersOf(provider: ProviderId): Promise<string[]>;

declare global {
  interface HTMLElementTagNameMap {
    "call-board": CallBoardElement;
  }
}
