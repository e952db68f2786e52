// A React 19 + TypeScript app, as a React developer builds one: the packed
// tarball installed with React, `import "callboard/react"`, `tsc` over JSX
// that uses <call-board> (attributes, the `headers` property, an
// `oncallboard-select` handler), then `vite build`, served and driven in
// Chromium: the pin follows React's re-renders, also when removed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BASE, expected, buildApp, serveDist, useBrowser } from "./helpers.mjs";

const browser = useBrowser();
let server;
let built;

const MAIN = `import "callboard/react";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import type { CallSelectDetail } from "callboard";

declare global {
  interface Window {
    __selected: CallSelectDetail[];
    __setContact: (contact: string | null) => void;
  }
}

const params = new URLSearchParams(location.search);
const api = params.get("api") ?? "";
window.__selected = [];

function ContactCalls() {
  const [contact, setContact] = useState<string | null>(params.get("contact"));
  window.__setContact = setContact;
  return (
    <call-board
      proxy-url={api + "/agentvoice"}
      provider="agentvoice"
      page-size={10}
      contact-id={contact ?? undefined}
      headers={{ "X-CSRF-Token": "csrf-123" }}
      oncallboard-select={(e) => window.__selected.push(e.detail)}
    />
  );
}

// The typings are real: a theme that does not exist does not type-check.
export const wrong = (
  // @ts-expect-error the theme is light, dark or auto
  <call-board proxy-url="/x" theme="neon" />
);

createRoot(document.getElementById("root")!).render(<ContactCalls />);
`;

before(async () => {
  built = await buildApp(
    "crm-react",
    {
      "index.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title></head>
<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`,
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "bundler",
          jsx: "react-jsx",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ["ES2022", "DOM", "DOM.Iterable"],
        },
        include: ["src"],
      }),
      "src/main.tsx": MAIN,
    },
    ["react@19", "react-dom@19", "@types/react@19", "@types/react-dom@19", "typescript@5", "vite@8"],
  );
  built.run("npx", ["vite", "build", "--logLevel", "error"]);
  server = await serveDist(join(built.app, "dist"));
});

after(async () => {
  server?.close();
});

test("the React app type-checks with the element's JSX typings", () => {
  // Throws (with tsc's messages) on any type error, including an unused
  // @ts-expect-error, which would mean the typings accept anything.
  built.run("npx", ["tsc", "-p", "."]);
});

test("attributes, the headers property, events, and a pin removed on re-render", async () => {
  const sample = (await expected("agentvoice")).contact;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const lists = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/agentvoice/api/calls") lists.push(r);
  });
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/?api=${encodeURIComponent(BASE)}&contact=${sample.contactId}`);
  const rows = page.locator("call-board tr[data-call-id]");
  await rows.first().waitFor();
  const pinned = lists.at(-1);
  assert.match(pinned.url(), new RegExp(`contact_id=${sample.contactId}`));
  assert.match(pinned.url(), /limit=10/);
  assert.equal(pinned.headers()["x-csrf-token"], "csrf-123", "the headers property reached the request");

  // The event handler prop.
  const first = await rows.first().getAttribute("data-call-id");
  await rows.first().click();
  await page.waitForFunction(() => window.__selected.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__selected[0]), { id: first, provider: "agentvoice" });

  // React re-renders without contact-id: the pin is removed, all calls show.
  const before = lists.length;
  await page.evaluate(() => window.__setContact(null));
  await page.waitForFunction(() => !document.querySelector("call-board").hasAttribute("contact-id"));
  await page.waitForFunction(
    (ids) => {
      const shown = [...document.querySelector("call-board").shadowRoot.querySelectorAll("tr[data-call-id]")].map((r) => r.dataset.callId);
      return JSON.stringify(shown) === JSON.stringify(ids);
    },
    (await expected("agentvoice", 10)).ids,
  );
  const unpinned = lists.slice(before);
  assert.equal(unpinned.length, 1, "one request for the re-render");
  assert.doesNotMatch(unpinned[0].url(), /contact_id/);
  assert.equal(await page.locator("call-board .cb-error").count(), 0);
  await page.close();
});
