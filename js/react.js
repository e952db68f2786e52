// callboard for React 19 apps: registers <call-board> (as callboard.js does);
// its types (react.d.ts) teach TypeScript's JSX the element's attributes,
// properties and `oncallboard-*` events.
export * from "./callboard.js";
