// Types for the script-tag entry: the same API as element.js.
export * from "./element.js";
