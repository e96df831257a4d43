// Cycle overhead: `prd-bot cycle` (the built dist/cli.js) on generated repositories of 1k, 5k and 20k
// files, with an instant model on loopback and a no-op test command (`true`), so what is measured is
// prd-bot's own work: git, config, gaps, context selection, budget, guardrails, apply, commit, restore,
// record. Baselines in the same run: `node -e 0` (process start) and `git status` on the same repository.
// Target: overhead under 2 s at 5k files.
import { execFile, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateRepo } from "./_fixtures.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const SIZES = [1000, 5000, 20000];
const RUNS = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice(7) ?? 5);
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: os.devNull, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@b.invalid", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@b.invalid" };

const proposal = JSON.stringify({
  summary: "Add a test for monthly invoice CSV export",
  rationale: "bench",
  estimated_loc: 5,
  files: [{ path: "test/invoice-csv-export.test.ts", is_new: true, content: 'import "../src/billing/invoice-csv-export";\n' }],
});

function startInstantModel(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: "b", object: "chat.completion", created: 0, model: "instant", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: proposal } }], usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 } }));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => server.close() })));
}

function makeRepo(count: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), `prd-bot-bench-${count}-`));
  for (const file of generateRepo(count, 7)) {
    mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    writeFileSync(path.join(root, file.path), file.content);
  }
  mkdirSync(path.join(root, "docs"), { recursive: true });
  mkdirSync(path.join(root, ".github"), { recursive: true });
  writeFileSync(path.join(root, "docs/PRD.md"), "# PRD\n\n## Billing\n\n- [ ] Monthly CSV export of invoices in src/billing/invoice-csv-export.ts [bot-eligible]\n");
  writeFileSync(path.join(root, ".github/prd-bot.yml"), "test:\n  command: \"true\"\nbudget:\n  calls_per_day: 100000\n  tokens_per_day: 1000000000\n");
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root, env: GIT_ENV });
  execFileSync("git", ["add", "-A"], { cwd: root, env: GIT_ENV });
  execFileSync("git", ["-c", "gc.auto=0", "commit", "-qm", "generated"], { cwd: root, env: GIT_ENV });
  // A runner's or a developer's clone has its objects packed; a fresh commit leaves them loose.
  execFileSync("git", ["repack", "-a", "-d", "-q"], { cwd: root, env: GIT_ENV });
  return root;
}

// Asynchronous on purpose: the instant model lives in this process and must answer while the CLI runs.
function time(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${stderr}`));
      else resolve({ ms: performance.now() - started, stdout });
    });
  });
}

async function repeat(times: number, fn: () => Promise<{ ms: number }>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < times; i += 1) values.push((await fn()).ms);
  return values;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const model = await startInstantModel();
const env = { ...GIT_ENV, OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "bench", PRD_BOT_MODEL: "instant" };
const rows: string[] = [];
const nodeStart = median(await repeat(RUNS, () => time(process.execPath, ["-e", "0"])));
for (const size of SIZES) {
  const root = makeRepo(size);
  try {
    const cycles: number[] = [];
    const context: number[] = [];
    const inside: number[] = [];
    const gitWork: number[] = [];
    let outcome = "";
    for (let run = 0; run < RUNS + 1; run += 1) {
      const { ms, stdout } = await time(process.execPath, [CLI, "cycle", "--root", root, "--json"], { env });
      const record = JSON.parse(stdout) as { outcome: string; timings: Record<string, number> };
      outcome = record.outcome;
      if (run === 0) continue; // warm-up: first read of the files from disk
      cycles.push(ms);
      context.push(record.timings.context_ms ?? 0);
      inside.push(record.timings.total_ms ?? 0);
      gitWork.push((record.timings.commit_ms ?? 0) + (record.timings.restore_ms ?? 0) + (record.timings.select_ms ?? 0));
    }
    const gitStatus = median(await repeat(RUNS, () => time("git", ["status", "--porcelain"], { cwd: root, env: GIT_ENV })));
    const cycle = median(cycles);
    rows.push(`| ${size.toLocaleString("en-US")} | ${outcome} | ${cycle.toFixed(0)} | ${median(inside).toFixed(0)} | ${median(context).toFixed(0)} | ${median(gitWork).toFixed(0)} | ${gitStatus.toFixed(0)} | ${(cycle / gitStatus).toFixed(1)}× | ${(cycle / nodeStart).toFixed(1)}× | ${((cycle / size) * 1000).toFixed(0)} µs | ${cycle < 2000 || size !== 5000 ? "" : "over 2 s"} |`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
model.close();

console.log(`Cycle overhead: instant model, test command \`true\`; median of ${RUNS} runs after one warm-up; \`node -e 0\` median ${nodeStart.toFixed(0)} ms.\n`);
console.log("| files | outcome | cycle ms (process) | in proposeCycle | context (read + rank + pack) | git: status, commit, restore | `git status` ms | vs git status | vs node -e 0 | per file | note |");
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const row of rows) console.log(row);
console.log("\nTarget: under 2,000 ms at 5,000 files.");
