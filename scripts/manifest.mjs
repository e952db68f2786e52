// The Custom Elements Manifest of <call-board> (custom-elements.json,
// schema 2.1.0), made from js/api.mjs; and from it, by the well-kept
// generators made for the job, VS Code's HTML and CSS custom data and
// JetBrains' web-types, so editors complete the element's attributes,
// values, events, parts and custom properties.
//
//   node scripts/manifest.mjs DIR   (run with the package's directory as
//                                    the working directory: web-types
//                                    takes its name and version from the
//                                    package.json there)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ATTRIBUTES, CSS_PROPERTIES, ELEMENT, EVENTS, METHODS, PARTS, PROPERTIES } from "../js/api.mjs";

/** The manifest, as a plain object. */
export function manifest() {
  const declaration = {
    kind: "class",
    name: ELEMENT.className,
    summary: ELEMENT.summary,
    description: ELEMENT.description,
    customElement: true,
    tagName: ELEMENT.tagName,
    superclass: { name: "HTMLElement" },
    attributes: ATTRIBUTES.map((a) => ({
      name: a.name,
      fieldName: a.property,
      type: { text: a.type },
      ...(a.default === undefined ? {} : { default: a.default }),
      description: a.description,
    })),
    members: [
      ...ATTRIBUTES.map((a) => ({
        kind: "field",
        name: a.property,
        type: { text: "string | null" },
        attribute: a.name,
        reflects: true,
        ...(a.default === undefined ? {} : { default: a.default }),
        description: a.description,
      })),
      ...PROPERTIES.map((p) => ({
        kind: "field",
        name: p.name,
        type: { text: p.type },
        ...(p.default === undefined ? {} : { default: p.default }),
        description: `${p.description} Property only.`,
      })),
      ...METHODS.map((m) => ({
        kind: "method",
        name: m.name,
        parameters: m.parameters.map((p) => ({ name: p.name, type: { text: p.type } })),
        return: { type: { text: m.return } },
        description: m.description,
      })),
    ],
    events: EVENTS.map((e) => ({
      name: e.name,
      type: { text: `CustomEvent<${e.detail}>` },
      description: e.description,
    })),
    cssParts: PARTS.map((p) => ({ name: p.name, description: p.description })),
    cssProperties: CSS_PROPERTIES.map((p) => ({ name: p.name, syntax: p.syntax, description: p.description })),
  };
  const of = (module) => ({ name: ELEMENT.className, module });
  return {
    schemaVersion: "2.1.0",
    readme: "README.md",
    modules: [
      {
        kind: "javascript-module",
        path: "element.js",
        description: "The widget: mount(), the element's class, defineCallBoard() (registers nothing by itself).",
        declarations: [declaration],
        exports: [{ kind: "js", name: ELEMENT.className, declaration: of("element.js") }],
      },
      {
        kind: "javascript-module",
        path: "callboard.js",
        description: "Registers <call-board> as it loads (`import \"callboard/register\"`).",
        declarations: [],
        exports: [
          { kind: "js", name: "*", declaration: { name: "*", package: "./element.js" } },
          { kind: "custom-element-definition", name: ELEMENT.tagName, declaration: of("element.js") },
        ],
      },
    ],
  };
}

/** Writes the manifest and the editors' files into `dir`. */
export async function writeAll(dir) {
  const cem = manifest();
  writeFileSync(join(dir, "custom-elements.json"), `${JSON.stringify(cem, null, 2)}\n`);
  // (Imported here: web-types reads the working directory's package.json
  // as it loads.)
  const { generateVsCodeCustomElementData } = await import("custom-element-vs-code-integration");
  const { generateJetBrainsWebTypes } = await import("custom-element-jet-brains-integration");
  generateVsCodeCustomElementData(cem, { outdir: dir, hideLogs: true });
  generateJetBrainsWebTypes(cem, { outdir: dir, webTypesFileName: "web-types.json", hideLogs: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/manifest.mjs DIR");
    process.exit(2);
  }
  await writeAll(dir);
}
