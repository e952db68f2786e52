// Shared pieces of the end-to-end suite: Debian's Chromium through
// playwright-core, the dev server's base URL, and its fault control.
import { after } from "node:test";
import { chromium } from "playwright-core";

export const BASE = process.env.E2E_BASE ?? "http://127.0.0.1:8790";

export const PROVIDERS = ["agentvoice", "vozagent", "talkover", "zudu", "smallest", "retell", "vapi", "elevenlabs", "bland"];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export async function fault(f) {
  const r = await fetch(`${BASE}/_control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(f),
  });
  if (r.status !== 204) throw new Error(`fault not set: ${r.status} ${await r.text()}`);
}

export async function clearFaults() {
  await fetch(`${BASE}/_control/faults`, { method: "DELETE" });
}

/** The first `limit` ids of a provider's list, and a sample contact. */
export async function expected(provider, limit = 20) {
  const r = await fetch(`${BASE}/_control/ids?provider=${provider}&limit=${limit}`);
  return r.json();
}

/** The ids of the rows the widget shows. */
export async function rowIds(page) {
  return page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-call-id")));
}

/** Waits until `fn` (run in the page) returns true. */
export async function until(page, fn, arg, timeout = 10_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 50 });
}

/**
 * A front-end app built from the packed npm package: `npm pack` of pkg/,
 * installed with `deps` into a fresh folder holding `files`, then
 * `vite build`. Returns the app's folder.
 */
export async function buildApp(name, files, deps) {
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync, mkdirSync, writeFileSync, existsSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join, dirname, resolve } = await import("node:path");
  const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const pkg = resolve(import.meta.dirname, "../../pkg");
  if (!existsSync(join(pkg, "package.json"))) throw new Error("run scripts/npm.sh first");
  const work = mkdtempSync(join(tmpdir(), `callboard-${name}-`));
  const tgz = run("npm", ["pack", "--pack-destination", work, "--silent"], pkg).trim().split("\n").pop();
  const app = join(work, "app");
  for (const [path, text] of Object.entries({ "package.json": JSON.stringify({ name, private: true, type: "module" }), ...files })) {
    mkdirSync(dirname(join(app, path)), { recursive: true });
    writeFileSync(join(app, path), text);
  }
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(work, tgz), ...deps], app);
  return { app, run: (cmd, args) => run(cmd, args, app) };
}

/** Serves a built app's `dist/` on its own origin (port 0: any free one). */
export async function serveDist(dist) {
  const { createServer } = await import("node:http");
  const { existsSync, readFileSync } = await import("node:fs");
  const { join, extname } = await import("node:path");
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = join(dist, path === "/" ? "index.html" : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return server;
}

/**
 * The spec file's browser, the one fixture every spec shares: launched
 * once, when the file first asks for a page or a context (a top-level
 * `before` runs as it is registered, so the launch is awaited where it is
 * used), and closed after the file's last test. Call it at the top of a
 * spec: `const browser = useBrowser();` then `await browser.newPage(…)`
 * or `await browser.newContext(…)`.
 */
export function useBrowser() {
  let launching;
  const ready = () => (launching ??= launch());
  after(async () => {
    if (launching) await (await launching).close();
  });
  return {
    newPage: async (...args) => (await ready()).newPage(...args),
    newContext: async (...args) => (await ready()).newContext(...args),
  };
}

/**
 * axe's serious and critical violations on `page` (inside `<call-board>`
 * unless `whole`), one line each with up to three of their elements: an
 * empty list is clean.
 */
export async function seriousViolations(page, { whole = false } = {}) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const builder = new AxeBuilder({ page });
  const results = await (whole ? builder : builder.include("call-board")).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}
