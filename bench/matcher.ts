// The one matcher (src/core/edits/match-snippet.ts) on a held-out patch set from a real repository: clean
// old/new pairs from single-hunk commits, copies perturbed the way models err (trailing spaces, indentation
// shifted, CRLF either side, a blank line dropped) and snippets that occur several times. Baseline in the
// same run: exact-only matching (the old applyEdits: one exact occurrence, else refuse).
//
//   node --import tsx bench/matcher.ts --repo /path/to/clone [--build] [--limit=240]
//
// --build (or a missing labels file) rebuilds bench/data/matcher-patchset.json from the clone's history.
// Nothing of the repository is committed: only shas and paths.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { replaceSnippet } from "../src/core/edits/match-snippet.js";
import { buildPatchSet, readPair, type PatchLabel, type PatchPair } from "./_matcher-patchset.js";

const labelsPath = fileURLToPath(new URL("./data/matcher-patchset.json", import.meta.url));
const args = process.argv.slice(2);
const repo = args.find((arg) => arg.startsWith("--repo="))?.slice(7) ?? args[args.indexOf("--repo") + 1];
const limit = Number(args.find((arg) => arg.startsWith("--limit="))?.slice(8) ?? 240);

interface Case {
  kind: string;
  file: string;
  search: string;
  replacement: string;
  /** undefined: the snippet is ambiguous and must be refused. */
  expected: string | undefined;
}

type Verdict = "exact" | "ws_differs" | "wrong_place" | "missed" | "refused";

function main(): void {
  if (!repo || !existsSync(repo)) {
    console.log("matcher bench: pass --repo /path/to/a/local/clone (e.g. psf/requests); skipped.");
    return;
  }
  let labels: PatchLabel[];
  if (args.includes("--build") || !existsSync(labelsPath)) {
    labels = buildPatchSet(repo, { extensions: [".py", ".ts"], limit, maxLines: 12 });
    writeFileSync(labelsPath, `${JSON.stringify({ repo: repoName(repo), head: headOf(repo), labels }, null, 1)}\n`);
  } else {
    labels = (JSON.parse(readFileSync(labelsPath, "utf8")) as { labels: PatchLabel[] }).labels;
  }
  const pairs = labels.map((label) => readPair(repo, label)).filter((pair): pair is PatchPair => pair !== undefined);
  const cases = pairs.flatMap(casesOf);
  const kinds = [...new Set(cases.map((c) => c.kind))];
  const rows: string[] = [];
  const times: number[] = [];
  const totals = { matcher: new Map<Verdict, number>(), baseline: new Map<Verdict, number>() };
  const bump = (map: Map<Verdict, number>, verdict: Verdict) => map.set(verdict, (map.get(verdict) ?? 0) + 1);
  const misses: string[] = [];
  const verdicts = new Map<Case, Verdict>();
  for (const kind of kinds) {
    const some = cases.filter((c) => c.kind === kind);
    const mine = new Map<Verdict, number>();
    const base = new Map<Verdict, number>();
    for (const c of some) {
      const started = process.hrtime.bigint();
      const result = replaceSnippet(c.file, c.search, c.replacement);
      times.push(Number(process.hrtime.bigint() - started) / 1000);
      const verdict = judge(c, result.ok ? result.text : undefined);
      verdicts.set(c, verdict);
      if ((verdict === "missed" || verdict === "wrong_place" || verdict === "ws_differs") && misses.length < 12) {
        misses.push(`${kind}: ${verdict}${result.ok ? "" : ` (${result.code})`}`);
      }
      bump(mine, verdict);
      bump(totals.matcher, verdict);
      const exactOnly = exactOnlyReplace(c.file, c.search, c.replacement);
      bump(base, judge(c, exactOnly));
      bump(totals.baseline, judge(c, exactOnly));
    }
    rows.push(row(kind, some.length, mine, base));
  }
  console.log(`Patch set: ${pairs.length} single-hunk commits of ${repoName(repo)} (labels: bench/data/matcher-patchset.json), ${cases.length} cases\n`);
  console.log("| cases | n | applied exactly (matcher) | whitespace differs | wrong place | missed / refused | applied exactly (exact-only baseline) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const line of rows) console.log(line);
  const perturbed = cases.filter((c) => c.kind !== "clean" && c.expected !== undefined).length;
  const perturbedExact = kinds
    .filter((kind) => kind !== "clean" && !kind.startsWith("ambiguous"))
    .reduce((sum, kind) => sum + countOf(cases, kind, "exact"), 0);
  times.sort((a, b) => a - b);
  const wrong = totals.matcher.get("wrong_place") ?? 0;
  console.log(`\nTime per patch: median ${quantile(times, 0.5).toFixed(1)} µs, p95 ${quantile(times, 0.95).toFixed(1)} µs, max ${(times.at(-1) ?? 0).toFixed(0)} µs`);
  const clean = cases.filter((c) => c.kind === "clean");
  const cleanExact = countOf(cases, "clean", "exact");
  console.log(`Clean pairs applied exactly: ${pct(cleanExact, clean.length)} (target 100%)`);
  console.log(`Perturbed pairs applied exactly: ${pct(perturbedExact, perturbed)} (target ≥ 95%)`);
  console.log(`Wrong-place applications (incl. an ambiguous snippet applied): ${wrong} (target 0)`);
  if (misses.length > 0) console.log(`\nFirst misses: ${misses.join("; ")}`);

  function countOf(all: Case[], kind: string, verdict: Verdict): number {
    return all.filter((c) => c.kind === kind && verdicts.get(c) === verdict).length;
  }
}

function casesOf(pair: PatchPair): Case[] {
  const join = (lines: string[], eol = "\n") => lines.map((line) => line + eol).join("");
  const oldOf = (hunk: PatchPair["hunk"]) => hunk.filter((l) => l.tag !== "+").map((l) => l.text);
  const newOf = (hunk: PatchPair["hunk"]) => hunk.filter((l) => l.tag !== "-").map((l) => l.text);
  const search = join(oldOf(pair.hunk));
  const replacement = join(newOf(pair.hunk));
  const unique = occurrences(pair.oldFile, search) === 1;
  const expected = unique ? pair.newFile : undefined;
  const cases: Case[] = [{ kind: unique ? "clean" : "ambiguous (real hunk)", file: pair.oldFile, search, replacement, expected }];
  if (!unique) return cases;

  const perturb = (kind: string, map: (text: string) => string) =>
    cases.push({ kind, file: pair.oldFile, search: join(oldOf(pair.hunk).map(map)), replacement: join(newOf(pair.hunk).map(map)), expected });
  perturb("trailing spaces", (text) => (text === "" ? text : `${text}  `));
  const indents = pair.hunk.filter((l) => l.text.trim() !== "").map((l) => /^ */.exec(l.text)?.[0].length ?? 0);
  const minIndent = Math.min(...indents);
  if (minIndent > 0) perturb("indentation -", (text) => text.slice(Math.min(minIndent, 4)));
  perturb("indentation +", (text) => (text.trim() === "" ? text : `    ${text}`));
  cases.push({ kind: "CRLF snippet, LF file", file: pair.oldFile, search: join(oldOf(pair.hunk), "\r\n"), replacement: join(newOf(pair.hunk), "\r\n"), expected });
  cases.push({ kind: "LF snippet, CRLF file", file: crlf(pair.oldFile), search, replacement, expected: crlf(pair.newFile) });
  const blank = pair.hunk.findIndex((l) => l.tag === " " && l.text.trim() === "");
  if (blank !== -1) {
    const dropped = pair.hunk.filter((_, index) => index !== blank);
    cases.push({ kind: "blank line dropped", file: pair.oldFile, search: join(oldOf(dropped)), replacement: join(newOf(dropped)), expected });
  }
  // A line that occurs several times in the file: exact, and perturbed, it must be refused.
  const repeated = repeatedLine(pair.oldFile);
  if (repeated !== undefined) {
    cases.push({ kind: "ambiguous (repeated line)", file: pair.oldFile, search: `${repeated}\n`, replacement: `${repeated}  # changed\n`, expected: undefined });
    cases.push({ kind: "ambiguous, perturbed", file: pair.oldFile, search: `  ${repeated.trim()}   \n`, replacement: "x = 1\n", expected: undefined });
  }
  return cases;
}

function judge(c: Case, result: string | undefined): Verdict {
  if (c.expected === undefined) return result === undefined ? "refused" : "wrong_place";
  if (result === undefined) return "missed";
  if (result === c.expected) return "exact";
  const loose = (text: string) => text.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line !== "").join("\n");
  return loose(result) === loose(c.expected) ? "ws_differs" : "wrong_place";
}

function exactOnlyReplace(file: string, search: string, replacement: string): string | undefined {
  if (search === "" || occurrences(file, search) !== 1) return undefined;
  const at = file.indexOf(search);
  return file.slice(0, at) + replacement + file.slice(at + search.length);
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

function repeatedLine(file: string): string | undefined {
  const seen = new Map<string, number>();
  for (const line of file.split("\n")) if (line.trim().length >= 8) seen.set(line, (seen.get(line) ?? 0) + 1);
  // Whole-line repeats whose trimmed text is also not a substring of another line's (so refusal is the only right answer).
  return [...seen].find(([, n]) => n >= 2)?.[0];
}

function crlf(text: string): string {
  return text.replace(/\n/g, "\r\n");
}

function row(kind: string, n: number, mine: Map<Verdict, number>, base: Map<Verdict, number>): string {
  const get = (map: Map<Verdict, number>, v: Verdict) => map.get(v) ?? 0;
  const ambiguous = kind.startsWith("ambiguous");
  const applied = ambiguous ? `refused ${pct(get(mine, "refused"), n)}` : pct(get(mine, "exact"), n);
  const baseline = ambiguous ? `refused ${pct(get(base, "refused"), n)}` : pct(get(base, "exact"), n);
  return `| ${kind} | ${n} | ${applied} | ${get(mine, "ws_differs")} | ${get(mine, "wrong_place")} | ${get(mine, "missed") + get(mine, "refused")} | ${baseline} |`;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((100 * part) / whole).toFixed(1)}% (${part}/${whole})`;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
}

function repoName(dir: string): string {
  try {
    return execGit(dir, ["config", "--get", "remote.origin.url"]).trim() || dir;
  } catch {
    return dir;
  }
}

function headOf(dir: string): string {
  return execGit(dir, ["rev-parse", "HEAD"]).trim();
}

function execGit(dir: string, argv: string[]): string {
  return execFileSync("git", ["-C", dir, ...argv], { encoding: "utf8" });
}

main();
