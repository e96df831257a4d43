import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  installParsers
} from "./chunk-2QDLELWW.js";

// src/adapters/parsers/init-parsers.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
var GRAMMAR_FILES = {
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  javascript: "tree-sitter-javascript.wasm",
  python: "tree-sitter-python.wasm",
  go: "tree-sitter-go.wasm",
  rust: "tree-sitter-rust.wasm",
  java: "tree-sitter-java.wasm"
};
var RUNTIME_FILE = "web-tree-sitter.wasm";
var loading;
function initParsers() {
  loading ??= load().catch((error) => ({ languages: [], failed: [], directory: null, error: error.message }));
  return loading;
}
async function load() {
  const places = locate();
  if (!places) return { languages: [], failed: [], directory: null };
  const { Parser, Language } = await import("./web-tree-sitter-6YF3SLVG.js");
  await Parser.init({ locateFile: () => places.runtime });
  const ready = /* @__PURE__ */ new Map();
  const failed = [];
  for (const [language, file] of Object.entries(GRAMMAR_FILES)) {
    try {
      const grammar = await Language.load(await readFile(path.join(places.grammars, file)));
      const parser = new Parser();
      parser.setLanguage(grammar);
      ready.set(language, parser);
    } catch (error) {
      failed.push({ language, reason: error.message });
    }
  }
  installParsers(ready);
  return { languages: [...ready.keys()], failed, directory: places.grammars };
}
function locate() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, "grammars"), path.join(here, "..", "grammars")]) {
    if (existsSync(path.join(dir, RUNTIME_FILE))) return { runtime: path.join(dir, RUNTIME_FILE), grammars: dir };
  }
  try {
    const require2 = createRequire(import.meta.url);
    const runtime = require2.resolve(`web-tree-sitter/${RUNTIME_FILE}`);
    const grammars = path.join(path.dirname(require2.resolve("@repomix/tree-sitter-wasms/package.json")), "out");
    return { runtime, grammars };
  } catch {
    return null;
  }
}

export {
  initParsers
};
