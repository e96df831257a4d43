// Tolerant extraction of JSON objects from a model's answer: raw JSON, ```json fences, prose around the
// object. Models wrap, preface and truncate their JSON; this finds every object that parses, in the order
// it appears, and says precisely why nothing parsed when nothing did.

export interface ExtractedObject {
  value: Record<string, unknown>;
  /** 1-based line of the object's opening brace in the answer. */
  line: number;
}

export interface Truncation {
  line: number;
  /** Brackets still open at the end of the answer, outermost first ("{[{"). */
  open: string;
  inString: boolean;
}

export interface Extraction {
  objects: ExtractedObject[];
  /** The earliest object that was still open when the answer ended (the answer was probably cut off). */
  truncated: Truncation | null;
  /** The first JSON.parse failure of a balanced candidate, for answers that are JSON-ish but invalid. */
  syntaxError: { line: number; message: string } | null;
}

// Scanning restarts at every "{" after a failed candidate, which is quadratic on adversarial input;
// the budget keeps a pathological answer from stalling a cycle while leaving real answers untouched.
const SCAN_BUDGET_FACTOR = 64;
const MAX_OBJECTS = 32;

type Scan = { kind: "closed"; end: number } | { kind: "open"; open: string; inString: boolean } | { kind: "mismatch" };

/** Find the JSON objects in `text`: the whole text, then fenced blocks, then balanced `{…}` spans. */
export function extractJsonObjects(text: string): Extraction {
  const source = text.replace(/^\uFEFF/, "");
  const result: Extraction = { objects: [], truncated: null, syntaxError: null };
  // Candidate text → whether it parsed as an object, so the same span found twice is judged once.
  const seen = new Map<string, boolean>();

  const consider = (candidate: string, offset: number): boolean => {
    const trimmed = candidate.trim();
    if (trimmed === "") return false;
    const known = seen.get(trimmed);
    if (known !== undefined) return known;
    seen.set(trimmed, false);
    try {
      const value: unknown = JSON.parse(trimmed);
      if (isPlainObject(value)) {
        seen.set(trimmed, true);
        result.objects.push({ value, line: lineOf(source, offset + candidate.indexOf("{")) });
        return true;
      }
    } catch (error) {
      if (result.syntaxError === null && trimmed.startsWith("{")) {
        result.syntaxError = { line: lineOf(source, offset + candidate.indexOf("{")), message: (error as Error).message };
      }
    }
    return false;
  };

  consider(source, 0);
  for (const fence of fencedBlocks(source)) consider(fence.body, fence.offset);

  let budget = SCAN_BUDGET_FACTOR * source.length + 10_000;
  let from = source.indexOf("{");
  while (from !== -1 && result.objects.length < MAX_OBJECTS && budget > 0) {
    const scan = scanFrom(source, from);
    budget -= (scan.kind === "closed" ? scan.end : source.length) - from;
    let next = from + 1;
    if (scan.kind === "closed") {
      // A span that parses is taken whole (its inner objects are parts of it, not answers of their own).
      if (consider(source.slice(from, scan.end), from)) next = scan.end;
    } else if (scan.kind === "open" && result.truncated === null) {
      result.truncated = { line: lineOf(source, from), open: scan.open, inString: scan.inString };
    }
    from = source.indexOf("{", next);
  }
  return result;
}

/** Walk from an opening brace to its matching close, ignoring brackets inside JSON strings. */
function scanFrom(text: string, start: number): Scan {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") stack.push(c);
    else if (c === "}" || c === "]") {
      const opener = stack.pop();
      if ((c === "}" && opener !== "{") || (c === "]" && opener !== "[")) return { kind: "mismatch" };
      if (stack.length === 0) return { kind: "closed", end: i + 1 };
    }
  }
  return { kind: "open", open: stack.join(""), inString };
}

/**
 * Bodies of Markdown code fences. A fence closes only on a line of its own, and valid JSON strings cannot
 * hold a raw newline, so a "```" inside a JSON string (a README in `content`) never ends the block early.
 * An unclosed fence runs to the end of the answer (a cut-off answer loses its closing fence first).
 */
function fencedBlocks(text: string): { body: string; offset: number }[] {
  const blocks: { body: string; offset: number }[] = [];
  const opener = /^[ \t]*(`{3,}|~{3,})[^\n`]*\n/gm;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text)) !== null) {
    const fence = match[1] ?? "```";
    const bodyStart = match.index + match[0].length;
    const closer = new RegExp(`^[ \\t]*${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`, "m");
    const rest = text.slice(bodyStart);
    const close = closer.exec(rest);
    const body = close ? rest.slice(0, close.index) : rest;
    blocks.push({ body, offset: bodyStart });
    if (!close) break;
    opener.lastIndex = bodyStart + close.index + close[0].length;
  }
  return blocks;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
