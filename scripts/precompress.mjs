// Writes `name.br` (brotli, quality 11) and `name.gz` (gzip, level 9) beside
// every .js and .wasm file of a folder, for servers and CDNs that serve
// precompressed files (`node scripts/precompress.mjs dist`).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
for (const name of readdirSync(dir).filter((f) => /\.(js|wasm)$/.test(f))) {
  const bytes = readFileSync(`${dir}/${name}`);
  writeFileSync(`${dir}/${name}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${dir}/${name}.br`,
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: name.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }),
  );
}
