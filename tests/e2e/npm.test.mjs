// The npm package as a front-end developer uses it: `npm pack`, install the
// tarball into a fresh Vite app, `import { mount } from "callboard"`, build,
// serve, and see real rows in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BASE, expected, buildApp, serveDist, useBrowser } from "./helpers.mjs";

const browser = useBrowser();
let server;
let app;

before(async () => {
  const built = await buildApp(
    "crm-app",
    {
      "index.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title></head>
     <body><h1>Contact</h1><div id="calls"></div><script type="module" src="/src/main.js"></script></body></html>`,
      "src/main.js": `import { mount, whenReady } from "callboard";
     window.whenReady = whenReady;
     const el = document.getElementById("calls");
     window.__events = [];
     el.addEventListener("callboard-select", (e) => window.__events.push(e.detail));
     window.handle = mount(el, { proxyUrl: new URLSearchParams(location.search).get("api") + "/zudu", provider: "zudu", pageSize: 10 });`,
    },
    ["vite@8"],
  );
  app = built.app;
  built.run("npx", ["vite", "build", "--logLevel", "error"]);
  // Serve the built app on its own origin.
  server = await serveDist(join(app, "dist"));
});

after(async () => {
  server?.close();
});

test("the packed package mounts in a Vite app", async () => {
  const files = readdirSync(join(app, "node_modules/callboard")).sort();
  for (const f of ["callboard.js", "callboard_wasm_bg.wasm", "split_call_view.wasm", "element.d.ts", "element.js", "package.json", "custom-elements.json", "vscode.html-custom-data.json", "web-types.json"]) {
    assert.ok(files.includes(f), `the tarball ships ${f}: ${files}`);
  }
  // Tools find the manifest and the web-types through the package.json.
  const installed = (f) => JSON.parse(readFileSync(join(app, "node_modules/callboard", f), "utf8"));
  const pkg = installed("package.json");
  const cem = installed(pkg.customElements);
  assert.deepEqual(cem.modules.flatMap((m) => m.exports.filter((e) => e.kind === "custom-element-definition").map((e) => e.name)), ["call-board"]);
  assert.equal(installed(pkg["web-types"]).contributions.html.elements[0].name, "call-board");
  const { port } = server.address();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?api=${encodeURIComponent(BASE)}`);
  const rows = page.locator("#calls tr[data-call-id]");
  await rows.nth(9).waitFor();
  const ids = await rows.evaluateAll((r) => r.map((x) => x.getAttribute("data-call-id")));
  assert.deepEqual(ids, (await expected("zudu", 10)).ids);
  // The handle: update, openCall (event out), unmount.
  await page.evaluate(() => window.handle.update({ theme: "dark" }));
  await page.waitForFunction(() => document.getElementById("calls").shadowRoot.querySelector(".cb").dataset.theme === "dark");
  await page.evaluate((id) => window.handle.openCall(id), ids[1]);
  await page.locator("#calls .cb-detail").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__events.at(-1)), { id: ids[1], provider: "zudu" });
  await page.evaluate(() => window.handle.unmount());
  assert.equal(await page.locator("#calls tr").count(), 0);
  await page.close();
});

test("in the Vite app, a trap of the widget's WebAssembly leaves the failure state", async () => {
  const { port } = server.address();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?api=${encodeURIComponent(BASE)}`);
  await page.locator("#calls tr[data-call-id]").first().waitFor();
  // The bundler renamed the wasm (a hashed asset): the net still knows it.
  const wasmUrls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")));
  assert.ok(wasmUrls.some((u) => /\/callboard_wasm_bg-[\w-]+\.wasm$/.test(u)), wasmUrls.join(" "));
  await page.evaluate(() => {
    window.__errors = [];
    document.getElementById("calls").addEventListener("callboard-error", (e) => window.__errors.push(e.detail));
    return window.whenReady.then((wasm) => setTimeout(() => wasm.__callboardPanicForTests(), 0));
  });
  const alert = page.locator("#calls .cb-failed[role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /The call log stopped working/);
  const errors = await page.evaluate(() => window.__errors);
  assert.deepEqual(errors.map((e) => [e.during, e.kind]), [["runtime", "panic"]]);
  await page.close();
});
