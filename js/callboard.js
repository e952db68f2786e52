// callboard, script-tag entry: <script type="module" src=".../callboard.js">
// registers <call-board> as soon as it loads. Everything element.js exports
// is exported here too.
export * from "./element.js";
import { defineCallBoard } from "./element.js";

defineCallBoard();
