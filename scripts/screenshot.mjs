// Takes the README screenshot: the demo's call log with a call open.
// Usage: node scripts/screenshot.mjs <base-url> <out.png> [provider] [theme]
import { chromium } from "playwright-core";

const [base = "http://127.0.0.1:8080", out = "docs/screenshot.png", provider = "retell", theme = "light"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 980 } });
await page.goto(`${base}/?provider=${provider}&theme=${theme}`);
await page.locator("#log tr[data-call-id]").nth(5).waitFor();
await page.locator("#log tr[data-call-id]").first().click();
await page.locator("#log li.cb-turn").nth(3).waitFor();
await page.getByRole("button", { name: "Play", exact: true }).click();
await page.waitForTimeout(2500);
await page.getByRole("button", { name: "Pause", exact: true }).click();
await page.screenshot({ path: out });
await browser.close();
