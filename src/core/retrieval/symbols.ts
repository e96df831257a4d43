// Definitions in a source file: functions, classes, methods, types, constants, with their 1-based line
// ranges and a one-line signature. Shared by the propose context (symbol index, outlines, regions),
// the review job (large files in parts) and the auditor (definitions a rename removed).
//
// A real parser (tree-sitter, compiled to WebAssembly) reads TypeScript/TSX/JavaScript, Python, Go, Rust
// and Java once `initParsers()` (src/adapters/parsers/init-parsers.ts) has loaded the grammars; call it
// once per process before the first `symbolsOf`. Without it, for other languages, and for a file the
// parser cannot read, a line-based fallback (symbols-regex.ts) answers: fast, and right for ordinary
// code, but blind to nesting the indentation or braces do not show.
import type { Parser } from "web-tree-sitter";
import { languageOf, type ParsedLanguage } from "./code-languages.js";
import { regexSymbols } from "./symbols-regex.js";
import { treeSitterSymbols } from "./symbols-tree-sitter.js";
import type { CodeSymbol } from "./symbol-types.js";

export type { CodeSymbol, SymbolKind } from "./symbol-types.js";

const parsers = new Map<ParsedLanguage, Parser>();

/** Called by initParsers with one ready parser per language; replaces what was installed. */
export function installParsers(ready: ReadonlyMap<ParsedLanguage, Parser>): void {
  parsers.clear();
  for (const [language, parser] of ready) parsers.set(language, parser);
}

/** Which languages a real parser reads right now. */
export function parsedLanguages(): ParsedLanguage[] {
  return [...parsers.keys()];
}

/** Files larger than this are read by the fallback: a parse tree of several MB costs more than it tells. */
const MAX_PARSE_CHARS = 1_000_000;

/** The definitions of `content` (the file at `path`), in source order. */
export function symbolsOf(path: string, content: string, options: { parser?: "auto" | "regex" } = {}): CodeSymbol[] {
  const language = languageOf(path);
  const parser = language && options.parser !== "regex" && content.length <= MAX_PARSE_CHARS ? parsers.get(language) : undefined;
  if (parser && language) {
    const parsed = treeSitterSymbols(parser, language, content);
    if (parsed) return parsed;
  }
  return regexSymbols(path, content);
}

/** Innermost symbol whose range holds `line` (1-based), or undefined. */
export function enclosingSymbol(symbols: readonly CodeSymbol[], line: number): CodeSymbol | undefined {
  let best: CodeSymbol | undefined;
  for (const symbol of symbols) {
    if (symbol.startLine > line || symbol.endLine < line) continue;
    if (!best || symbol.endLine - symbol.startLine < best.endLine - best.startLine) best = symbol;
  }
  return best;
}
