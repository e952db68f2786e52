// The size of the script-tag bundle: raw, gzip (level 9) and brotli
// (quality 11) of every file a page loads from dist/ (js, wasm, css; the
// stylesheet is inside the wasm). Used by the size budget check and by
// `make bench`.
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
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}
