// Loads the tree-sitter runtime and grammars (WebAssembly: nothing native to compile) and installs one
// parser per language for core/retrieval/symbols.ts. Call once per process before the first
// symbolsOf/outlineOf/regionsAround that should use a real parser; later calls return the same promise.
// Where the files are: dist/grammars/ in the built bundle (scripts/build.mjs copies them there), else
// the npm packages (web-tree-sitter, @repomix/tree-sitter-wasms) when running from source.
// A missing or unloadable grammar is not an error: that language keeps the regex fallback, and the
// answer says which languages loaded.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedLanguage } from "../../core/retrieval/code-languages.js";
import { installParsers } from "../../core/retrieval/symbols.js";

/** Grammar file per language (names as @repomix/tree-sitter-wasms ships them). */
export const GRAMMAR_FILES: Record<ParsedLanguage, string> = {
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  javascript: "tree-sitter-javascript.wasm",
  python: "tree-sitter-python.wasm",
  go: "tree-sitter-go.wasm",
  rust: "tree-sitter-rust.wasm",
  java: "tree-sitter-java.wasm",
};
export const RUNTIME_FILE = "web-tree-sitter.wasm";

export interface ParsersReady {
  languages: ParsedLanguage[];
  /** Languages whose grammar could not be loaded, with the reason (they use the fallback). */
  failed: { language: ParsedLanguage; reason: string }[];
  /** Where the grammars came from, or null when the runtime itself was not found. */
  directory: string | null;
  /** Why nothing loaded, when the runtime failed. */
  error?: string;
}

let loading: Promise<ParsersReady> | undefined;

export function initParsers(): Promise<ParsersReady> {
  loading ??= load().catch((error: unknown) => ({ languages: [], failed: [], directory: null, error: (error as Error).message }));
  return loading;
}

async function load(): Promise<ParsersReady> {
  const places = locate();
  if (!places) return { languages: [], failed: [], directory: null };
  const { Parser, Language } = await import("web-tree-sitter");
  await Parser.init({ locateFile: () => places.runtime });
  const ready = new Map<ParsedLanguage, InstanceType<typeof Parser>>();
  const failed: ParsersReady["failed"] = [];
  for (const [language, file] of Object.entries(GRAMMAR_FILES) as [ParsedLanguage, string][]) {
    try {
      const grammar = await Language.load(await readFile(path.join(places.grammars, file)));
      const parser = new Parser();
      parser.setLanguage(grammar);
      ready.set(language, parser);
    } catch (error) {
      failed.push({ language, reason: (error as Error).message });
    }
  }
  installParsers(ready);
  return { languages: [...ready.keys()], failed, directory: places.grammars };
}

/** The runtime's .wasm and the grammars' folder: next to the bundle first, then node_modules. */
function locate(): { runtime: string; grammars: string } | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/cli.js → dist/grammars; dist/chunks/x.js → dist/grammars.
  for (const dir of [path.join(here, "grammars"), path.join(here, "..", "grammars")]) {
    if (existsSync(path.join(dir, RUNTIME_FILE))) return { runtime: path.join(dir, RUNTIME_FILE), grammars: dir };
  }
  try {
    const require = createRequire(import.meta.url);
    const runtime = require.resolve(`web-tree-sitter/${RUNTIME_FILE}`);
    const grammars = path.join(path.dirname(require.resolve("@repomix/tree-sitter-wasms/package.json")), "out");
    return { runtime, grammars };
  } catch {
    return null;
  }
}
