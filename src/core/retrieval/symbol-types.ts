// The shape of a definition found in a source file (symbols.ts), and how its signature is written.

export type SymbolKind =
  | "function"
  | "method"
  | "class"
  | "interface"
  | "type"
  | "enum"
  | "struct"
  | "trait"
  | "impl"
  | "module"
  | "constant"
  | "variable"
  | "macro";

export interface CodeSymbol {
  name: string;
  kind: SymbolKind;
  /** 1-based, inclusive; decorators and `export` included. */
  startLine: number;
  endLine: number;
  /** The declaration up to its body, on one line (at most 200 characters). */
  signature: string;
  /** The class, impl, trait or module it is declared in, when it is a member. */
  container?: string;
}

/** One line of text: whitespace runs collapsed, the opening of the body cut, at most `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(const|var|type) \( /, "$1 ").replace(/\s*[{:]\s*$/, "").replace(/\s*=>\s*$/, " =>");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
