// CPU profiles in Chromium, through the DevTools protocol (`BENCH_ONLY=
// profile make bench`, with DIST_NAMES=1 so the wasm keeps its function
// names): of 100-row page flips, and of cold loads from navigation to 100
// rows. Self time by function, and by where it goes (JSON reading, reactive
// graph, DOM building through the bindings, allocation, the browser's own
// compiling, style/layout/GC, the network wait).

/** Which part of the work a profile node belongs to, from its function and script. */
function category(frame) {
  const f = frame.functionName;
  const url = frame.url ?? "";
  if (f === "(idle)") return "idle (waiting for the network)";
  if (f === "(program)") return "browser: style, layout, paint, parsing";
  if (f === "(garbage collector)") return "browser: JS garbage collector";
  if (/serde_json|serde::|serde_core|core::json|callboard::core::provider|normalize|parse_/.test(f)) return "wasm: reading the JSON answer";
  if (/reactive_graph|leptos::|any_spawner|or_poisoned/.test(f)) return "wasm: reactive graph";
  if (/tachys|web_sys|wasm_bindgen|js_sys|__wbg|__wbindgen|externref/.test(f) || /callboard_wasm\.js$/.test(url)) return "wasm ↔ DOM: building and updating elements";
  if (/dlmalloc|alloc::|__rust_alloc|__rust_dealloc|__rdl_|memcpy|memmove|memset/.test(f)) return "wasm: allocation and copying";
  if (/^(fetch|json|text)$/.test(f) || /^native /.test(f)) return "browser: fetch and JSON";
  if (url.endsWith(".wasm") || /^(wasm-function|\$)/.test(f) || /callboard::/.test(f)) return "wasm: the widget's own logic";
  if (url.includes("/react/")) return "React + TanStack";
  return "other JS";
}

/** Self time (ms) per node id, from the samples. */
function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the delta to the next one.
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  return self;
}

/** Self time by category and the top functions of `profiles`, in ms per profile. */
function summarize(profiles) {
  const byCategory = {};
  const byFunction = {};
  for (const profile of profiles) {
    const self = selfTimes(profile);
    for (const node of profile.nodes) {
      const t = self.get(node.id) ?? 0;
      if (!t) continue;
      const c = category(node.callFrame);
      byCategory[c] = (byCategory[c] ?? 0) + t / profiles.length;
      const name = `${node.callFrame.functionName || "(anonymous)"}`;
      byFunction[name] = (byFunction[name] ?? 0) + t / profiles.length;
    }
  }
  const top = Object.entries(byFunction)
    .filter(([name]) => name !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, ms]) => ({ name: name.length > 110 ? `${name.slice(0, 107)}…` : name, ms }));
  return { byCategory, top };
}

/**
 * Profiles `runs` cold loads of `path` (each in a fresh context: empty
 * cache, fresh instance), from before navigation until `rows` matches
 * `want` elements (in the document or the widget's shadow root); returns
 * self time by category and the top functions, in ms per load.
 */
export async function profileCold(browser, { base, path, rows, host, want = 100, runs = 5 }) {
  const profiles = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
    await page.goto(`${base}${path}`);
    await page.waitForFunction(
      ({ host, rows, want }) => {
        const root = host ? document.querySelector(host)?.shadowRoot : document;
        return (root?.querySelectorAll(rows).length ?? 0) >= want;
      },
      { host, rows, want },
      { polling: "raf" },
    );
    profiles.push((await cdp.send("Profiler.stop")).profile);
    await context.close();
  }
  return summarize(profiles);
}

/**
 * Profiles `flips` flips (after two to settle) of `subject` (its page path
 * and how to click "Next") in a fresh context; returns self time by
 * category and the top functions, in ms per flip.
 */
export async function profileFlips(browser, { base, path, flips = 10, flip }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await flip(page);
  await flip(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  for (let i = 0; i < flips; i++) await flip(page);
  const { profile } = await cdp.send("Profiler.stop");
  await context.close();
  // Per flip: the one profile holds them all.
  const { byCategory, top } = summarize([profile]);
  const per = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v / flips]));
  return { byCategory: per(byCategory), top: top.map((t) => ({ ...t, ms: t.ms / flips })) };
}
