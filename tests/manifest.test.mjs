// The Custom Elements Manifest and the editors' files: valid against their
// published JSON schemas, and in agreement with what the element really
// has (element.js's attribute table, the events the widget dispatches, the
// parts and custom properties its stylesheet uses) and with the typings
// integrators compile against (element.d.ts, react.d.ts, read with the
// TypeScript compiler), so none of them can drift from js/api.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import ts from "typescript";
import { ATTRIBUTES, CSS_PROPERTIES, ELEMENT, EVENTS, METHODS, PARTS, PROPERTIES } from "../js/api.mjs";
import { manifest } from "../scripts/manifest.mjs";

const root = new URL("..", import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), "utf8");
const json = (path) => JSON.parse(read(path));
const sorted = (xs) => [...xs].sort();

test("the manifest is valid against the Custom Elements Manifest schema", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(json("node_modules/custom-elements-manifest/schema.json"));
  const cem = manifest();
  assert.ok(validate(cem), ajv.errorsText(validate.errors));
  // And the schema can fail: a declaration without its kind is refused.
  const broken = structuredClone(cem);
  delete broken.modules[0].declarations[0].kind;
  assert.equal(validate(broken), false);
});

test("the element's attribute table and property-only options are the manifest's", () => {
  const source = read("js/element.js");
  const table = source.match(/const ATTRIBUTES = \{([^}]*)\};/)?.[1] ?? "";
  const pairs = [...table.matchAll(/(\w+): "([\w-]+)"/g)].map(([, property, name]) => `${name}=${property}`);
  assert.deepEqual(sorted(pairs), sorted(ATTRIBUTES.map((a) => `${a.name}=${a.property}`)));
  const only = source.match(/const PROPERTY_ONLY = \[([^\]]*)\];/)?.[1] ?? "";
  assert.deepEqual(sorted([...only.matchAll(/"(\w+)"/g)].map((m) => m[1])), sorted(PROPERTIES.map((p) => p.name)));
});

test("the events the widget dispatches, its parts and its custom properties are the manifest's", () => {
  const embed = read("src/embed/mod.rs");
  const dispatched = [...embed.matchAll(/\bon\("([a-z-]+)"\)/g)].map((m) => `callboard-${m[1]}`);
  assert.deepEqual(sorted(dispatched), sorted(EVENTS.map((e) => e.name)));
  const ui = readdirSync(join(root, "src/ui"))
    .filter((f) => f.endsWith(".rs"))
    .map((f) => read(`src/ui/${f}`))
    .join("\n");
  const parts = new Set([...ui.matchAll(/\bpart="([a-z-]+)"/g)].map((m) => m[1]));
  assert.deepEqual(sorted(parts), sorted(PARTS.map((p) => p.name)));
  const custom = new Set([...read("src/ui/style.css").matchAll(/var\((--callboard-[a-z-]+)/g)].map((m) => m[1]));
  assert.deepEqual(sorted(custom), sorted(CSS_PROPERTIES.map((p) => p.name)));
});

/** The typings, compiled: interface members by name, with their types. */
function typings() {
  const files = ["js/element.d.ts", "js/react.d.ts"].map((f) => join(root, f));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  });
  const checker = program.getTypeChecker();
  const declared = (file, name) => {
    const source = program.getSourceFile(join(root, file));
    let found;
    source.forEachChild((node) => {
      if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name?.text === name) found = node;
    });
    assert.ok(found, `${file} declares ${name}`);
    const members = new Map();
    for (const member of found.members) {
      const key = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : null;
      // (A type written out, its aliases resolved: `ProviderId | "auto"`.)
      if (key) members.set(key, { node: member, type: member.type && checker.getTypeAtLocation(member.type) });
    }
    return members;
  };
  // The string literals a type admits (undefined and null aside).
  const literals = (type) =>
    sorted((type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => t.value));
  return { declared, literals, checker };
}

test("element.d.ts and react.d.ts have every attribute, property, method and event of the manifest, with the same values", () => {
  const { declared, literals, checker } = typings();
  const options = declared("js/element.d.ts", "CallBoardOptions");
  const element = declared("js/element.d.ts", ELEMENT.className);
  const events = declared("js/element.d.ts", "CallBoardEventMap");
  const jsx = declared("js/react.d.ts", "CallBoardJSXProps");
  const names = (m) => sorted(m.keys());

  assert.deepEqual(names(options), sorted([...ATTRIBUTES.map((a) => a.property), ...PROPERTIES.map((p) => p.name)]));
  const elementProps = [...element].filter(([, m]) => ts.isPropertyDeclaration(m.node)).map(([k]) => k);
  assert.deepEqual(sorted(elementProps), sorted([...ATTRIBUTES.map((a) => a.property), ...PROPERTIES.map((p) => p.name)]));
  const methods = [...element].filter(([, m]) => ts.isMethodDeclaration(m.node)).map(([k]) => k);
  assert.deepEqual(sorted(new Set(methods)), sorted([...METHODS.map((m) => m.name), "addEventListener"]));
  for (const m of METHODS) {
    const node = element.get(m.name).node;
    assert.deepEqual(
      node.parameters.map((p) => `${p.name.getText()}: ${p.type.getText()}`),
      m.parameters.map((p) => `${p.name}: ${p.type}`),
      `${m.name}'s parameters`,
    );
  }
  assert.deepEqual(names(events), sorted(EVENTS.map((e) => e.name)));
  for (const e of EVENTS) {
    assert.equal(events.get(e.name).node.type.getText(), `CustomEvent<${e.detail}>`, e.name);
    const on = jsx.get(`on${e.name}`);
    assert.ok(on, `react.d.ts has on${e.name}`);
    assert.equal(on.node.type.getText(), `(event: CustomEvent<${e.detail}>) => void`, `on${e.name}`);
  }
  for (const a of ATTRIBUTES) {
    assert.ok(jsx.has(a.name), `react.d.ts has "${a.name}"`);
    if (a.values) {
      assert.deepEqual(literals(options.get(a.property).type), sorted(a.values), `element.d.ts: ${a.property}`);
      assert.deepEqual(literals(jsx.get(a.name).type), sorted(a.values), `react.d.ts: ${a.name}`);
    } else {
      assert.deepEqual(literals(options.get(a.property).type), [], `${a.property} is not a fixed set of words`);
    }
  }
  for (const p of PROPERTIES) assert.ok(jsx.has(p.name), `react.d.ts has ${p.name}`);
  assert.ok(checker, "typed");
});

test("the README documents every attribute, event, part and custom property", () => {
  const readme = read("README.md");
  for (const a of ATTRIBUTES) assert.ok(readme.includes(`| \`${a.name}\` | \`${a.property}\` |`), a.name);
  for (const p of PROPERTIES) assert.ok(readme.includes(`| — | \`${p.name}\` |`), p.name);
  for (const e of EVENTS) assert.ok(readme.includes(`| \`${e.name}\` |`), e.name);
  for (const p of PARTS) assert.ok(readme.includes(`\`${p.name}\``), p.name);
  for (const p of CSS_PROPERTIES) assert.ok(readme.includes(`\`${p.name}\``), p.name);
});

test("VS Code's custom data and JetBrains' web-types are made from it, valid and complete", () => {
  const dir = mkdtempSync(join(tmpdir(), "callboard-manifest-"));
  const version = read("Cargo.toml").match(/^version = "([^"]+)"/m)[1];
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "callboard", version }));
  execFileSync(process.execPath, [join(root, "scripts/manifest.mjs"), dir], { cwd: dir });
  const read2 = (f) => JSON.parse(readFileSync(join(dir, f), "utf8"));

  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(json("node_modules/vscode-html-languageservice/docs/customData.schema.json"));
  const html = read2("vscode.html-custom-data.json");
  assert.ok(validate(html), ajv.errorsText(validate.errors));
  const [tag] = html.tags;
  assert.equal(tag.name, ELEMENT.tagName);
  assert.deepEqual(sorted(tag.attributes.map((a) => a.name)), sorted(ATTRIBUTES.map((a) => a.name)));
  const provider = tag.attributes.find((a) => a.name === "provider");
  assert.deepEqual(sorted(provider.values.map((v) => v.name)), sorted(ATTRIBUTES.find((a) => a.name === "provider").values));

  const css = read2("vscode.css-custom-data.json");
  assert.deepEqual(sorted(css.properties.map((p) => p.name)), sorted(CSS_PROPERTIES.map((p) => p.name)));
  assert.deepEqual(sorted(css.pseudoElements.map((p) => p.name)), sorted(PARTS.map((p) => `::part(${p.name})`)));

  const web = read2("web-types.json");
  assert.equal(web.name, "callboard");
  assert.equal(web.version, version);
  const [element] = web.contributions.html.elements;
  assert.equal(element.name, ELEMENT.tagName);
  assert.deepEqual(sorted(element.attributes.map((a) => a.name)), sorted(ATTRIBUTES.map((a) => a.name)));
  assert.deepEqual(sorted(element.js.events.map((e) => e.name)), sorted(EVENTS.map((e) => e.name)));
  assert.deepEqual(sorted(web.contributions.css.properties.map((p) => p.name)), sorted(CSS_PROPERTIES.map((p) => p.name)));
  assert.deepEqual(sorted(web.contributions.css["pseudo-elements"].map((p) => p.name)), sorted(PARTS.map((p) => `part(${p.name})`)));
  assert.deepEqual(read2("custom-elements.json"), manifest());
});
