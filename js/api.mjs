// The <call-board> element's public API as data: the one source that the
// Custom Elements Manifest, VS Code's HTML custom data and JetBrains'
// web-types are made from (scripts/manifest.mjs), and that the element's
// own attribute table (element.js), its typings (element.d.ts) and the
// React typings (react.d.ts) are checked against (tests/manifest.test.mjs).
// Not bundled: the widget carries none of these words.

/** The element. */
export const ELEMENT = {
  tagName: "call-board",
  className: "CallBoardElement",
  summary: "An embeddable call log for CRM pages: voice-AI agent calls, transcripts and recordings.",
  description:
    "Fetches calls through your proxy (API keys never reach the browser) and shows a paginated, " +
    "sortable, filterable call table, a call's detail, its transcript synced with the recording, and " +
    "the recording's player. Attributes mirror properties (`proxy-url` ⇄ `proxyUrl`); removing an " +
    "attribute clears that option.",
};

const PROVIDERS = ["agentvoice", "vozagent", "talkover", "zudu", "smallest", "retell", "vapi", "elevenlabs", "bland"];

/**
 * Options that are attributes and properties alike. `type` is the
 * attribute's TypeScript type as written in the JSX typings; `values`
 * lists the words of an enumerated one (for editors' completion).
 */
export const ATTRIBUTES = [
  {
    name: "proxy-url",
    property: "proxyUrl",
    type: "string",
    required: true,
    description:
      "Required. Your proxy's base URL; the provider's native path and query are appended. Until it is set the widget fetches nothing and says so.",
  },
  {
    name: "provider",
    property: "provider",
    type: `${PROVIDERS.map((p) => `"${p}"`).join(" | ")} | "auto"`,
    values: [...PROVIDERS, "auto"],
    default: '"auto"',
    description: "The provider behind the proxy, or `auto` to recognise it from its first answer (for trying the widget out; name it in production).",
  },
  { name: "page-size", property: "pageSize", type: "number | string", default: "25", description: "Rows per page, 1–100 (the user can change it)." },
  { name: "agent-id", property: "agentId", type: "string", description: "Pin the list to one agent (hidden from the filters)." },
  { name: "campaign-id", property: "campaignId", type: "string", description: "Pin the list to one campaign." },
  { name: "contact-id", property: "contactId", type: "string", description: "Pin the list to one CRM contact (a record page)." },
  { name: "phone-number", property: "phoneNumber", type: "string", description: "Pin the list to one customer number." },
  { name: "call-id", property: "callId", type: "string", description: "Open this call on load." },
  {
    name: "at",
    property: "at",
    type: "string | number",
    description: "With `call-id`: seek its recording to this moment (milliseconds, `m:ss` or `h:mm:ss`); changing it seeks the open call.",
  },
  {
    name: "moment-url",
    property: "momentUrl",
    type: "string",
    description:
      "A link template for moments, e.g. `https://crm.example.com/calls/{id}?t={seconds}` (`{id}`, `{seconds}`, `{ms}`): the player then offers “Copy link to this moment”, which copies the link and fires `callboard-moment`.",
  },
  { name: "locale", property: "locale", type: "string", description: "BCP 47 language of the widget's words, dates and numbers (default: the nearest lang attribute, then the browser's)." },
  { name: "time-zone", property: "timeZone", type: "string", description: "IANA time zone for dates (default: the browser's)." },
  {
    name: "theme",
    property: "theme",
    type: '"light" | "dark" | "auto"',
    values: ["light", "dark", "auto"],
    default: '"auto"',
    description: "Colour theme; `auto` follows `prefers-color-scheme`.",
  },
  {
    name: "live",
    property: "live",
    type: '"auto" | "off"',
    values: ["auto", "off"],
    default: '"auto"',
    description:
      "Calls as they happen: `auto` listens to the proxy's event stream and polls the first page where there is none; `off` sends nothing beyond what the reader asks for.",
  },
  { name: "events-url", property: "eventsUrl", type: "string", description: "The event stream's URL (default `{proxy-url}/events`)." },
  {
    name: "poll-seconds",
    property: "pollSeconds",
    type: "number | string",
    default: "30",
    description: "Seconds between two polls of the first page where there is no event stream, 5–3600.",
  },
];

/** Options that are properties only (values an attribute cannot hold). */
export const PROPERTIES = [
  {
    name: "headers",
    type: 'CallBoardOptions["headers"]',
    description: 'Extra request headers for your proxy, e.g. `{ "X-CSRF-Token": token }` (object, pairs or `Headers`).',
  },
  {
    name: "credentials",
    type: 'CallBoardOptions["credentials"]',
    default: '"same-origin"',
    description: "Fetch credentials mode: `same-origin`, `include` or `omit`.",
  },
  { name: "timeoutMs", type: "number | undefined", default: "20000", description: "Request timeout in milliseconds, 1000–120000." },
];

/** The element's methods. */
export const METHODS = [
  { name: "refresh", parameters: [], return: "void", description: "Forgets cached data and loads the current page again." },
  { name: "openCall", parameters: [{ name: "id", type: "string" }], return: "void", description: "Opens a call's detail." },
];

/** The events it dispatches (all bubble and are composed), and their `detail` types in element.d.ts. */
export const EVENTS = [
  { name: "callboard-select", detail: "CallSelectDetail", description: "A call was opened: `{ id, provider }`." },
  { name: "callboard-page-change", detail: "PageChangeDetail", description: "The page shown changed: `{ page, pageSize }`." },
  {
    name: "callboard-filter-change",
    detail: "FilterChangeDetail",
    description: "The user's filters changed: `{ filters }` (dates in epoch ms; the pinned scope is not included).",
  },
  { name: "callboard-playback-start", detail: "PlaybackStartDetail", description: "A recording started playing: `{ id, positionMs }`." },
  {
    name: "callboard-error",
    detail: "LoadErrorDetail",
    description: "Loading failed; the widget shows it with a retry itself: `{ during, kind, message, status? }`.",
  },
  {
    name: "callboard-moment",
    detail: "MomentDetail",
    description: "The reviewer copied the link to a moment of a call: `{ id, positionMs, url? }`.",
  },
  {
    name: "callboard-live",
    detail: "LiveDetail",
    description: "How the widget hears of calls as they happen now: `{ state: \"connected\" | \"polling\" | \"offline\" }`.",
  },
];

/** Its `::part()` names. */
export const PARTS = [
  { name: "root", description: "The widget's box." },
  { name: "filters", description: "The filter bar." },
  { name: "table", description: "The call table's scrolling frame." },
  { name: "column-chooser", description: "The chooser of the table's columns." },
  { name: "pager", description: "The pager under the table." },
  { name: "error", description: "An error notice with its retry." },
  { name: "detail", description: "The open call's panel." },
  { name: "player", description: "The recording's player." },
  { name: "transcript", description: "The transcript." },
];

/** The custom properties it reads (they inherit from the host page). */
export const CSS_PROPERTIES = [
  { name: "--callboard-bg", syntax: "<color>", description: "Background." },
  { name: "--callboard-surface", syntax: "<color>", description: "Background of raised surfaces (headers, the player)." },
  { name: "--callboard-fg", syntax: "<color>", description: "Text." },
  { name: "--callboard-muted", syntax: "<color>", description: "Quieter text (labels, secondary lines)." },
  { name: "--callboard-border", syntax: "<color>", description: "Borders and rules." },
  { name: "--callboard-accent", syntax: "<color>", description: "Accent: links, the current page, the play button." },
  { name: "--callboard-accent-fg", syntax: "<color>", description: "Text on the accent." },
  { name: "--callboard-row-hover", syntax: "<color>", description: "A row or button under the pointer." },
  { name: "--callboard-row-selected", syntax: "<color>", description: "The open call's row; the filters' chips." },
  { name: "--callboard-focus", syntax: "<color>", description: "The focus ring." },
  { name: "--callboard-danger", syntax: "<color>", description: "Errors and failed calls." },
  { name: "--callboard-danger-bg", syntax: "<color>", description: "Background of error notices." },
  { name: "--callboard-success", syntax: "<color>", description: "Completed calls' dots; the live dot when connected." },
  { name: "--callboard-warning", syntax: "<color>", description: "Voicemail and cancelled calls' dots; both speakers at once on the timeline." },
  { name: "--callboard-agent", syntax: "<color>", description: "The agent's turns and timeline." },
  { name: "--callboard-customer", syntax: "<color>", description: "The customer's turns and timeline." },
  { name: "--callboard-mark", syntax: "<color>", description: "Search matches in the transcript." },
  { name: "--callboard-radius", syntax: "<length>", description: "Corner radius." },
  { name: "--callboard-font", syntax: "*", description: "Font family." },
  { name: "--callboard-font-size", syntax: "<length>", description: "Base font size." },
];
