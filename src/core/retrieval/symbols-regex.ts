// The fast fallback for symbolsOf: definitions found line by line with patterns, for languages without
// a grammar here and before initParsers() ran. A definition ends where its braces close (brace
// languages, strings and comments ignored roughly) or where the indentation returns to its level
// (Python, Ruby, and anything else).
import { oneLine, type CodeSymbol, type SymbolKind } from "./symbol-types.js";

interface Pattern {
  re: RegExp;
  kind: SymbolKind;
  /** Index of the capture group holding the name. */
  name: number;
}

const PYTHON: Pattern[] = [
  { re: /^(\s*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/, kind: "function", name: 2 },
  { re: /^(\s*)class\s+([A-Za-z_]\w*)/, kind: "class", name: 2 },
  { re: /^()([A-Z_][A-Z0-9_]*)\s*(?::[^=]+)?=[^=]/, kind: "constant", name: 2 },
];
const RUBY: Pattern[] = [
  { re: /^(\s*)def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?)/, kind: "function", name: 2 },
  { re: /^(\s*)class\s+([A-Z]\w*(?:::\w+)*)/, kind: "class", name: 2 },
  { re: /^(\s*)module\s+([A-Z]\w*(?:::\w+)*)/, kind: "module", name: 2 },
];
const MODIFIERS = "(?:(?:export|default|declare|public|private|protected|internal|static|abstract|final|async|override|readonly|sealed|open|inline|extern|virtual|unsafe|const|pub(?:\\([^)]*\\))?)\\s+)*";
const BRACES: Pattern[] = [
  { re: new RegExp(`^(\\s*)${MODIFIERS}(?:function\\*?|func|fn|fun|def)\\s+(?:\\([^)]*\\)\\s*)?([A-Za-z_$][\\w$]*)`), kind: "function", name: 2 },
  { re: new RegExp(`^(\\s*)${MODIFIERS}(?:class|record|object)\\s+([A-Za-z_$][\\w$]*)`), kind: "class", name: 2 },
  { re: new RegExp(`^(\\s*)${MODIFIERS}interface\\s+([A-Za-z_$][\\w$]*)`), kind: "interface", name: 2 },
  { re: new RegExp(`^(\\s*)${MODIFIERS}(?:struct|union)\\s+([A-Za-z_$][\\w$]*)`), kind: "struct", name: 2 },
  { re: new RegExp(`^(\\s*)${MODIFIERS}enum\\s+(?:class\\s+)?([A-Za-z_$][\\w$]*)`), kind: "enum", name: 2 },
  { re: new RegExp(`^(\\s*)${MODIFIERS}trait\\s+([A-Za-z_$][\\w$]*)`), kind: "trait", name: 2 },
  { re: /^(\s*)impl(?:<[^>]*>)?\s+(?:[\w:<>, ]+\s+for\s+)?([A-Za-z_][\w:]*)/, kind: "impl", name: 2 },
  { re: new RegExp(`^(\\s*)${MODIFIERS}(?:mod|namespace|module)\\s+([A-Za-z_$][\\w$.]*)\\s*\\{`), kind: "module", name: 2 },
  { re: /^(\s*)type\s+([A-Za-z_]\w*)\b/, kind: "type", name: 2 },
  { re: /^()(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>/, kind: "function", name: 2 },
  { re: /^()(?:export\s+)?const\s+([A-Z_][A-Z0-9_]*)\s*(?::[^=]+)?=/, kind: "constant", name: 2 },
  // C, C++, Java, C#: `Type name(args) {` at any indentation, not a call or a control statement.
  { re: /^(\s*)(?!(?:if|for|while|switch|return|else|catch|do|case|new|throw|sizeof|typeof)\b)(?:[\w:<>,*&[\]]+\s+)+\**([A-Za-z_]\w*)\s*\([^;]*$/, kind: "function", name: 2 },
];

const PYTHON_LIKE = new Set(["py", "pyi", "pyx"]);
const RUBY_LIKE = new Set(["rb", "rake"]);
const KNOWN_CODE = /\.(?:[cm]?[jt]sx?|go|rs|java|kt|kts|scala|swift|c|h|cc|cpp|cxx|hpp|hh|cs|php|dart|groovy|sol|zig|v|proto)$/i;

export function regexSymbols(path: string, content: string): CodeSymbol[] {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  if (PYTHON_LIKE.has(ext)) return scan(content, PYTHON, "indent");
  if (RUBY_LIKE.has(ext)) return scan(content, RUBY, "indent");
  if (KNOWN_CODE.test(path)) return scan(content, BRACES, "braces");
  return [];
}

function scan(content: string, patterns: readonly Pattern[], ends: "indent" | "braces"): CodeSymbol[] {
  const lines = content.split("\n");
  const found: { symbol: CodeSymbol; indent: number }[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.length > 400 || line.trim() === "") continue;
    for (const pattern of patterns) {
      const match = pattern.re.exec(line);
      if (!match) continue;
      const name = match[pattern.name];
      if (!name) break;
      const indent = (match[1] ?? "").replace(/\t/g, "    ").length;
      const end = ends === "indent" ? indentEnd(lines, i, indent) : braceEnd(lines, i);
      const start = decoratorStart(lines, i);
      const kind = pattern.kind === "type" ? goTypeKind(line) : pattern.kind;
      found.push({ symbol: { name, kind, startLine: start + 1, endLine: end + 1, signature: oneLine(line) }, indent });
      break;
    }
  }
  return withContainers(found);
}

/** Go's `type X struct {` and `type X interface {`. */
function goTypeKind(line: string): SymbolKind {
  return /^\s*type\s+\w+(?:\[[^\]]*\])?\s+struct\b/.test(line) ? "struct" : /^\s*type\s+\w+(?:\[[^\]]*\])?\s+interface\b/.test(line) ? "interface" : "type";
}

/** Decorators and annotations directly above a definition belong to it. */
function decoratorStart(lines: readonly string[], index: number): number {
  let start = index;
  while (start > 0 && /^\s*[@#]\[?[A-Za-z_]/.test(lines[start - 1] as string) && !/^\s*#\s/.test(lines[start - 1] as string)) start -= 1;
  return start;
}

/** The last line indented deeper than `indent` after `index` (blank lines inside count, trailing ones not). */
function indentEnd(lines: readonly string[], index: number, indent: number): number {
  let end = index;
  // A multi-line signature: continue until the line that opens the body.
  let open = bracketBalance(lines[index] as string);
  let i = index + 1;
  while (open > 0 && i < lines.length) {
    open += bracketBalance(lines[i] as string);
    end = i;
    i += 1;
  }
  for (; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const depth = (/^\s*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
    if (depth <= indent) {
      // Ruby (and Lua, Crystal) close a block with `end` at the opening's indentation.
      if (depth === indent && /^\s*end\b/.test(line)) end = i;
      break;
    }
    end = i;
  }
  return end;
}

function bracketBalance(line: string): number {
  let balance = 0;
  for (const ch of line) {
    if (ch === "(" || ch === "[") balance += 1;
    else if (ch === ")" || ch === "]") balance -= 1;
  }
  return balance;
}

/** The line where the braces opened at or after `index` close again; `index` itself when none open soon. */
function braceEnd(lines: readonly string[], index: number): number {
  let depth = 0;
  let opened = false;
  for (let i = index; i < lines.length; i += 1) {
    const line = stripStringsAndComments(lines[i] as string);
    for (const ch of line) {
      if (ch === "{") {
        depth += 1;
        opened = true;
      } else if (ch === "}") {
        depth -= 1;
      }
    }
    if (opened && depth <= 0) return i;
    // A declaration without a body (`type A = B;`, a prototype) ends on its own line.
    if (!opened && (/;\s*$/.test(line) || i - index >= 8)) return index;
  }
  return opened ? lines.length - 1 : index;
}

function stripStringsAndComments(line: string): string {
  return line
    .replace(/\/\/.*$/, "")
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

/** Members get the name of the innermost earlier symbol whose range holds them. */
function withContainers(found: readonly { symbol: CodeSymbol; indent: number }[]): CodeSymbol[] {
  const out: CodeSymbol[] = [];
  const stack: CodeSymbol[] = [];
  for (const { symbol } of found) {
    while (stack.length > 0 && (stack[stack.length - 1] as CodeSymbol).endLine < symbol.startLine) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && parent.endLine >= symbol.endLine) {
      if (parent.kind === "function" || parent.kind === "method") continue; // a local helper
      out.push({ ...symbol, kind: symbol.kind === "function" ? "method" : symbol.kind, container: parent.name });
    } else {
      out.push(symbol);
    }
    stack.push(symbol);
  }
  return out;
}
