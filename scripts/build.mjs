// Bundles the entry points into the committed dist/: the Action (dist/index.js) and the CLI (dist/cli.js).
// esbuild is deterministic for the same inputs and versions, so CI can compare a fresh build with dist/.
import { build } from "esbuild";
import { rm } from "node:fs/promises";

const entries = {
  index: "src/action/main.ts",
  cli: "src/cli/main.ts",
};

await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: false,
  legalComments: "linked",
  logLevel: "warning",
  // Some bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);" },
  loader: { ".md": "text" },
});
