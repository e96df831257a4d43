// The bounded work queue: order and one-at-a-time per key, an overall cap, fairness between keys, refusal
// when full, and errors that do not stop it.
import { describe, expect, it } from "vitest";
import { createWorkQueue } from "../../src/app/work-queue.js";

/** A task that records when it starts and finishes, and ends when `release()` is called. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    release: () => release(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createWorkQueue", () => {
  it("runs one task per key at a time, in the order pushed", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ maxQueued: 10 });
    const a1 = gate(log, "a1");
    const a2 = gate(log, "a2");
    const b1 = gate(log, "b1");
    expect(queue.push("a", a1.task)).toEqual({ accepted: true, waiting: 0 });
    expect(queue.push("a", a2.task)).toEqual({ accepted: true, waiting: 1 });
    expect(queue.push("b", b1.task)).toEqual({ accepted: true, waiting: 0 });
    await tick();
    expect(log).toEqual(["start a1", "start b1"]);
    expect([queue.running, queue.queued]).toEqual([2, 1]);
    a2.release(); // releasing a queued task early changes nothing: it has not started
    await tick();
    expect(log).toEqual(["start a1", "start b1"]);
    a1.release();
    await tick();
    expect(log.slice(2)).toEqual(["end a1", "start a2", "end a2"]);
    b1.release();
    await queue.idle();
    expect([queue.running, queue.queued]).toEqual([0, 0]);
  });

  it("caps the tasks running overall and lets keys take turns", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ maxQueued: 10, maxConcurrent: 1, maxConcurrentPerKey: 2 });
    const gates = ["a1", "a2", "a3", "b1"].map((name) => ({ name, ...gate(log, name) }));
    for (const g of gates) queue.push(g.name[0] as string, g.task);
    await tick();
    expect(log).toEqual(["start a1"]);
    for (const name of ["a1", "a2", "b1", "a3"]) {
      gates.find((g) => g.name === name)?.release();
      await tick();
      await tick();
    }
    await queue.idle();
    // a2 was waiting before b1 arrived, so it goes first; then key "a" goes to the back of the line, and b1
    // runs before a3 although a3 was pushed earlier.
    expect(log.filter((l) => l.startsWith("start"))).toEqual(["start a1", "start a2", "start b1", "start a3"]);
  });

  it("refuses a task when maxQueued tasks wait, with a reason, and accepts again once there is room", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ maxQueued: 1 });
    const running = gate(log, "r");
    const waiting = gate(log, "w");
    queue.push("repo", running.task);
    queue.push("repo", waiting.task);
    const refused = queue.push("repo", async () => undefined);
    expect(refused).toEqual({ accepted: false, reason: "busy: 1 task is already waiting (the limit is 1); try again later" });
    // Another key could start at once, so it is not refused even though the queue is full.
    expect(queue.push("other", async () => undefined)).toEqual({ accepted: true, waiting: 0 });
    running.release();
    await tick();
    expect(queue.push("repo", async () => undefined).accepted).toBe(true);
    waiting.release();
    await queue.idle();
  });

  it("reports a failing task and carries on", async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const queue = createWorkQueue({ maxQueued: 5, onError: (error, key) => errors.push(`${key}: ${(error as Error).message}`) });
    queue.push("k", async () => {
      throw new Error("forge down");
    });
    queue.push("k", async () => void ran.push("next"));
    await queue.idle();
    expect(errors).toEqual(["k: forge down"]);
    expect(ran).toEqual(["next"]);
  });

  it("resolves idle() at once when empty, and refuses nonsense limits", async () => {
    await expect(createWorkQueue({ maxQueued: 0 }).idle()).resolves.toBeUndefined();
    expect(() => createWorkQueue({ maxQueued: -1 })).toThrow(/maxQueued must be a whole number, got -1/);
    expect(() => createWorkQueue({ maxQueued: 1, maxConcurrentPerKey: 0 })).toThrow(/maxConcurrentPerKey must be a whole number ≥ 1/);
    expect(() => createWorkQueue({ maxQueued: 1, maxConcurrent: 0 })).toThrow(/maxConcurrent must be ≥ 1/);
  });

  it("keeps memory bounded: a flood beyond maxQueued is refused, not stored", () => {
    const queue = createWorkQueue({ maxQueued: 100 });
    let refused = 0;
    const never = () => new Promise<void>(() => undefined);
    for (let i = 0; i < 10_000; i++) if (!queue.push("one-repo", never).accepted) refused += 1;
    expect(queue.running).toBe(1);
    expect(queue.queued).toBe(100);
    expect(refused).toBe(10_000 - 101);
  });

  it("asks a function limit again as tasks start, and wake() starts what a raised limit allows", async () => {
    const log: string[] = [];
    let limit = 1;
    const queue = createWorkQueue({ maxQueued: 10, maxConcurrent: () => limit });
    const gates = ["a", "b", "c"].map((key) => ({ key, ...gate(log, key) }));
    for (const g of gates) queue.push(g.key, g.task);
    await tick();
    expect(log).toEqual(["start a"]);
    limit = 3;
    queue.wake();
    await tick();
    expect(log).toEqual(["start a", "start b", "start c"]);
    limit = 0; // a limit below 1 still lets one task run: work never stalls
    for (const g of gates) g.release();
    await queue.idle();
    const late = gate(log, "d");
    queue.push("d", late.task);
    await tick();
    expect(log.at(-1)).toBe("start d");
    late.release();
    await queue.idle();
  });

  it("bounds one key's waiting tasks, so one repository cannot fill the queue for the others", () => {
    const queue = createWorkQueue({ maxQueued: 100, maxQueuedPerKey: 3 });
    const never = () => new Promise<void>(() => undefined);
    const answers = Array.from({ length: 6 }, () => queue.push("busy-repo", never).accepted);
    expect(answers).toEqual([true, true, true, true, false, false]); // one runs, three wait
    expect(queue.push("other-repo", never).accepted).toBe(true);
  });

  it("coalesces: a repeat while one waits is dropped (keep-first) or replaces it (keep-last)", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ maxQueued: 10 });
    const first = gate(log, "running");
    queue.push("r", first.task);
    const task = (name: string) => async () => void log.push(name);
    expect(queue.push("r", task("scrum 1"), { coalesce: "scrum#1", id: "d1" })).toMatchObject({ accepted: true });
    expect(queue.push("r", task("scrum 2"), { coalesce: "scrum#1", id: "d2" })).toMatchObject({ accepted: true, coalesced: "dropped" });
    expect(queue.push("r", task("audit old"), { coalesce: "audit#1", keep: "keep-last", id: "a1" })).toMatchObject({ accepted: true });
    expect(queue.push("r", task("audit new"), { coalesce: "audit#1", keep: "keep-last", id: "a2" })).toMatchObject({ coalesced: "replaced", replacedId: "a1" });
    expect(queue.queued).toBe(2);
    first.release();
    await queue.idle();
    expect(log.filter((line) => !line.startsWith("end"))).toEqual(["start running", "scrum 1", "audit new"]);
  });

  it("close() refuses new work and drops what waits, returning the dropped ids; running tasks go on", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ maxQueued: 10 });
    const running = gate(log, "a");
    queue.push("r", running.task, { id: "a" });
    queue.push("r", async () => void log.push("b"), { id: "b" });
    queue.push("s", async () => void log.push("c"));
    await tick();
    expect(queue.close().sort()).toEqual(["b"]);
    expect(queue.push("r", async () => void log.push("d"))).toMatchObject({ accepted: false });
    running.release();
    await queue.idle();
    expect(log).toContain("c"); // another key's task had started at once
    expect(log).not.toContain("b");
    expect(log).not.toContain("d");
  });
});
