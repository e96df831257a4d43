// Spawns one check process in its own process group with a timeout, keeping only the tail of its output, and
// makes sure nothing it started outlives it: the group is ended, then every descendant the tracker finds
// (see track-descendants.ts: processes that left the group with setsid are found too).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { TestRun } from "../../../core/types.js";
import { terminateGroup } from "./process-group.js";
import { trackDescendants } from "./track-descendants.js";

export interface RunCommandOptions {
  timeoutMs: number;
  /** Bytes of interleaved stdout+stderr kept (the last ones). */
  tailBytes?: number;
  /** The whole environment of the process (already allowlisted by the caller). */
  env: Record<string, string>;
  /** What runs; `command` is what the record shows. Default: sh -c command. */
  argv?: string[];
  /** Between SIGTERM and SIGKILL. */
  graceMs?: number;
}

export const DEFAULT_TAIL_BYTES = 16_000;
const DEFAULT_GRACE_MS = 2_000;
// After the group is gone the pipes drain at once; this only bounds the wait for a writer that escaped the
// group (setsid) and still holds them.
const CLOSE_WAIT_MS = 500;
/** The variable that marks every process a check started (its value is random per run). */
export const CHECK_MARKER = "PRD_BOT_CHECK_RUN";

/** A wait that never keeps the process alive: once the race it is in is decided, nothing waits on it. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Keeps the last `limit` bytes of a stream in memory, however much is written. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    if (this.limit <= 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0]!.length >= this.limit) {
      this.size -= this.chunks.shift()!.length;
    }
  }

  /** Bytes held in memory: at most the limit plus one chunk. */
  get held(): number {
    return this.size;
  }

  text(): string {
    let bytes = Buffer.concat(this.chunks);
    if (bytes.length > this.limit) bytes = bytes.subarray(bytes.length - this.limit);
    // The cut may fall inside a multi-byte character: drop its orphaned continuation bytes.
    let start = 0;
    while (start < 3 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
    return bytes.subarray(start).toString("utf8");
  }
}

export function runCommand(cwd: string, command: string, options: RunCommandOptions): Promise<TestRun> {
  const { timeoutMs, tailBytes = DEFAULT_TAIL_BYTES, graceMs = DEFAULT_GRACE_MS } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`run: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  if (!Number.isInteger(tailBytes) || tailBytes < 0) {
    throw new Error(`run: tailBytes must be a non-negative integer, got ${tailBytes}`);
  }
  const started = Date.now();
  const tail = new TailBuffer(tailBytes);
  const marker = `${CHECK_MARKER}=${randomBytes(12).toString("hex")}`;
  const [file = "sh", ...args] = options.argv ?? ["sh", "-c", command];
  // detached: the process leads a new process group, so one kill(-pgid) reaches everything that stayed in it.
  const child = spawn(file, args, {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...options.env, [CHECK_MARKER]: marker.slice(CHECK_MARKER.length + 1) },
  });
  const tracker = child.pid === undefined ? undefined : trackDescendants(child.pid, marker);
  child.stdout.on("data", (chunk: Buffer) => tail.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => tail.push(chunk));

  let exitCode: number | null = null;
  let timedOut = false;
  let closed = false;
  let onClose: (() => void) | undefined;
  const closedOrTimeout = () =>
    closed ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => (onClose = resolve)), sleep(CLOSE_WAIT_MS)]);
  child.on("close", () => {
    closed = true;
    onClose?.();
  });

  return new Promise<TestRun>((resolve) => {
    let settled = false;
    const finish = (extra?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (extra) tail.push(Buffer.from(extra));
      // Pipes still held by an escaped writer must not keep this process alive.
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        command,
        exit_code: exitCode,
        timed_out: timedOut,
        duration_ms: Date.now() - started,
        output_tail: tail.text(),
        passed: !timedOut && exitCode === 0,
      });
    };
    // The group first (SIGTERM, grace, SIGKILL), then whatever left it.
    const endAll = async () => {
      const pid = child.pid;
      if (pid !== undefined) await terminateGroup(pid, graceMs);
      await tracker?.killAll();
      await closedOrTimeout();
      finish();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      void endAll();
    }, timeoutMs);
    child.on("error", (error) => {
      void tracker?.killAll();
      finish(`\nprd-bot: could not start "${command}": ${error.message}\n`);
    });
    child.on("exit", (code) => {
      exitCode = code;
      if (timedOut) return;
      clearTimeout(timer);
      // The command is done; background processes it left behind (a server started with `&`, a setsid
      // writer) would hold the pipes open or keep writing into the checkout, so they go too.
      void endAll();
    });
  });
}
