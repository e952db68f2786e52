// The size budget: the gzip total of the script-tag bundle in dist/ stays
// under the ceiling in size-budget.json (size is deterministic, unlike
// time). Run by `make test` after the bundle is built.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sizes } from "../scripts/sizes.mjs";

const budget = JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url), "utf8"));

test("the bundle's gzip total, and what loads before the first rows, stay under their ceilings", () => {
  const { files, total, upfront } = sizes(process.env.SIZE_DIST ?? "dist");
  assert.ok(files.some((f) => f.name.endsWith(".wasm") && !f.onDemand), "dist/ holds the main wasm");
  assert.ok(files.some((f) => f.onDemand), "dist/ holds the call view's chunk (the bundle is split)");
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `bundle: ${kb(total.gzip)} gzip (${files.map((f) => `${f.name} ${kb(f.gzip)}`).join(", ")}); ` +
      `before the first rows ${kb(upfront.gzip)} (ceiling ${kb(budget.upfrontCeiling)}, required ${kb(budget.upfrontRequired)}, ` +
      `design target ${kb(budget.target)}: ${upfront.gzip <= budget.target ? "met" : `${kb(upfront.gzip - budget.target)} over`}); ` +
      `total ceiling ${kb(budget.ceiling)}`,
  );
  assert.ok(upfront.gzip <= budget.upfrontCeiling, `before the first rows: ${upfront.gzip} bytes gzip, over the ceiling of ${budget.upfrontCeiling}`);
  assert.ok(total.gzip <= budget.ceiling, `bundle is ${total.gzip} bytes gzip, over the ceiling of ${budget.ceiling}`);
});

test("every file has .br and .gz beside it that unpack to the same bytes", async () => {
  const { readdirSync } = await import("node:fs");
  const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
  const dir = process.env.SIZE_DIST ?? "dist";
  const names = readdirSync(dir).filter((f) => /\.(js|wasm)$/.test(f));
  assert.ok(
    names.includes("callboard.js") && names.includes("callboard_wasm_bg.wasm") && names.some((n) => /^split_.*\.wasm$/.test(n)),
    `dist/ holds the bundle: ${names}`,
  );
  for (const name of names) {
    const bytes = readFileSync(`${dir}/${name}`);
    const br = readFileSync(`${dir}/${name}.br`);
    const gz = readFileSync(`${dir}/${name}.gz`);
    // (A file of a few dozen bytes would not get smaller; its siblings
    // would be there for servers that expect them.)
    if (bytes.length >= 1024) assert.ok(br.length < bytes.length && gz.length < bytes.length, `${name} is compressed`);
    assert.ok(brotliDecompressSync(br).equals(bytes), `${name}.br unpacks to ${name}`);
    assert.ok(gunzipSync(gz).equals(bytes), `${name}.gz unpacks to ${name}`);
  }
});

// serde_json's `Value` written through `Display` (`value.to_string()`,
// `format!("{value}")`) goes through `std::io::Write`, whose error type
// brings std's I/O errors and the Unicode tables of `Debug` into the
// bundle: about 1 KB gzip. Its adapter's error message is the marker.
// Write JSON with `core::json::to_text` (or `serde_json::to_string_pretty`).
test("no module writes JSON through Display (serde_json's io::Write adapter)", () => {
  const dir = process.env.SIZE_DIST ?? "dist";
  const { files } = sizes(dir);
  const marker = Buffer.from("fmt error");
  const found = files.filter((f) => f.name.endsWith(".wasm") && readFileSync(`${dir}/${f.name}`).includes(marker));
  assert.deepEqual(
    found.map((f) => f.name),
    [],
    "a serde_json::Value is formatted with Display somewhere: use core::json::to_text",
  );
});
