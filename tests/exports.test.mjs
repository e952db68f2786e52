// The exports read back by parsers we did not write, on provider text made
// to break them: cue timings, numbers alone on a line, blank lines, `-->`,
// byte-order marks, CR/LF mixes, markup, spreadsheet formulas (the cases
// come from server/examples/export_cases.rs, which renders each with the
// widget's own export code). Each file must parse back to exactly the
// turns, events and calls given: no text can add, end, split or renumber a
// cue, a line or a row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import SrtParser from "srt-parser-2";
import { parseSync as subtitleParse } from "subtitle";
import { parse as csvParse } from "csv-parse/sync";
import Papa from "papaparse";

const require = createRequire(import.meta.url);
const { WebVTTParser } = require("webvtt-parser");
// The full list of character references, as the parser's README says to
// pass for the spec's behaviour.
const ENTITIES = require("webvtt-parser/html-entities.json");

const SEED = process.env.EXPORT_SEED ?? String(Date.now() % 100000);
const CASES = process.env.EXPORT_CASES ?? "400";
const cases = JSON.parse(
  execFileSync("cargo", ["run", "-q", "-p", "callboard-server", "--example", "export_cases", "--", SEED, CASES], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }),
);
console.log(`# export cases: seed ${SEED}, ${cases.length} cases (EXPORT_SEED=${SEED} repeats them)`);

// What a caption or a line of text holds of provider text: its line breaks
// (LF, CR, VT, FF, NEL, U+2028, U+2029) as one space, tabs as spaces, no
// byte-order marks or other control characters, trimmed.
function oneLine(text) {
  return text
    .replace(/\t/g, " ")
    .replace(/[\r\v\f\u0085\u2028\u2029]/g, "\n")
    .replace(/[\uFEFF\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ");
}
const speaker = (t) => t.label || t.speaker;
const captionSpeaker = (t) => oneLine(t.label) || t.speaker;
const timed = (c) => c.turns.filter((t) => t.start_ms !== null);

/** The cues a case's timed turns should read back as (start in ms, text). */
function expectedCues(c) {
  return timed(c).map((t) => ({ start: Math.max(0, t.start_ms), who: captionSpeaker(t), text: oneLine(t.text) }));
}
const ms = (seconds) => Math.round(seconds * 1000);
const label = (i, c) => `case ${i}: ${JSON.stringify(c.turns.map((t) => [t.label, t.text]))}`;

test("SubRip: srt-parser-2 reads exactly the timed turns, numbered 1, 2, 3", () => {
  const parser = new SrtParser();
  cases.forEach((c, i) => {
    const want = expectedCues(c);
    const got = parser.fromSrt(c.exports.srt);
    assert.deepEqual(
      got.map((q) => ({ id: q.id, start: ms(q.startSeconds), text: q.text })),
      want.map((w, n) => ({ id: String(n + 1), start: w.start, text: `${w.who}: ${w.text}`.replaceAll("-->", "->").trimEnd() })),
      label(i, c),
    );
  });
});

test("SubRip: subtitle reads exactly the timed turns", () => {
  cases.forEach((c, i) => {
    const want = expectedCues(c);
    const got = subtitleParse(c.exports.srt).filter((n) => n.type === "cue");
    assert.deepEqual(
      got.map((n) => ({ start: n.data.start, text: n.data.text })),
      want.map((w) => ({ start: w.start, text: `${w.who}: ${w.text}`.replaceAll("-->", "->").trimEnd() })),
      label(i, c),
    );
  });
});

/** The text and voice of a parsed WebVTT cue's tree. */
function flatten(node) {
  if (node.type === "text") return node.value;
  return (node.children ?? []).map(flatten).join("");
}

test("WebVTT: the W3C's webvtt-parser reads exactly the timed turns, voices and text, without errors", () => {
  const parser = new WebVTTParser(ENTITIES);
  // The parser leaves a voice's annotation as written; a renderer decodes
  // its character references like the text's.
  const decode = (s) => s.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
  cases.forEach((c, i) => {
    const want = expectedCues(c);
    const { cues, errors } = parser.parse(c.exports.vtt, "subtitles");
    assert.deepEqual(errors, [], label(i, c));
    assert.deepEqual(
      cues.map((q) => {
        const voice = q.tree.children.find((n) => n.type === "object" && n.name === "v");
        return { id: q.id, start: ms(q.startTime), who: voice ? decode(voice.value) : null, text: flatten(q.tree) };
      }),
      // (A voice's runs of spaces are one, as WebVTT reads annotations.)
      want.map((w, n) => ({ id: String(n + 1), start: w.start, who: w.who.replace(/ +/g, " "), text: w.text })),
      label(i, c),
    );
  });
});

test("WebVTT: subtitle reads exactly the timed turns, and every tool row stays a note", () => {
  cases.forEach((c, i) => {
    const got = subtitleParse(c.exports.vtt).filter((n) => n.type === "cue");
    assert.equal(got.length, timed(c).length, label(i, c));
    assert.deepEqual(
      got.map((n) => n.data.start),
      expectedCues(c).map((w) => w.start),
      label(i, c),
    );
  });
});

/** `m:ss`, or `h:mm:ss` from an hour. */
function clock(ms) {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

test("Text: a line a row, each turn's line its time, speaker and text", () => {
  cases.forEach((c, i) => {
    const lines = c.exports.txt.split("\n");
    assert.equal(lines.pop(), "", "ends with a line break");
    assert.equal(lines.length, c.rows.length, label(i, c));
    c.rows.forEach((turn, n) => {
      if (turn === null) {
        assert.match(lines[n], /^(\[\d+:\d\d(:\d\d)?\] )?(Tool call|Node|Keypad):( |$)/, label(i, c));
        return;
      }
      const t = c.turns[turn];
      const time = t.start_ms === null ? "" : `[${clock(t.start_ms)}] `;
      const who = oneLine(t.label) === "" ? "" : `${oneLine(t.label)}: `;
      assert.equal(lines[n], `${time}${who}${oneLine(t.text)}`.trimEnd(), label(i, c));
    });
  });
});

/** A tool event's detail as the JSON export keeps it: JSON where it parses. */
function detail(text) {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

test("JSON: JSON.parse gives back every turn's and event's text exactly", () => {
  cases.forEach((c, i) => {
    const v = JSON.parse(c.exports.json);
    assert.deepEqual(
      v.turns.map((t) => [t.label, t.text, t.start_ms, t.end_ms]),
      c.turns.map((t) => [speaker(t), t.text, t.start_ms, t.end_ms]),
      label(i, c),
    );
    assert.deepEqual(
      v.events.map((e) => [e.name, e.detail]),
      c.events.map((e) => [e.name, detail(e.detail)]),
      label(i, c),
    );
  });
});

// A cell a spreadsheet would run as a formula starts with `'` (the export's
// documented guard); anything else is the provider's text as it was.
function cell(value) {
  const s = value ?? "";
  const formula = /^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-][0-9 ()\-.]*$/.test(s));
  return formula ? `'${s}` : s;
}

/** The CSV columns that hold the provider's text. */
const TEXT_COLUMNS = ["id", "customer_name", "customer_number", "agent", "campaign", "sentiment", "end_reason", "summary"];
const csvExpect = (c) => c.calls.map((call) => TEXT_COLUMNS.map((k) => cell(call[k])));
/** Their titles in the English header row. */
const TITLES = ["Call ID", "Customer name", "Customer number", "Agent", "Campaign", "Sentiment", "End reason", "Summary"];
const pickColumns = (header, rows) => {
  const at = TITLES.map((k) => header.indexOf(k));
  return rows.map((r) => at.map((j) => r[j]));
};

test("CSV: csv-parse and Papa Parse read the header and exactly one row a call, every cell as given", () => {
  cases.forEach((c, i) => {
    assert.ok(c.csv.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
    const body = c.csv.slice(1);
    const strict = csvParse(body, { relax_column_count: false, bom: true });
    assert.deepEqual(strict[0], c.header, label(i, c));
    assert.equal(strict.length, c.calls.length + 1, label(i, c));
    assert.deepEqual(pickColumns(strict[0], strict.slice(1)), csvExpect(c), label(i, c));
    // Told the delimiter and line end RFC 4180 prescribes (Papa Parse's
    // guesses of them are thrown off by cells holding `;`, line breaks
    // and quotes).
    const papa = Papa.parse(body, { delimiter: ",", newline: "\r\n", skipEmptyLines: false });
    assert.deepEqual(papa.errors, [], label(i, c));
    const rows = papa.data.filter((r, n) => !(n === papa.data.length - 1 && r.length === 1 && r[0] === ""));
    assert.deepEqual(pickColumns(rows[0], rows.slice(1)), csvExpect(c), label(i, c));
  });
});
