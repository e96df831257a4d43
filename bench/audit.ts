// The auditor on a hand-labelled set of real commits from public repositories (bench/data/audit-labels.json:
// repository, sha, what is expected; no code or text of theirs is stored). Each commit is audited as a pull
// request would be: its parent as the base, its message as the text, the tree at the commit. Prints
// precision and recall of the blocking deterministic checks per kind (and of all issues, advisories
// included). Not a test.
//
//   node --import tsx bench/audit.ts --clone pallets/click=/work/.mirror/pallets+click/repo --clone ...
//   node --import tsx bench/audit.ts --explore sharkdp/fd=PATH --count 200   (list what it flags, to label)
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseConfig } from "../src/config/load-config.js";
import { silentLogger } from "../src/jobs/logger.js";
import { runAuditJob } from "../src/jobs/audit/index.js";
import { localAuditSource } from "../src/wiring/audit-wiring.js";
import { execGit } from "../src/adapters/workspace/exec-git.js";
import { treeAt } from "../src/adapters/workspace/git-revisions.js";
import { parsePatch } from "../src/core/diff/parse-patch.js";
import { definitionsInLine } from "../src/core/audit/definition-lines.js";
import { languageOfPath } from "../src/core/audit/code-files.js";
import { isDistinctiveName } from "../src/core/audit/common-names.js";
import type { HeadTree } from "../src/core/audit/audit-types.js";

type Kind = "incomplete_rename" | "claim" | "secret";
const KINDS: Kind[] = ["incomplete_rename", "claim", "secret"];

interface Label {
  repo: string;
  sha: string;
  expected: Kind[];
  note: string;
}

const { values } = parseArgs({
  options: { clone: { type: "string", multiple: true }, labels: { type: "string" }, explore: { type: "string" }, count: { type: "string" }, ci: { type: "string" } },
});
const config = parseConfig(undefined, ".github/prd-bot.yml");
// What CI said about each head: "unknown" (as the CLI sees it, the default) or "none" (no CI result, as a forge
// would report for these commits, which were never built on their own).
const CI = (values.ci ?? "unknown") as "unknown" | "none";
const clones = new Map((values.clone ?? []).map((c) => c.split("=") as [string, string]));

async function audit(path: string, sha: string) {
  const source = { ...(await localAuditSource({ root: path, base: `${sha}^`, head: sha })), ci: CI };
  const started = performance.now();
  const { report } = await runAuditJob({ source, config, log: silentLogger });
  return { report, ms: performance.now() - started };
}

function kindOf(kind: string): Kind | undefined {
  if (kind === "claim_contradicted" || kind === "claim_not_backed") return "claim";
  return kind === "incomplete_rename" || kind === "secret" ? kind : undefined;
}

if (values.explore) {
  const [repo, path] = values.explore.split("=") as [string, string];
  const shas = (await execGit(path, ["rev-list", "--no-merges", `--max-count=${values.count ?? "200"}`, "HEAD"])).stdout.trim().split("\n");
  for (const sha of shas) {
    const { report } = await audit(path, sha).catch(() => ({ report: undefined }));
    const hits = report?.issues.filter((i) => kindOf(i.kind)) ?? [];
    if (hits.length) console.log(`${repo} ${sha.slice(0, 12)} ${hits.map((h) => `${h.blocking ? "B" : "a"}:${h.kind}: ${h.message.slice(0, 160)}`).join(" | ")}`);
  }
  process.exit(0);
}

if (clones.size === 0) {
  console.log("bench/audit.ts needs local clones: --clone owner/name=PATH for each repository in bench/data/audit-labels.json (fetch them first). Skipped.");
  process.exit(0);
}

const labels = JSON.parse(readFileSync(values.labels ?? new URL("./data/audit-labels.json", import.meta.url), "utf8")) as { labels: Label[] };
type Counts = { tp: number; fp: number; fn: number; tn: number; atp: number; afp: number; afn: number };
const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, tn: 0, atp: 0, afp: 0, afn: 0 }])) as unknown as Record<Kind, Counts>;
const times: number[] = [];
const misses: string[] = [];
let audited = 0;
for (const label of labels.labels) {
  const path = clones.get(label.repo);
  if (!path) continue;
  const { report, ms } = await audit(path, label.sha);
  audited++;
  times.push(ms);
  for (const kind of KINDS) {
    const expected = label.expected.includes(kind);
    const blocking = report.issues.some((i) => i.blocking && kindOf(i.kind) === kind);
    const any = report.issues.some((i) => kindOf(i.kind) === kind);
    const c = counts[kind];
    if (blocking && expected) c.tp++;
    else if (blocking) c.fp++;
    else if (expected) c.fn++;
    else c.tn++;
    if (any && expected) c.atp++;
    else if (any) c.afp++;
    else if (expected) c.afn++;
    if (blocking !== expected) misses.push(`${label.repo}@${label.sha.slice(0, 10)} ${kind}: expected ${expected}, blocking ${blocking} — ${report.issues.filter((i) => kindOf(i.kind) === kind).map((i) => i.message.slice(0, 100)).join("; ") || "no issue"}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? "—" : (a / b).toFixed(2));
console.log(`Auditor on ${audited} labelled commits (${[...clones.keys()].join(", ")}); default config, no model, CI ${CI}.\n`);
console.log("| kind | positives | blocking TP | FP | FN | precision | recall | any-issue precision | any-issue recall |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
let tp = 0;
let fp = 0;
let fn = 0;
for (const kind of KINDS) {
  const c = counts[kind];
  tp += c.tp;
  fp += c.fp;
  fn += c.fn;
  console.log(`| ${kind} | ${c.tp + c.fn} | ${c.tp} | ${c.fp} | ${c.fn} | ${ratio(c.tp, c.tp + c.fp)} | ${ratio(c.tp, c.tp + c.fn)} | ${ratio(c.atp, c.atp + c.afp)} | ${ratio(c.atp, c.atp + c.afn)} |`);
}
console.log(`| **all blocking** | ${tp + fn} | ${tp} | ${fp} | ${fn} | ${ratio(tp, tp + fp)} | ${ratio(tp, tp + fn)} | | |`);
times.sort((a, b) => a - b);
console.log(`\nMedian audit time per commit: ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(0)} ms (max ${(times.at(-1) ?? 0).toFixed(0)} ms).`);
console.log(`Targets: blocking precision ≥ 0.9: ${tp + fp === 0 ? "n/a" : tp / (tp + fp) >= 0.9 ? "met" : "MISSED"}; recall ≥ 0.7: ${tp + fn === 0 ? "n/a" : tp / (tp + fn) >= 0.7 ? "met" : "MISSED"}.`);
if (misses.length) console.log(`\nDisagreements:\n${misses.map((m) => `- ${m}`).join("\n")}`);

// Replayed partial renames: each labelled full rename audited as if its author had changed only the file with
// the definitions (the other changed files as they were before). Expected: an incomplete rename exactly when
// one of those other files had a line using a removed name (which the real commit then updated).
const replays = labels.labels.filter((l) => l.note.startsWith("rename done in full") && clones.has(l.repo));
let rtp = 0;
let rfp = 0;
let rfn = 0;
let rtn = 0;
for (const label of replays) {
  const path = clones.get(label.repo) as string;
  const source = await localAuditSource({ root: path, base: `${label.sha}^`, head: label.sha });
  const removedIn = (text: string | undefined, file: string) => {
    const language = languageOfPath(file);
    return language ? parsePatch(text).removed.flatMap((l) => definitionsInLine(l.text, language)).map((d) => d.name).filter(isDistinctiveName) : [];
  };
  const definition = source.files.find((f) => removedIn(f.patch, f.path).length > 0);
  if (!definition) continue;
  const names = removedIn(definition.patch, definition.path);
  const others = source.files.filter((f) => f !== definition);
  const expected = others.some((f) => parsePatch(f.patch).removed.some((l) => names.some((n) => new RegExp(`(?<![\\w$])${n}(?![\\w$])`).test(l.text))));
  const base = await treeAt(path, `${label.sha}^`);
  const otherPaths = new Set(others.map((f) => f.path));
  const tree: HeadTree = {
    files: source.tree.files.filter((f) => !otherPaths.has(f.path)).concat(base.files.filter((f) => otherPaths.has(f.path))),
    read: async (paths) => {
      const fromHead = await source.tree.read(paths.filter((p) => !otherPaths.has(p)));
      const fromBase = await base.read(paths.filter((p) => otherPaths.has(p)));
      return new Map([...fromHead, ...fromBase]);
    },
  };
  const { report } = await runAuditJob({ source: { ...source, files: [definition], tree }, config, log: silentLogger });
  const found = report.issues.some((i) => i.blocking && i.kind === "incomplete_rename");
  if (found && expected) rtp++;
  else if (found) rfp++;
  else if (expected) rfn++;
  else rtn++;
}
console.log(`\nReplayed partial renames (${replays.length} real full renames, each cut to its definition file):\n`);
console.log("| expected positives | TP | FP | FN | TN | precision | recall |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
console.log(`| ${rtp + rfn} | ${rtp} | ${rfp} | ${rfn} | ${rtn} | ${ratio(rtp, rtp + rfp)} | ${ratio(rtp, rtp + rfn)} |`);
