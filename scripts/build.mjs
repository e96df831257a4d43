// Bundles the entry points into the committed dist/: the Action (dist/index.js) and the CLI (dist/cli.js).
// esbuild is deterministic for the same inputs and versions, so CI can compare a fresh build with dist/.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

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

// The tree-sitter runtime and grammars (WebAssembly) used by src/adapters/parsers/init-parsers.ts, which
// looks for them in dist/grammars/ next to the bundle.
const require = createRequire(import.meta.url);
const grammarDir = path.join(path.dirname(require.resolve("@repomix/tree-sitter-wasms/package.json")), "out");
const grammars = ["typescript", "tsx", "javascript", "python", "go", "rust", "java"].map((name) => path.join(grammarDir, `tree-sitter-${name}.wasm`));
await mkdir("dist/grammars", { recursive: true });
for (const file of [require.resolve("web-tree-sitter/web-tree-sitter.wasm"), ...grammars]) {
  await copyFile(file, path.join("dist/grammars", path.basename(file)));
}
