// The npm package as a front-end developer uses it: `npm pack`, install the
// tarball into a fresh Vite app, `import { mount } from "callboard"`, build,
// serve, and see real rows in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, resolve } from "node:path";
import { BASE, launch, expected } from "./helpers.mjs";

const root = resolve(import.meta.dirname, "../..");
let browser;
let server;
let app;

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

before(async () => {
  browser = await launch();
  const pkg = join(root, "pkg");
  assert.ok(existsSync(join(pkg, "package.json")), "run scripts/npm.sh first");
  const work = mkdtempSync(join(tmpdir(), "callboard-vite-"));
  const tgz = run("npm", ["pack", "--pack-destination", work, "--silent"], pkg).trim().split("\n").pop();
  app = join(work, "app");
  run("mkdir", ["-p", join(app, "src")], work);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "crm-app", private: true, type: "module" }));
  writeFileSync(
    join(app, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title></head>
     <body><h1>Contact</h1><div id="calls"></div><script type="module" src="/src/main.js"></script></body></html>`,
  );
  writeFileSync(
    join(app, "src/main.js"),
    `import { mount } from "callboard";
     const el = document.getElementById("calls");
     window.__events = [];
     el.addEventListener("callboard-select", (e) => window.__events.push(e.detail));
     window.handle = mount(el, { proxyUrl: new URLSearchParams(location.search).get("api") + "/zudu", provider: "zudu", pageSize: 10 });`,
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(work, tgz), "vite@8"], app);
  run("npx", ["vite", "build", "--logLevel", "error"], app);
  // Serve the built app on its own origin.
  const dist = join(app, "dist");
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
  server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = join(dist, path === "/" ? "index.html" : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("the packed package mounts in a Vite app", async () => {
  const files = readdirSync(join(app, "node_modules/callboard")).sort();
  for (const f of ["callboard.js", "callboard_wasm.js", "callboard_wasm_bg.wasm", "element.d.ts", "element.js", "package.json"]) {
    assert.ok(files.includes(f), `the tarball ships ${f}: ${files}`);
  }
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
