// The repository's symbol index: the definitions of every indexed file, keyed by blob (the git object id
// of its content), so an unchanged file is never parsed twice, across cycles too: the index is saved in
// the state store (context/symbol-index.json) with the tree it was last brought up to date for.
//
// Parsing is bounded by time: tree-sitter reads ~7 MB/s here, so a 100 MB repository would take ~15 s.
// `update` parses the files the caller needs first (the ranking's candidates), then others while the
// budget lasts; files left over get the regex fallback when needed now and a real parse on a later run.
// Stored compactly (name, kind, lines, container; no signatures: outlines re-parse the few files shown).
import { createHash } from "node:crypto";
import { symbolsOf, type CodeSymbol, type SymbolKind } from "./symbols.js";
import { languageOf } from "./code-languages.js";

export interface IndexFile {
  path: string;
  content: string;
  /** Git blob id; computed from the content when absent. */
  blob?: string;
}

export interface IndexedSymbol {
  name: string;
  kind: SymbolKind;
  startLine: number;
  endLine: number;
  container?: string;
}

interface Entry {
  /** 1: a real parser read it; 0: the regex fallback (re-parsed when time allows). */
  parsed: 0 | 1;
  /** Unpacked on first use: a cycle reads the symbols of a few hundred files out of thousands. */
  symbols: IndexedSymbol[] | null;
  packed: string | null;
}

/** What is stored: version, the tree last indexed, and per blob the parser flag and packed symbols. */
export interface StoredIndex {
  v: 1;
  tree: string | null;
  blobs: Record<string, [0 | 1, string]>;
}

export const SYMBOL_INDEX_PATH = "context/symbol-index.json";

export class SymbolIndex {
  private readonly entries = new Map<string, Entry>();
  /** Blobs parsed (or re-parsed) since load, i.e. whether saving is worth it. */
  changed = 0;
  tree: string | null = null;

  static load(text: string | undefined): SymbolIndex {
    const index = new SymbolIndex();
    if (!text) return index;
    try {
      const stored = JSON.parse(text) as StoredIndex;
      if (stored.v !== 1 || typeof stored.blobs !== "object") return index;
      index.tree = stored.tree ?? null;
      for (const [blob, [parsed, packed]] of Object.entries(stored.blobs)) index.entries.set(blob, { parsed, symbols: null, packed });
    } catch {
      // A damaged cache is rebuilt, never trusted.
    }
    return index;
  }

  /** The stored form, keeping only the blobs of `files` (the current tree). */
  save(files: readonly IndexFile[], tree: string | null): string {
    const blobs: StoredIndex["blobs"] = {};
    for (const file of files) {
      const blob = blobOf(file);
      const entry = this.entries.get(blob);
      if (entry) blobs[blob] = [entry.parsed, entry.packed ?? pack(entry.symbols ?? [])];
    }
    return JSON.stringify({ v: 1, tree, blobs } satisfies StoredIndex);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The file's symbols: from the index, else parsed now (regex when `fast`), and remembered. */
  symbols(file: IndexFile, options: { fast?: boolean } = {}): IndexedSymbol[] {
    const blob = blobOf(file);
    const entry = this.entries.get(blob);
    if (entry && (entry.parsed === 1 || options.fast || !languageOf(file.path))) {
      entry.symbols ??= unpack(entry.packed ?? "");
      return entry.symbols;
    }
    return this.parse(file, blob, options.fast ?? false);
  }

  has(file: IndexFile): boolean {
    return this.entries.has(blobOf(file));
  }

  /**
   * Indexes `first` (all of them; real parser while `budgetMs` lasts, then regex), then `rest` with the
   * real parser for `restMs` more (default 0), so the cache grows a little each run without making
   * any run slow. Returns how many files each way.
   */
  update(first: readonly IndexFile[], rest: readonly IndexFile[], budgetMs: number, now: () => number = () => performance.now(), restMs = 0): { parsed: number; fallback: number } {
    let deadline = now() + budgetMs;
    let parsed = 0;
    let fallback = 0;
    for (const file of first) {
      const blob = blobOf(file);
      const entry = this.entries.get(blob);
      if (entry && (entry.parsed === 1 || !languageOf(file.path))) continue;
      const fast = now() > deadline;
      if (fast && entry) continue;
      this.parse(file, blob, fast);
      if (fast) fallback += 1;
      else parsed += 1;
    }
    deadline = Math.min(deadline, now()) + restMs;
    for (const file of rest) {
      if (now() > deadline) break;
      const blob = blobOf(file);
      const entry = this.entries.get(blob);
      if (entry && (entry.parsed === 1 || !languageOf(file.path))) continue;
      this.parse(file, blob, false);
      parsed += 1;
    }
    return { parsed, fallback };
  }

  private parse(file: IndexFile, blob: string, fast: boolean): IndexedSymbol[] {
    const symbols = symbolsOf(file.path, file.content, { parser: fast ? "regex" : "auto" }).map(compact);
    this.entries.set(blob, { parsed: fast || !languageOf(file.path) ? 0 : 1, symbols, packed: null });
    this.changed += 1;
    return symbols;
  }
}

function compact(symbol: CodeSymbol): IndexedSymbol {
  const { name, kind, startLine, endLine, container } = symbol;
  return container === undefined ? { name, kind, startLine, endLine } : { name, kind, startLine, endLine, container };
}

/** The git blob id of the file's content (what `git hash-object` prints). */
export function blobOf(file: IndexFile): string {
  if (file.blob) return file.blob;
  const bytes = Buffer.from(file.content, "utf8");
  const id = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  file.blob = id;
  return id;
}

// Packed: one symbol per line, tab-separated name, kind, start, end, container. Names never hold tabs or
// newlines (they are identifiers, or an impl's type text with whitespace collapsed).
function pack(symbols: readonly IndexedSymbol[]): string {
  return symbols.map((s) => [s.name.replace(/\s+/g, " "), s.kind, s.startLine, s.endLine, (s.container ?? "").replace(/\s+/g, " ")].join("\t")).join("\n");
}

function unpack(packed: string): IndexedSymbol[] {
  if (!packed) return [];
  return packed.split("\n").map((line) => {
    const [name = "", kind = "function", start = "0", end = "0", container = ""] = line.split("\t");
    const symbol: IndexedSymbol = { name, kind: kind as SymbolKind, startLine: Number(start), endLine: Number(end) };
    if (container) symbol.container = container;
    return symbol;
  });
}
