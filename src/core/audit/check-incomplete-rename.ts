// incomplete_rename: a definition the diff removes (or renames) while code at head still uses the old name.
// Removed definitions come from the removed lines of each patch (comments and strings blanked); a name defined
// again anywhere in the diff was moved or edited, not removed. Then every file of the same language at head is
// searched with word boundaries in its code (comments and strings blanked). A name that is still defined or
// bound somewhere at head (another class's method, a local, an import from a package) is dropped: precision
// first, a noisy blocker is worse than none.
import type { AuditFile, AuditIssue, AuditSkip, HeadTree } from "./audit-types.js";
import { isGeneratedPath, languageOfPath, type CodeLanguage } from "./code-files.js";
import { maskCode } from "./code-mask.js";
import { isDistinctiveName } from "./common-names.js";
import { definitionsInLine, type DefinitionKind } from "./definition-lines.js";
import { bindsName, escapeRegExp } from "./name-bindings.js";
import { parsePatch } from "../diff/parse-patch.js";
import { symbolsOf } from "../retrieval/symbols.js";

export interface RenameLimits {
  /** Files larger than this at head are not searched. */
  maxFileBytes: number;
  /** Total bytes of head files searched; the rest is reported as skipped. */
  maxTotalBytes: number;
}

export const DEFAULT_RENAME_LIMITS: RenameLimits = { maxFileBytes: 1_000_000, maxTotalBytes: 64_000_000 };

interface RemovedName {
  name: string;
  kind: DefinitionKind;
  language: CodeLanguage;
  path: string;
  /** A definition added in the same file where this one was removed: the likely new name. */
  replacement?: string;
}

interface StaleUse {
  path: string;
  line: number;
}

export interface RenameResult {
  issues: Omit<AuditIssue, "blocking">[];
  skipped: AuditSkip[];
}

export async function checkIncompleteRename(files: readonly AuditFile[], tree: HeadTree, limits: RenameLimits = DEFAULT_RENAME_LIMITS): Promise<RenameResult> {
  const removed = removedNames(files);
  const skipped: AuditSkip[] = [];
  if (removed.length === 0) return { issues: [], skipped };
  const languages = new Set(removed.map((r) => r.language));
  const candidates = tree.files.filter((f) => {
    const language = languageOfPath(f.path);
    return language !== undefined && languages.has(language) && !isGeneratedPath(f.path);
  });
  const searched: string[] = [];
  let total = 0;
  let tooLarge = 0;
  let overBudget = 0;
  for (const file of candidates) {
    if (file.bytes > limits.maxFileBytes) tooLarge++;
    else if (total + file.bytes > limits.maxTotalBytes) overBudget++;
    else {
      total += file.bytes;
      searched.push(file.path);
    }
  }
  if (tooLarge > 0) skipped.push({ what: `${tooLarge} file(s) larger than ${limits.maxFileBytes} bytes`, reason: "not searched for stale references to renamed names" });
  if (overBudget > 0) skipped.push({ what: `${overBudget} file(s) beyond ${limits.maxTotalBytes} bytes read`, reason: "not searched for stale references to renamed names" });

  const isRepoModule = repoModules(tree.files.map((f) => f.path));
  const stillDefined = new Set<RemovedName>();
  // A removed name still quoted in its own file at head is kept on purpose: a deprecation shim (`__getattr__`
  // answering "MultiCommand") or an error that names the old option.
  const ownFiles = await tree.read([...new Set(removed.map((r) => r.path))]);
  // The diff's own files at head, read by the one symbol index (core/retrieval, tree-sitter once initParsers ran):
  // a removed name that is still a definition there was moved or re-declared, not removed.
  const changedAtHead = await tree.read(files.filter((f) => f.status !== "removed" && languageOfPath(f.path)).map((f) => f.path));
  const headSymbols = new Set([...changedAtHead].flatMap(([path, content]) => symbolsOf(path, content).map((symbol) => symbol.name)));
  for (const r of removed) if (headSymbols.has(r.name)) stillDefined.add(r);
  const quoted = new Set(removed.filter((r) => new RegExp(`["'\`]${escapeRegExp(r.name)}["'\`]`).test(ownFiles.get(r.path) ?? "")));
  const uses = new Map<RemovedName, StaleUse[]>();
  for (let start = 0; start < searched.length; start += 500) {
    const contents = await tree.read(searched.slice(start, start + 500));
    for (const [path, content] of contents) {
      const language = languageOfPath(path) as CodeLanguage;
      const here = removed.filter((r) => r.language === language && !stillDefined.has(r) && !quoted.has(r) && content.includes(r.name));
      if (here.length === 0) continue;
      const raw = content.split("\n");
      const masked = maskCode(content, language).split("\n");
      masked.forEach((line, index) => {
        for (const r of here) {
          if (stillDefined.has(r) || !wordIn(line, r.name)) continue;
          const rawLine = raw[index] ?? line;
          if (definitionsInLine(line, language, { loose: true }).some((d) => d.name === r.name) || bindsName(line, r.name, language, isRepoModule, rawLine)) {
            stillDefined.add(r);
            continue;
          }
          // An object-literal key (`{ prefixUrl: … }`) names a property, often on purpose (a deprecation test).
          if (r.kind === "field" && new RegExp(`(?<![\\w$.])${escapeRegExp(r.name)}\\s*:(?!:)`).test(line)) continue;
          // ES modules: another file can only use a top-level name it imports; an unimported use is a global.
          if (language === "ts" && r.kind !== "method" && r.kind !== "field" && path !== r.path && !importsName(rawLine, raw, r.name)) continue;
          // `optparse.OptionParser`: qualified by a module imported from outside the repository.
          const qualifier = new RegExp(`([A-Za-z_][\\w]*)\\.${escapeRegExp(r.name)}(?![\\w$])`).exec(line)?.[1];
          if (qualifier && language === "python" && externalModule(raw, qualifier, isRepoModule)) continue;
          const list = uses.get(r) ?? [];
          list.push({ path, line: index + 1 });
          uses.set(r, list);
        }
      });
    }
  }

  const issues: Omit<AuditIssue, "blocking">[] = [];
  for (const r of removed) {
    const stale = uses.get(r);
    if (quoted.has(r) || stillDefined.has(r) || !stale || stale.length === 0) continue;
    const first = stale[0] as StaleUse;
    const where = stale.slice(0, 5).map((u) => `${u.path}:${u.line}`).join(", ");
    const more = stale.length > 5 ? ` and ${stale.length - 5} more` : "";
    const what = r.replacement ? `renamed to \`${r.replacement}\`` : "removed";
    issues.push({
      kind: "incomplete_rename",
      message: `${r.kind} \`${r.name}\` was ${what} in ${r.path}, but ${stale.length === 1 ? "a reference remains" : `${stale.length} references remain`}: ${where}${more}`,
      path: first.path,
      line: first.line,
    });
  }
  return { issues, skipped };
}

function removedNames(files: readonly AuditFile[]): RemovedName[] {
  const addedNames = new Set<string>();
  const perFile: { file: AuditFile; language: CodeLanguage; removed: { name: string; kind: DefinitionKind }[]; added: { name: string; kind: DefinitionKind }[] }[] = [];
  for (const file of files) {
    const language = languageOfPath(file.path);
    if (!language || !file.patch || isGeneratedPath(file.path)) continue;
    const lines = parsePatch(file.patch);
    const defs = (texts: string[], loose: boolean) =>
      maskCode(texts.join("\n"), language)
        .split("\n")
        // A definition that names itself again (`const DOMException = globalThis.DOMException ?? Error`)
        // shadows an outer name: removing it leaves the outer one, not a broken reference.
        .flatMap((line) => definitionsInLine(line, language, { loose }).filter((d) => countWord(line, d.name) === 1));
    const removed = defs(lines.removed.map((l) => l.text), false);
    const added = defs(lines.added.map((l) => l.text), true);
    for (const d of added) addedNames.add(`${language} ${d.name}`);
    perFile.push({ file, language, removed, added });
  }
  const result: RemovedName[] = [];
  const seen = new Set<string>();
  for (const { file, language, removed, added } of perFile) {
    const newHere = added.filter((d) => !removed.some((r) => r.name === d.name));
    for (const d of removed) {
      const key = `${language} ${d.name}`;
      if (addedNames.has(key) || seen.has(key) || !isDistinctiveName(d.name)) continue;
      seen.add(key);
      const replacement = newHere.find((a) => a.kind === d.kind)?.name;
      // A field removed without a replacement is usually moved to another type or belongs to an outside one
      // (an option passed through to fetch): too weak to block on.
      if (d.kind === "field" && !replacement) continue;
      result.push({ name: d.name, kind: d.kind, language, path: file.previousPath ?? file.path, ...(replacement ? { replacement } : {}) });
    }
  }
  return result;
}

function externalModule(lines: readonly string[], module: string, isRepoModule: (module: string) => boolean): boolean {
  const imported = lines.some((l) => new RegExp(`^\\s*import\\s+(?:[\\w.]+\\s*,\\s*)*${escapeRegExp(module)}\\b`).test(l));
  return imported && !isRepoModule(module);
}

function countWord(line: string, name: string): number {
  return line.split(new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(name)}(?![A-Za-z0-9_$])`)).length - 1;
}

/** The file imports `name` from a module of this repository (relative or aliased path), on one line or several. */
function importsName(line: string, lines: readonly string[], name: string): boolean {
  const n = escapeRegExp(name);
  if (new RegExp(`^\\s*(?:import|export)\\b.*(?<![A-Za-z0-9_$])${n}(?![A-Za-z0-9_$])`).test(line)) return true;
  const text = lines.join("\n");
  const named = new RegExp(`\\bimport\\s+(?:type\\s+)?(?:[\\w$]+\\s*,\\s*)?\\{[^}]*(?<![A-Za-z0-9_$])${n}(?![A-Za-z0-9_$])[^}]*\\}\\s*from\\s*["'](?:\\.{1,2}/|[@~]/)`);
  const single = new RegExp(`\\bimport\\s+${n}\\s*(?:,|from)[^;\\n]*["'](?:\\.{1,2}/|[@~]/)|\\b(?:const|let|var)\\s+(?:${n}|\\{[^}]*\\b${n}\\b[^}]*\\})\\s*=\\s*require\\(\\s*["']\\.`);
  return named.test(text) || single.test(text);
}

function wordIn(line: string, name: string): boolean {
  let at = line.indexOf(name);
  while (at >= 0) {
    const before = at > 0 ? line[at - 1] : "";
    const after = line[at + name.length] ?? "";
    if (!/[A-Za-z0-9_$]/.test(before ?? "") && !/[A-Za-z0-9_$]/.test(after)) return true;
    at = line.indexOf(name, at + 1);
  }
  return false;
}

/** Whether an import names a module of this repository: its first segment is a top-level folder or file. */
function repoModules(paths: readonly string[]): (module: string) => boolean {
  const roots = new Set<string>();
  for (const path of paths) {
    const parts = path.split("/");
    for (let i = 0; i < Math.min(parts.length, 3); i++) {
      roots.add((parts[i] as string).replace(/\.(py|rs|ts|js|go)$/, ""));
    }
  }
  return (module) => {
    const first = module.replace(/^@/, "").split(/[./:]/)[0] ?? "";
    return first !== "" && roots.has(first);
  };
}
