// The size of the script-tag bundle: raw, gzip (level 9) and brotli
// (quality 11) of every file a page loads from dist/ (js, wasm, css; the
// stylesheet is inside the wasm), in total and of what a page loads before
// its first rows (`upfront`: all but the chunks wasm-split-cli cut off,
// `split_*.wasm` and `chunk_*.wasm`, which load on demand). Used by the
// size budget check and by `make bench`.
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export function sizes(dir = "dist") {
  const files = readdirSync(dir)
    .filter((f) => /\.(js|wasm|css)$/.test(f))
    .sort()
    .map((name) => {
      const bytes = readFileSync(`${dir}/${name}`);
      return {
        name,
        onDemand: /^(split|chunk)_.*\.wasm$/.test(name),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  const upfront = sum(files.filter((f) => !f.onDemand));
  return { files, total: sum(files), upfront };
}

/** Raw, gzip and brotli bytes of `files` together. */
function sum(files) {
  return files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}
