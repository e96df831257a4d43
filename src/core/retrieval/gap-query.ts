// What to look for, from the whole gap: the tagged text (weighted first), its section path, the PRD text
// around it (for an issue gap: its title and body, both in the text), and what any of it names: paths
// (`requests/sessions.py`), partial paths (`sessions.py`), module paths (`requests.sessions`) and code
// identifiers (`merge_setting`, `parseCsvRow`, `Session.request`), which the ranking matches against the
// files that define them.
import type { Gap } from "../types.js";
import { ISSUE_SECTION_HEADING } from "../gaps/issue-gap.js";
import { queryTerms } from "./retrieval-terms.js";

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface GapQuery {
  /** Query terms, heaviest first (the tagged text's, then the section's, then the surrounding text's). */
  terms: WeightedTerm[];
  /** Code-like names in the gap's text, as written (`merge_setting`, `Session.request` → `request` too). */
  identifiers: string[];
  /** Repository paths the gap names, fully or in part, in order of appearance, with what named them. */
  named: { path: string; by: string }[];
  /** All the gap's words together, for the plain text of the question. */
  text: string;
}

const EXTENSION_WORDS = new Set(["py", "ts", "js", "tsx", "jsx", "mjs", "go", "rs", "rb", "md", "java", "kt", "cs", "cpp", "hpp", "yml", "yaml", "json", "toml"]);

/** Weights of the parts of a gap. */
export const WEIGHTS = { text: 3, body: 1.5, section: 2, context: 1 };

export type QueryGap = Pick<Gap, "text" | "section" | "files"> & { context?: string };

export function buildQuery(gap: QueryGap, paths: readonly string[]): GapQuery {
  const surrounding = surroundingText(gap);
  // An issue's gap is "Issue #12: title — body": the title is what it is about, the body says more.
  const issue = /^Issue #\d+: (.*?)(?: — (.*))?$/s.exec(gap.text);
  const parts: { text: string; weight: number }[] = [
    ...(issue ? [{ text: issue[1] as string, weight: WEIGHTS.text }, { text: issue[2] ?? "", weight: WEIGHTS.body }] : [{ text: gap.text, weight: WEIGHTS.text }]),
    // The heading an issue's gap sits under names prd-bot, not the code.
    { text: gap.section.filter((heading) => heading !== ISSUE_SECTION_HEADING).join("\n"), weight: WEIGHTS.section },
    { text: surrounding, weight: WEIGHTS.context },
  ];
  const weights = new Map<string, number>();
  const order: string[] = [];
  for (const part of parts) {
    for (const term of queryTerms([part.text])) {
      // `sessions.py` names a file (namedPaths); its extension as a word matches every file of the language.
      if (EXTENSION_WORDS.has(term)) continue;
      const before = weights.get(term);
      if (before === undefined) order.push(term);
      // A term repeated across parts gains a little; its best part decides most.
      weights.set(term, before === undefined ? part.weight : Math.max(before, part.weight) + 0.25);
    }
  }
  const terms = order.map((term) => ({ term, weight: weights.get(term) as number })).sort((a, b) => b.weight - a.weight);
  const all = [gap.text, surrounding].join("\n");
  return { terms, identifiers: identifiersIn(all), named: namedPaths(gap, all, paths), text: [gap.text, ...gap.section, surrounding].join("\n") };
}

/** The PRD text around the gap without the gap's own line (it is already the heaviest part). */
function surroundingText(gap: QueryGap): string {
  const context = gap.context ?? "";
  return context
    .split("\n")
    .filter((line) => !line.includes(gap.text.slice(0, 60)))
    .join("\n");
}

const STOP_IDENTIFIERS = new Set(["e.g", "i.e", "etc", "vs", "http", "https", "www"]);

/**
 * Names that look like code: with an underscore, an inner capital (camelCase, PascalCase with two humps),
 * a dot between names (`Session.request`), a call (`resolve()`), or in backticks. Dotted names also give
 * their last part.
 */
export function identifiersIn(text: string): string[] {
  const found: string[] = [];
  const add = (name: string) => {
    const clean = name.replace(/^[.$]+|[.(),:;]+$/g, "");
    if (clean.length < 3 || STOP_IDENTIFIERS.has(clean.toLowerCase()) || /^\d/.test(clean) || found.includes(clean)) return;
    found.push(clean);
  };
  for (const match of text.matchAll(/`([^`\n]{2,80})`/g)) {
    for (const word of (match[1] as string).match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g) ?? []) addName(word, add);
  }
  const code = /(?<![\w/.-])([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(\(\))?/g;
  for (const match of text.matchAll(code)) {
    const word = match[1] as string;
    const isCall = match[2] !== undefined;
    const looksCode = word.includes("_") || /[a-z][A-Z]/.test(word) || /^[A-Z][a-z]+[A-Z]/.test(word) || (word.includes(".") && !/\.(\w{1,4})$/.test(word) ? true : false);
    if (isCall || looksCode) addName(word, add);
  }
  return found;
}

function addName(word: string, add: (name: string) => void): void {
  if (/^https?$/i.test(word)) return;
  add(word);
  if (word.includes(".")) {
    const parts = word.split(".").filter(Boolean);
    const last = parts[parts.length - 1];
    if (last && last.length >= 3) add(last);
  }
}

/**
 * Repository paths the gap names: the gap's own `files`, then any word of its text that is a path, the end
 * of a path (`sessions.py`, `core/Ky.ts`: one match only, else it names nothing), or a module path
 * (`requests.sessions`, `requests.sessions.Session` → `requests/sessions.py`, `…/__init__.py`, a Go or TS
 * folder's file of that name).
 */
export function namedPaths(gap: Pick<Gap, "files">, text: string, paths: readonly string[]): { path: string; by: string }[] {
  const out: { path: string; by: string }[] = [];
  const known = new Set(paths);
  const add = (path: string, by: string) => {
    if (!out.some((entry) => entry.path === path)) out.push({ path, by });
  };
  for (const file of gap.files) {
    const path = file.replace(/^\.\//, "");
    if (known.has(path)) add(path, file);
  }
  const bySuffix = suffixLookup(paths);
  for (const match of text.matchAll(/[\w./-]*[\w-]\.[A-Za-z][\w]{0,9}\b/g)) {
    const word = match[0].replace(/^\.\//, "").replace(/^\/+/, "");
    if (word.length < 4 || /^https?:|^www\./.test(word)) continue;
    if (known.has(word)) {
      add(word, word);
      continue;
    }
    const candidates = bySuffix(word);
    if (candidates.length === 1) add(candidates[0] as string, word);
    else if (candidates.length === 0) for (const path of modulePaths(word, bySuffix)) add(path, word);
  }
  return out;
}

/** Files whose path ends with `/suffix` (or is `suffix`). */
function suffixLookup(paths: readonly string[]): (suffix: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    const list = byName.get(name);
    if (list) list.push(path);
    else byName.set(name, [path]);
  }
  return (suffix) => {
    const name = suffix.slice(suffix.lastIndexOf("/") + 1);
    return (byName.get(name) ?? []).filter((path) => path === suffix || path.endsWith(`/${suffix}`));
  };
}

const MODULE_FILES = ["py", "ts", "js", "go", "rs", "rb", "java"];

/** `requests.sessions.Session` → the file of the longest dotted prefix that exists. */
function modulePaths(word: string, bySuffix: (suffix: string) => string[]): string[] {
  const parts = word.split(".");
  if (parts.length < 2 || parts.some((part) => !/^[A-Za-z_]\w*$/.test(part))) return [];
  for (let length = parts.length; length >= 2; length -= 1) {
    const base = parts.slice(0, length).join("/");
    for (const suffix of [...MODULE_FILES.map((ext) => `${base}.${ext}`), `${base}/__init__.py`, `${base}/mod.rs`, `${base}/index.ts`]) {
      const found = bySuffix(suffix);
      if (found.length === 1) return found;
    }
  }
  return [];
}
