// Code with its comments and string literals blanked out (each character becomes a space, newlines kept), so a
// word search finds identifiers the code uses and not words in prose or in text. One small scanner per
// language family; template literals keep their `${…}` code (TypeScript/JavaScript).
import type { CodeLanguage } from "./code-files.js";

export function maskCode(text: string, language: CodeLanguage, options: { strings?: boolean } = {}): string {
  const out = text.split("");
  const maskStrings = options.strings ?? true;
  const blankComment = (from: number, to: number) => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== "\n") out[i] = " ";
  };
  const blank = (from: number, to: number) => {
    if (!maskStrings) return;
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== "\n") out[i] = " ";
  };
  const n = text.length;
  const hashComments = language === "python";
  const slashComments = language !== "python";
  // Template literal nesting: for each open `${`, the brace depth at which its code ends.
  const templateStack: number[] = [];
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (slashComments && c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blankComment(i, stop);
      i = stop;
      continue;
    }
    if (slashComments && c === "/" && next === "*") {
      const stop = blockCommentEnd(text, i, language === "rust");
      blankComment(i, stop);
      i = stop;
      continue;
    }
    if (hashComments && c === "#") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blankComment(i, stop);
      i = stop;
      continue;
    }
    if (language === "ts" && c === "}" && templateStack.length > 0 && templateStack[templateStack.length - 1] === depth) {
      templateStack.pop();
      const stop = templateEnd(text, i + 1, templateStack, depth);
      blank(i + 1, stop.blankTo);
      i = stop.next;
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") depth--;
    if (language === "ts" && c === "`") {
      const stop = templateEnd(text, i + 1, templateStack, depth);
      blank(i, stop.blankTo);
      i = stop.next;
      continue;
    }
    if (language === "go" && c === "`") {
      const end = text.indexOf("`", i + 1);
      const stop = end < 0 ? n : end + 1;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (language === "python" && (c === '"' || c === "'") && isPythonStringStart(text, i)) {
      const stop = pythonStringEnd(text, i);
      blank(i, stop);
      i = stop;
      continue;
    }
    if (language === "rust" && (c === "r" || c === "b") && isRustRawStart(text, i)) {
      const stop = rustRawEnd(text, i);
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || (c === "'" && language === "ts")) {
      const stop = quotedEnd(text, i, c);
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "'" && (language === "rust" || language === "go")) {
      // A char/rune literal, or (Rust) a lifetime `'a` that is left alone.
      const char = /^'(?:\\u\{[0-9a-fA-F]{1,6}\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'/u.exec(text.slice(i, i + 14));
      if (char) {
        blank(i, i + char[0].length);
        i += char[0].length;
        continue;
      }
    }
    i++;
  }
  return out.join("");
}

function blockCommentEnd(text: string, start: number, nested: boolean): number {
  let level = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text[i] === "/" && text[i + 1] === "*" && (nested || level === 0)) {
      level++;
      i++;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      level--;
      i++;
      if (level === 0) return i + 1;
    }
  }
  return text.length;
}

function quotedEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i + 1;
    // JS and Go strings end at a newline; Rust strings may span lines.
    else if (c === "\n" && quote !== '"') return i;
  }
  return text.length;
}

/** From inside a template literal to its end; stops at `${` (pushing the depth its code ends at). */
function templateEnd(text: string, from: number, stack: number[], depth: number): { blankTo: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "`") return { blankTo: i + 1, next: i + 1 };
    else if (c === "$" && text[i + 1] === "{") {
      stack.push(depth);
      return { blankTo: i, next: i + 2 };
    }
  }
  return { blankTo: text.length, next: text.length };
}

function isPythonStringStart(text: string, i: number): boolean {
  // A quote is a string start unless it closes nothing; prefixes (r, b, f, u) are letters before it, which
  // the scanner has already passed as code, and that is harmless.
  return text[i] === '"' || text[i] === "'";
}

function pythonStringEnd(text: string, start: number): number {
  const quote = text[start] as string;
  const triple = text.startsWith(quote.repeat(3), start);
  const raw = /[rR][bBfF]?$|[bBfF][rR]$/.test(text.slice(Math.max(0, start - 2), start));
  if (triple) {
    for (let i = start + 3; i < text.length; i++) {
      if (text[i] === "\\" && !raw) i++;
      else if (text.startsWith(quote.repeat(3), i)) return i + 3;
    }
    return text.length;
  }
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i + 1;
    else if (c === "\n") return i;
  }
  return text.length;
}

function isRustRawStart(text: string, i: number): boolean {
  if (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1] as string)) return false;
  return /^(?:br|r|b)#*"/.test(text.slice(i, i + 8)) && !/^b'/.test(text.slice(i, i + 2));
}

function rustRawEnd(text: string, start: number): number {
  const head = /^(br|r|b)(#*)"/.exec(text.slice(start, start + 260));
  if (!head) return start + 1;
  const open = start + head[0].length;
  if (head[1] === "b") return quotedEnd(text, open - 1, '"');
  const close = `"${head[2] ?? ""}`;
  const end = text.indexOf(close, open);
  return end < 0 ? text.length : end + close.length;
}
