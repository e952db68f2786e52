#!/usr/bin/env bash
# Builds the npm package into pkg/ from the same bundle as dist/:
# ESM + .d.ts, with mount(), defineCallBoard() and the element class.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/callboard_wasm_bg.wasm ] && [ -f target/wasm-split/npm/element.js ] || scripts/dist.sh
version=$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)
rm -rf pkg && mkdir -p pkg
# element.js is the whole widget in one module (element, glue, chunk
# loader); callboard.js and react.js import it, so an app that imports
# more than one of them still has one widget.
cp target/wasm-split/npm/element.js dist/*.d.ts dist/*.wasm pkg/
node_modules/.bin/esbuild js/callboard.js --minify --format=esm --target=es2022 --log-level=warning \
  --outfile=pkg/callboard.js
cp js/react.js js/react.d.ts pkg/
node scripts/precompress.mjs pkg
files='"split_*.wasm", "chunk_*.wasm", "element.js", "element.d.ts", "callboard.js", "callboard.d.ts", "react.js", "react.d.ts", "callboard_wasm_bg.wasm", "*.br", "*.gz", "custom-elements.json", "vscode.html-custom-data.json", "vscode.css-custom-data.json", "web-types.json"'
[ -d pkg/snippets ] && files="$files, \"snippets/\""
cat > pkg/package.json <<JSON
{
  "name": "callboard",
  "version": "$version",
  "description": "An embeddable call log for CRM pages: voice-AI agent calls, transcripts and recordings.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./element.js",
  "module": "./element.js",
  "types": "./element.d.ts",
  "exports": {
    ".": { "types": "./element.d.ts", "default": "./element.js" },
    "./register": { "types": "./callboard.d.ts", "default": "./callboard.js" },
    "./react": { "types": "./react.d.ts", "default": "./react.js" },
    "./callboard_wasm_bg.wasm": "./callboard_wasm_bg.wasm"
  },
  "files": [$files],
  "sideEffects": ["./callboard.js", "./react.js"],
  "customElements": "custom-elements.json",
  "web-types": "./web-types.json",
  "keywords": ["call log", "voice ai", "crm", "transcript", "web component", "leptos", "webassembly"]
}
JSON
cat > pkg/README.md <<'MD'
# callboard

An embeddable call log for CRM pages: voice-AI agent calls (AgentVoice,
VozAgent, Talkover, Zudu, Smallest Atoms, Retell, Vapi) fetched through your
proxy, with a call table, filters, call detail, transcript and recording.

```js
import { mount } from "callboard";

const handle = mount(document.querySelector("#calls"), {
  proxyUrl: "/voice-proxy",
  provider: "agentvoice",
  contactId: "123e4567-e89b-12d3-a456-426614174000",
});
handle.update({ theme: "dark" });
handle.unmount();
```

Or register the element: `import { defineCallBoard } from "callboard"; defineCallBoard();`
(or `import "callboard/register";`) and write
`<call-board proxy-url="/voice-proxy" provider="agentvoice"></call-board>`.

React 19 + TypeScript: `import "callboard/react";` registers the element and
types it in JSX (attributes, the `headers`/`credentials`/`timeoutMs`
properties, `oncallboard-*` events):

```tsx
<call-board proxy-url="/voice-proxy" provider="retell" contact-id={contactId ?? undefined}
  headers={{ "X-CSRF-Token": token }} oncallboard-select={(e) => open(e.detail.id)} />
```

Editors: `custom-elements.json` (the Custom Elements Manifest) describes the
element; JetBrains IDEs read `web-types.json` by themselves, and VS Code
completes the element's attributes once `.vscode/settings.json` has
`"html.customData": ["./node_modules/callboard/vscode.html-custom-data.json"]`
and `"css.customData": ["./node_modules/callboard/vscode.css-custom-data.json"]`.
MD
# The Custom Elements Manifest and, made from it, the editors' data
# (web-types reads the name and version of the package.json beside it).
(cd pkg && node ../scripts/manifest.mjs .)
echo "npm package: pkg/ ($(cd pkg && ls | tr '\n' ' '))"
