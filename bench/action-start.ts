// How long the built Action (dist/index.js) takes to say "nothing to do" on an event it ignores, next to a
// bare `node -e 0`, and how big the bundle is. Every workflow run of every event pays this start-up, so
// the target is a median under 0.5 s. Run `npm run build` first. Not a test: it prints a table.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const root = fileURLToPath(new URL("..", import.meta.url));
const dist = path.join(root, "dist");
const entry = path.join(dist, "index.js");

try {
  statSync(entry);
} catch {
  console.error(`no ${entry}: run npm run build first`);
  process.exit(1);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "prd-bot-bench-"));
const eventPath = path.join(scratch, "event.json");
writeFileSync(eventPath, JSON.stringify({ action: "created", starred_at: "2026-01-01T00:00:00Z", repository: { full_name: "acme/app" } }));
const output = path.join(scratch, "output");
writeFileSync(output, "");
const env = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: scratch,
  GITHUB_EVENT_NAME: "star",
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REPOSITORY: "acme/app",
  GITHUB_WORKSPACE: scratch,
  GITHUB_OUTPUT: output,
  "INPUT_TOKEN": "bench-token-not-secret",
};

function time(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, cwd: scratch, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? sizeOf(full) : statSync(full).size);
  }, 0);
}

try {
  // One warm-up each, so the first run's disk cache misses do not count.
  time(["-e", "0"]);
  time([entry]);
  const bare: number[] = [];
  const action: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    bare.push(time(["-e", "0"]));
    action.push(time([entry]));
  }
  const out = (name: string, value: string) => console.log(`| ${name.padEnd(44)} | ${value.padStart(12)} |`);
  console.log(`| ${"measure".padEnd(44)} | ${"value".padStart(12)} |`);
  console.log(`| ${"-".repeat(44)} | ${"-".repeat(12)} |`);
  out(`node -e 0, median of ${RUNS}`, `${median(bare).toFixed(1)} ms`);
  out(`node dist/index.js (ignored event), median`, `${median(action).toFixed(1)} ms`);
  out("ratio", `${(median(action) / median(bare)).toFixed(2)}×`);
  out("action start-up over node's own", `${(median(action) - median(bare)).toFixed(1)} ms`);
  out("dist/index.js", `${(statSync(entry).size / 1024).toFixed(1)} KiB`);
  out("dist/ total (all entries and chunks)", `${(sizeOf(dist) / 1024).toFixed(1)} KiB`);
  out("target: median under 500 ms", median(action) < 500 ? "met" : "MISSED");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
