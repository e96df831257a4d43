// A file's outline: its imports (folded) and the signatures of its definitions with their line ranges,
// members indented under their class. What a model reads to know a large file's shape before it sees
// the regions that matter (regions.ts).
import { symbolsOf, type CodeSymbol } from "./symbols.js";

export interface OutlineOptions {
  /** Most definition lines shown (default 200); the rest are counted. */
  maxSymbols?: number;
  /** Most import lines shown (default 12; 0: none). */
  maxImports?: number;
  /** Symbols already computed for this content (saves a parse). */
  symbols?: readonly CodeSymbol[];
}

const IMPORT = /^\s*(?:import\s|from\s+\S+\s+import\s|use\s|#include\s|require\(|const\s+\w+\s*=\s*require\(|package\s|extern\s+crate\s)/;

/**
 * The outline of `content`, one line per import and definition:
 * `12-40: class Session(SessionRedirectMixin)` with members indented by two spaces.
 */
export function outlineOf(path: string, content: string, options: OutlineOptions = {}): string {
  const symbols = options.symbols ?? symbolsOf(path, content);
  const lines = content.split("\n");
  const out: string[] = [];

  const imports: string[] = [];
  let importCount = 0;
  const maxImports = options.maxImports ?? 12;
  for (let i = 0; i < lines.length && i < 400; i += 1) {
    const line = lines[i] as string;
    if (!IMPORT.test(line)) continue;
    importCount += 1;
    if (imports.length < maxImports) imports.push(`${i + 1}: ${line.trim().slice(0, 160)}`);
  }
  out.push(...imports);
  if (importCount > imports.length) out.push(`… ${importCount - imports.length} more import lines`);

  const maxSymbols = options.maxSymbols ?? 200;
  const stack: CodeSymbol[] = [];
  let shown = 0;
  for (const symbol of symbols) {
    while (stack.length > 0 && (stack[stack.length - 1] as CodeSymbol).endLine < symbol.startLine) stack.pop();
    if (shown >= maxSymbols) continue;
    const depth = stack.filter((outer) => outer.endLine >= symbol.endLine).length;
    const range = symbol.startLine === symbol.endLine ? `${symbol.startLine}` : `${symbol.startLine}-${symbol.endLine}`;
    out.push(`${"  ".repeat(depth)}${range}: ${symbol.signature || `${symbol.kind} ${symbol.name}`}`);
    shown += 1;
    stack.push(symbol);
  }
  if (symbols.length > shown) out.push(`… ${symbols.length - shown} more definitions`);
  if (out.length === 0) out.push(`(no definitions found; ${lines.length} lines)`);
  return out.join("\n");
}
