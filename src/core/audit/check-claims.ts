// claim_contradicted and claim_not_backed: what the PR's text says about itself, against what the diff does.
// Patterns are data (claims.json). A verification claim is backed by quoted output in the same text, or (for
// what CI checks, like "all tests pass") by a CI result on the head; with no CI result known, such a claim
// is advice, not a blocker. Hedged sentences ("should be verified on staging") claim nothing.
import type { AuditFile, AuditText, CiState, HeadTree } from "./audit-types.js";
import { claimPatterns, type ClaimPattern } from "./claim-patterns.js";
import { claimSentences, isHedged, quoteClaim, type ClaimSentence } from "./claim-sentences.js";
import { isCodePath, languageOfPath, type CodeLanguage } from "./code-files.js";
import { maskCode } from "./code-mask.js";
import { definitionsInLine } from "./definition-lines.js";
import { codeChanged, testsChanged } from "./check-missing-tests.js";
import { parsePatch } from "../diff/parse-patch.js";
import type { Finding } from "./check-paths.js";

export interface ClaimContext {
  text: AuditText;
  files: readonly AuditFile[];
  tree: HeadTree;
  ci: CiState;
  patterns?: ClaimPattern[];
}

export async function checkClaims(context: ClaimContext): Promise<Finding[]> {
  const patterns = context.patterns ?? claimPatterns();
  const sentences = claimSentences([
    { source: "title", text: context.text.title },
    { source: "body", text: context.text.body },
    ...context.text.commits.map((text, i) => ({ source: `commit ${i + 1}`, text })),
  ]);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const sentence of sentences) {
    if (isHedged(sentence.text)) continue;
    for (const pattern of patterns) {
      const match = pattern.regex.exec(sentence.text);
      if (!match) continue;
      const key = `${pattern.kind} ${pattern.id === "removes_named" ? (match[1] ?? "") : ""}`;
      if (reported.has(key)) continue;
      const finding = await judge(pattern, match, sentence, context);
      if (!finding) continue;
      reported.add(key);
      findings.push(finding);
    }
  }
  return findings;
}

async function judge(pattern: ClaimPattern, match: RegExpExecArray, sentence: ClaimSentence, context: ClaimContext): Promise<Finding | undefined> {
  const quoted = `"${quoteClaim(sentence.text)}"`;
  switch (pattern.kind) {
    case "verification": {
      if (sentence.quotesOutput) return undefined;
      if (pattern.ciBacks && (context.ci === "success" || context.ci === "pending")) return undefined;
      const ciKnown = context.ci === "none" || context.ci === "failure";
      const why = pattern.ciBacks
        ? context.ci === "failure"
          ? "CI failed on the head commit and the text quotes no output"
          : context.ci === "none"
            ? "no CI result on the head commit and no quoted output"
            : "no quoted output, and no CI result could be read"
        : "no quoted output or other evidence in the pull request";
      const blocking = pattern.blocking && (!pattern.ciBacks || ciKnown);
      return { kind: "claim_not_backed", message: `claim not backed: ${quoted} (${sentence.source}): ${why}`, blocking };
    }
    case "tests_added": {
      if (testsChanged(context.files)) return undefined;
      return { kind: "claim_contradicted", message: `claim contradicted: ${quoted} (${sentence.source}), but no test file changed`, blocking: pattern.blocking };
    }
    case "docs_only": {
      const code = codeLinesChanged(context.files);
      if (!code) return undefined;
      return { kind: "claim_contradicted", message: `claim contradicted: ${quoted} (${sentence.source}), but code changed in ${code}`, path: code, blocking: pattern.blocking };
    }
    case "removes": {
      const target = match[1];
      if (!target) return undefined;
      const remains = await stillThere(target, context);
      if (!remains) return undefined;
      return { kind: "claim_contradicted", message: `claim contradicted: ${quoted} (${sentence.source}), but \`${target}\` is still ${remains.how}`, path: remains.path, ...(remains.line ? { line: remains.line } : {}), blocking: pattern.blocking };
    }
  }
}

/** The first code file whose change is more than comments and blank lines, or undefined. */
function codeLinesChanged(files: readonly AuditFile[]): string | undefined {
  for (const file of codeChanged(files)) {
    const language = languageOfPath(file.path);
    if (!file.patch) return file.path;
    const lines = parsePatch(file.patch);
    const texts = [...lines.added, ...lines.removed].map((l) => l.text);
    const code = language ? maskCode(texts.join("\n"), language, { strings: false }) : texts.join("\n");
    if (code.split("\n").some((line) => line.trim() !== "")) return file.path;
  }
  return undefined;
}

/** Whether the path or identifier the text says was removed is still at head: as a file, or defined in changed code. */
async function stillThere(target: string, context: ClaimContext): Promise<{ how: string; path: string; line?: number } | undefined> {
  const clean = target.replace(/\(\)$/, "").replace(/^\.\//, "");
  if (clean.includes("/") || /\.[a-z]{1,5}$/i.test(clean)) {
    const file = context.tree.files.find((f) => f.path === clean || f.path.endsWith(`/${clean}`));
    return file ? { how: "in the repository", path: file.path } : undefined;
  }
  const name = clean.split(/::|\./).pop() ?? clean;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length < 3) return undefined;
  // The diff removed something by that name (a use, a definition elsewhere): the text may mean that one.
  const word = new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`);
  if (context.files.some((f) => parsePatch(f.patch).removed.some((l) => word.test(l.text)))) return undefined;
  const changed = context.files.filter((f) => f.status !== "removed" && isCodePath(f.path) && languageOfPath(f.path));
  const contents = await context.tree.read(changed.map((f) => f.path));
  for (const [path, content] of contents) {
    const language = languageOfPath(path) as CodeLanguage;
    const lines = maskCode(content, language).split("\n");
    const at = lines.findIndex((line) => definitionsInLine(line, language).some((d) => d.name === name));
    if (at >= 0) return { how: `defined in ${path}:${at + 1}`, path, line: at + 1 };
  }
  return undefined;
}
