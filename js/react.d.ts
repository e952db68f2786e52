// JSX typings of <call-board> for React 19 + TypeScript:
//   import "callboard/react";   // registers the element and brings these types
//   <call-board proxy-url="/voice-proxy" contact-id={id ?? undefined}
//               headers={{ "X-CSRF-Token": token }}
//               oncallboard-select={(e) => open(e.detail.id)} />
// React 19 sets `headers`, `credentials`, `timeoutMs` and the other
// properties the element defines as properties, the kebab-case names as
// attributes (an `undefined` value removes the attribute, which clears the
// option), and adds `on<event-name>` functions as event listeners.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  CallBoardElement,
  CallBoardOptions,
  CallSelectDetail,
  FilterChangeDetail,
  LiveDetail,
  LoadErrorDetail,
  MomentDetail,
  PageChangeDetail,
  PlaybackStartDetail,
  ProviderId,
} from "./element.js";

export * from "./element.js";

/** The attributes, properties and events of `<call-board>` in JSX. */
export interface CallBoardJSXProps extends DetailedHTMLProps<HTMLAttributes<CallBoardElement>, CallBoardElement> {
  /** Base URL of your proxy. Required. */
  "proxy-url"?: string;
  provider?: ProviderId | "auto";
  "page-size"?: number | string;
  "agent-id"?: string;
  "campaign-id"?: string;
  "contact-id"?: string;
  "phone-number"?: string;
  "call-id"?: string;
  at?: string | number;
  "moment-url"?: string;
  locale?: string;
  "time-zone"?: string;
  theme?: "light" | "dark" | "auto";
  /** Calls as they happen: `"auto"` (default) or `"off"`. */
  live?: "auto" | "off";
  /** The event stream's URL; `{proxy-url}/events` by default. */
  "events-url"?: string;
  /** Seconds between polls where there is no event stream (5–3600; 30 by default). */
  "poll-seconds"?: number | string;
  /** Extra request headers for the proxy (set as a property). */
  headers?: CallBoardOptions["headers"];
  /** Fetch credentials mode (set as a property). */
  credentials?: CallBoardOptions["credentials"];
  /** Request timeout in milliseconds (set as a property). */
  timeoutMs?: number;
  class?: string;
  "oncallboard-select"?: (event: CustomEvent<CallSelectDetail>) => void;
  "oncallboard-page-change"?: (event: CustomEvent<PageChangeDetail>) => void;
  "oncallboard-filter-change"?: (event: CustomEvent<FilterChangeDetail>) => void;
  "oncallboard-playback-start"?: (event: CustomEvent<PlaybackStartDetail>) => void;
  "oncallboard-error"?: (event: CustomEvent<LoadErrorDetail>) => void;
  "oncallboard-moment"?: (event: CustomEvent<MomentDetail>) => void;
  "oncallboard-live"?: (event: CustomEvent<LiveDetail>) => void;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "call-board": CallBoardJSXProps;
    }
  }
}
