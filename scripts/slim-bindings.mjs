// Slims wasm-bindgen's output for the bundle (scripts/dist.sh), before
// wasm-opt and esbuild:
//
// - Short import names. wasm-bindgen names each JavaScript function the
//   wasm imports `__wbg_<name>_<16 hex digits>` (over 200 of them, 7 KB
//   in the wasm and again in the glue, and the hex digits do not compress).
//   They are renamed `a`, `b`, ... `ba`, ... in the wasm's import section
//   and in the glue's imports object, and their module
//   `./callboard_wasm_bg.js` to `w`. binaryen's `--minify-imports` renames
//   only Emscripten's `env` imports, hence this.
// - Short names for the closures' entry points: wasm-bindgen exports each
//   kind of closure's invoke function under its full Rust type path (up
//   to 300 characters each, in the wasm and in the glue's calls); they
//   are exported as `c0`, `c1`, ... instead.
// - No dead stream classes in the glue. Leptos always builds server_fn
//   with wasm-streams, whose `IntoUnderlying*` classes are wasm-bindgen
//   exports though callboard never calls a server function;
//   scripts/link-wasm.sh keeps them out of the module, and this removes
//   the JavaScript classes wasm-bindgen still writes for them.
//
// Every rewrite checks what it expects to find and stops the build with a
// message when a new wasm-bindgen writes its output otherwise.
//
// Usage: node scripts/slim-bindings.mjs <module.wasm> <glue.js>
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/slim-bindings.mjs <module.wasm> <glue.js>");
  process.exit(2);
}

/** The import module whose names are shortened, and its short name. */
const MODULE = "./callboard_wasm_bg.js";
const SHORT_MODULE = "w";

function fail(message) {
  console.error(`slim-bindings: ${message}`);
  process.exit(1);
}

/** `a`…`z`, `A`…`Z`, then two letters and more: the i-th short name. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name += letters[i % letters.length];
    i = Math.floor(i / letters.length);
  } while (i > 0);
  return name;
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const name = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([uleb(bytes.length), bytes]);
};

/** The exports renamed: the closures' invoke functions. */
const CLOSURE_EXPORT = /^wasm_bindgen_[0-9a-f]+___convert__closures_/;

/**
 * Rewrites the import and export sections; returns the module and the
 * imports' and exports' renamings.
 */
function renameImportsAndExports(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
  let at = 8;
  const readUleb = () => {
    let value = 0;
    let scale = 1;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  const readName = () => {
    const length = readUleb();
    const text = wasm.subarray(at, at + length).toString("utf8");
    at += length;
    return text;
  };
  const parts = [wasm.subarray(0, 8)];
  const renamed = new Map();
  const exports = new Map();
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = readUleb();
    const end = at + size;
    if (id === 7) {
      const count = readUleb();
      const entries = [];
      const names = [];
      for (let i = 0; i < count; i++) {
        const field = readName();
        const descStart = at;
        at += 1;
        readUleb();
        names.push(field);
        const short = CLOSURE_EXPORT.test(field) ? `c${exports.size}` : field;
        if (short !== field) exports.set(field, short);
        entries.push(Buffer.concat([name(short), wasm.subarray(descStart, at)]));
      }
      for (const short of exports.values()) {
        if (names.includes(short)) fail(`the module already exports ${short}`);
      }
      if (at !== end) fail("the export section did not end where its size said");
      const body = Buffer.concat([uleb(count), ...entries]);
      parts.push(Buffer.from([7]), uleb(body.length), body);
      continue;
    }
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      at = end;
      continue;
    }
    const count = readUleb();
    const entries = [];
    for (let i = 0; i < count; i++) {
      const module = readName();
      const field = readName();
      const kind = wasm[at];
      // A function import's descriptor is its kind and a type index.
      const descStart = at;
      at += 1;
      if (kind === 0) readUleb();
      else fail(`an import of kind ${kind} (${module}.${field}): only functions are expected`);
      const desc = wasm.subarray(descStart, at);
      if (module === MODULE) {
        const short = shortName(renamed.size);
        renamed.set(field, short);
        entries.push(Buffer.concat([name(SHORT_MODULE), name(short), desc]));
      } else {
        entries.push(Buffer.concat([name(module), name(field), desc]));
      }
    }
    if (at !== end) fail("the import section did not end where its size said");
    const body = Buffer.concat([uleb(count), ...entries]);
    parts.push(Buffer.from([2]), uleb(body.length), body);
  }
  if (renamed.size === 0) fail(`no imports from ${MODULE} in ${wasmPath}`);
  if (exports.size === 0) fail(`no closure exports in ${wasmPath}`);
  return { wasm: Buffer.concat(parts), renamed, exports };
}

/** Renames the glue's uses of the renamed exports (`wasm.<name>`). */
function renameExportsInGlue(glue, exports) {
  for (const [long, short] of exports) {
    const call = new RegExp(`\\bwasm\\.${long}(?![\\w$])`, "g");
    if (!call.test(glue)) fail(`the glue never calls wasm.${long}`);
    glue = glue.replace(call, `wasm.${short}`);
  }
  return glue;
}

/** Renames the glue's import functions and their module. */
function renameInGlue(glue, renamed) {
  for (const [long, short] of renamed) {
    // Each is one key of the imports object: `<name>: function(`.
    const key = new RegExp(`(?<![\\w$])${long.replace(/\$/g, "\\$")}(?=: function\\()`, "g");
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) fail(`the glue defines ${long} ${found} times, not once`);
    if (glue.split(long).length !== 2) fail(`the glue names ${long} outside its imports object`);
    glue = glue.replace(key, short);
  }
  const moduleKey = `"${MODULE}": `;
  if (glue.split(moduleKey).length !== 2) fail(`the glue's imports object has no single "${MODULE}" key`);
  return glue.replace(moduleKey, `"${SHORT_MODULE}": `);
}

/** Removes wasm-streams' `IntoUnderlying*` classes from the glue. */
function dropStreamClasses(glue) {
  const rules = [
    /^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\n/gm,
    /^if \(Symbol\.dispose\) (IntoUnderlying\w+)\.prototype\[Symbol\.dispose\] = [^\n]*\n/gm,
    /^const (IntoUnderlying\w+)Finalization = [\s\S]*?;\n/gm,
  ];
  for (const rule of rules) {
    const names = [...glue.matchAll(rule)].map((m) => m[1]).sort();
    if (names.join() !== "IntoUnderlyingByteSource,IntoUnderlyingSink,IntoUnderlyingSource") {
      fail(`expected the three IntoUnderlying* classes in the glue (${rule}), found ${names.join() || "none"}`);
    }
    glue = glue.replace(rule, "");
  }
  if (glue.includes("IntoUnderlying")) fail("the glue still names an IntoUnderlying* class");
  return glue;
}

const { wasm, renamed, exports } = renameImportsAndExports(readFileSync(wasmPath));
let glue = readFileSync(gluePath, "utf8");
glue = dropStreamClasses(renameExportsInGlue(renameInGlue(glue, renamed), exports));
writeFileSync(wasmPath, wasm);
writeFileSync(gluePath, glue);
console.log(
  `slim-bindings: ${renamed.size} imports and ${exports.size} closure exports renamed; ` +
    "the stream classes removed from the glue",
);
