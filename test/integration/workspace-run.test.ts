import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/ports/workspace.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import { runCommand, TailBuffer } from "../../src/adapters/workspace/checks/run-command.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let repo: TestRepo;
let ws: Workspace;
const strays: number[] = [];

beforeAll(async () => {
  repo = await makeRepo({ "package.json": "{}\n" });
  ws = await openGitWorkspace(repo.root);
});

afterAll(async () => {
  for (const pid of strays) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await repo.cleanup();
});

/** A zombie waiting for a reaper is dead for our purposes; kill(pid, 0) alone would call it alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function pidsFrom(output: string, label: string): number[] {
  return [...output.matchAll(new RegExp(`${label}:(\\d+)`, "g"))].map((m) => Number(m[1]));
}

describe("run", () => {
  it("passes with exit code 0 and keeps stdout and stderr, running in the root", async () => {
    const run = await ws.run("echo out-line; echo err-line >&2; pwd", { sandbox: "none", timeoutMs: 10_000 });
    expect(run).toMatchObject({ command: "echo out-line; echo err-line >&2; pwd", exit_code: 0, timed_out: false, passed: true });
    expect(run.output_tail).toContain("out-line\n");
    expect(run.output_tail).toContain("err-line\n");
    expect(run.output_tail).toContain(repo.root);
    expect(run.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("fails with the command's exit code", async () => {
    const run = await ws.run("echo boom; exit 3", { sandbox: "none", timeoutMs: 10_000 });
    expect(run).toMatchObject({ exit_code: 3, timed_out: false, passed: false });
    expect(run.output_tail).toBe("boom\n");
  });

  it("keeps only the tail of a command printing 5 MB", async () => {
    const command = "head -c 5000000 /dev/zero | tr '\\0' x; echo; echo THE-END";
    const small = await ws.run(command, { sandbox: "none", timeoutMs: 20_000, tailBytes: 1_000 });
    expect(small.passed).toBe(true);
    expect(Buffer.byteLength(small.output_tail)).toBe(1_000);
    expect(small.output_tail.endsWith("x\nTHE-END\n")).toBe(true);
    const standard = await ws.run(command, { sandbox: "none", timeoutMs: 20_000 });
    expect(Buffer.byteLength(standard.output_tail)).toBe(16_000);
  });

  it("kills a hanging command at the timeout and leaves no process behind", async () => {
    const started = Date.now();
    const run = await ws.run("echo leader:$$; sleep 100", { sandbox: "none", timeoutMs: 300 });
    const elapsed = Date.now() - started;
    expect(run).toMatchObject({ timed_out: true, passed: false, exit_code: null });
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(300 + 2_000 + 1_000);
    const [leader] = pidsFrom(run.output_tail, "leader");
    expect(leader).toBeGreaterThan(0);
    expect(alive(leader!)).toBe(false);
  });

  it("kills grandchildren that hold the pipes open", async () => {
    const started = Date.now();
    const run = await ws.run(`sh -c 'sleep 100 & echo bg:$!; echo inner:$$; sleep 100'`, { sandbox: "none", timeoutMs: 300 });
    expect(run.timed_out).toBe(true);
    expect(Date.now() - started).toBeLessThan(300 + 2_000 + 1_000);
    const pids = [...pidsFrom(run.output_tail, "bg"), ...pidsFrom(run.output_tail, "inner")];
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("SIGKILLs a group that ignores SIGTERM once the grace period is over", async () => {
    const started = Date.now();
    const run = await runCommand(repo.root, `trap '' TERM; echo leader:$$; while :; do sleep 0.05; done`, {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
      timeoutMs: 200,
      graceMs: 400,
    });
    const elapsed = Date.now() - started;
    expect(run.timed_out).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(2_500);
    expect(alive(pidsFrom(run.output_tail, "leader")[0]!)).toBe(false);
  });

  it("resolves on timeout even when an escaped process keeps the pipes open forever", async () => {
    const started = Date.now();
    const run = await ws.run("setsid sleep 30 & echo escaped:$!; sleep 100", { sandbox: "none", timeoutMs: 200 });
    strays.push(...pidsFrom(run.output_tail, "escaped"));
    expect(run.timed_out).toBe(true);
    expect(Date.now() - started).toBeLessThan(200 + 2_000 + 1_500);
  });

  it("stops background processes a finished command left behind, keeping its exit code", async () => {
    const started = Date.now();
    const run = await ws.run("sleep 100 & echo bg:$!; echo done", { sandbox: "none", timeoutMs: 10_000 });
    expect(run).toMatchObject({ exit_code: 0, timed_out: false, passed: true });
    expect(Date.now() - started).toBeLessThan(3_000);
    const [bg] = pidsFrom(run.output_tail, "bg");
    expect(alive(bg!)).toBe(false);
  });

  it("rejects a timeout that is not a positive number", async () => {
    expect(() => runCommand(repo.root, "true", { timeoutMs: 0, env: {} })).toThrow(/timeoutMs must be a positive number/);
  });
});

describe("TailBuffer", () => {
  it("keeps the last bytes, holds at most one chunk beyond its limit, and cuts at a character boundary", () => {
    const tail = new TailBuffer(5);
    for (let i = 0; i < 1_000; i++) tail.push(Buffer.from("abc"));
    expect(tail.text()).toBe("bcabc");
    expect(tail.held).toBeLessThanOrEqual(5 + 3);
    const utf = new TailBuffer(4);
    utf.push(Buffer.from("xé€")); // é is 2 bytes, € is 3: the last 4 bytes start inside é
    expect(utf.text()).toBe("€");
  });
});
