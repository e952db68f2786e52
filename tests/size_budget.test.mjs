// The size budget: the gzip total of the script-tag bundle in dist/ stays
// under the ceiling in size-budget.json (size is deterministic, unlike
// time). Run by `make test` after the bundle is built.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sizes } from "../scripts/sizes.mjs";

const budget = JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url), "utf8"));

test("the bundle's gzip total stays under its ceiling", () => {
  const { files, total } = sizes(process.env.SIZE_DIST ?? "dist");
  assert.ok(files.some((f) => f.name.endsWith(".wasm")), "dist/ holds the wasm");
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `bundle: ${kb(total.gzip)} gzip (${files.map((f) => `${f.name} ${kb(f.gzip)}`).join(", ")}); ` +
      `ceiling ${kb(budget.ceiling)}, design target ${kb(budget.target)} (${total.gzip <= budget.target ? "met" : `${kb(total.gzip - budget.target)} over`})`,
  );
  assert.ok(total.gzip <= budget.ceiling, `bundle is ${total.gzip} bytes gzip, over the ceiling of ${budget.ceiling}`);
});
