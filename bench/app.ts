// The webhook app under load: signed deliveries over loopback at concurrency 20, against (a) prd-bot's app and
// (b) a bare Probot app with one no-op handler, in the same run. Prints latency (p50/p99) and throughput of
// the answers for both, and checks that every dispatch the mix asks for reached the local GitHub exactly once.
// Targets: p99 < 50 ms, throughput ≥ 70% of the bare app, zero dispatches lost or duplicated. Not a test.
//
// The mix, per block of 10 deliveries (one repository per block, 10 repositories in turn):
//   5 × `/scrum` from a writer on PR n  → permission, 👀, dispatch {command: review, pr: n}
//   3 × pull_request.synchronize of PR n → pending status, dispatch {command: audit, pr: n}
//   1 × pull_request.closed              → ignored
//   1 × a replay of the block's first delivery (same id, same body) → must not dispatch again
// Rounds of 1,000 alternate a b b a a b, so that a noisy neighbour on a shared machine hits both apps alike;
// the app's follow-up work is drained after each of its rounds (reported, not counted in its answer time).
// The load generator and the local GitHub each run in their own process, as they would in production.
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Probot, createNodeMiddleware } from "probot";
import { startAppServer } from "../src/app/server.js";
import type { Logger } from "../src/jobs/logger.js";
import { appJwtBridge } from "../test/support/app-harness.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const N = Number(process.env.BENCH_DELIVERIES ?? 1000);
const ORDER = ["a", "b", "b", "a", "a", "b"] as const;
const ROUNDS = ORDER.filter((x) => x === "a").length;
const CONCURRENCY = 20;
const WARMUP = 200;
const REPOS = 10;
const INSTALLATION = 777;
const SECRET = "bench-secret";

interface Delivery {
  event: string;
  id: string;
  body: string;
  /** `repo#pr:command` when this delivery must cause exactly one dispatch. */
  dispatch?: string;
}

interface Measured {
  latencies: number[];
  wallMs: number;
  statuses: Record<string, number>;
}

/** A child process spoken to over IPC, one answer per question, in order. */
function helper(file: string, env: Record<string, string> = {}): { child: ChildProcess; ask: (message?: Json) => Promise<Json> } {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const replies: ((message: Json) => void)[] = [];
  child.on("message", (message: Json) => replies.shift()?.(message));
  const ask = (message?: Json) =>
    new Promise<Json>((resolve) => {
      replies.push(resolve);
      if (message) child.send(message);
    });
  return { child, ask };
}

// --- the local GitHub, and the load generator ---
const totalPrs = (ROUNDS + 1) * N;
const forge = helper("./_app-forge.ts", { BENCH_REPOS: String(REPOS), BENCH_PRS: String(totalPrs), BENCH_ROUND: String(N), BENCH_INSTALLATION: String(INSTALLATION) });
const loader = helper("./_app-load.ts");
const [ready] = await Promise.all([forge.ask(), loader.ask()]);
const forgeUrl = ready?.url as string;
const headSha = ready?.sha as string;

const load = (url: string, list: Delivery[]) =>
  loader.ask({ url, secret: SECRET, concurrency: CONCURRENCY, deliveries: list.map(({ event, id, body }) => ({ event, id, body })) }) as Promise<unknown> as Promise<Measured>;

// --- the deliveries, from GitHub's own example payloads ---
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
const example = (name: string, pick: (e: Json) => boolean): Json => structuredClone(examples.find((e) => e.name === name)?.examples.find(pick) as Json);
const commentExample = example("issue_comment", (e) => e.action === "created" && e.installation !== undefined);
const syncExample = example("pull_request", (e) => e.action === "synchronize");
const closedExample = example("pull_request", (e) => e.action === "closed" && e.installation !== undefined);

function onRepo(payload: Json, repo: string): Json {
  Object.assign(payload.repository, { name: repo, full_name: `acme/${repo}`, default_branch: "main" });
  payload.repository.owner.login = "acme";
  payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc3" };
  return payload;
}

/** `count` deliveries whose PR numbers start after `base` (a multiple of N, so repositories line up). */
function deliveries(prefix: string, base: number, count: number): Delivery[] {
  const list: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const repo = `app-${Math.floor(i / 10) % REPOS}`;
    const pr = base + i + 1;
    const slot = i % 10;
    const id = `${prefix}-${i}`;
    if (slot < 5) {
      const payload = onRepo(structuredClone(commentExample), repo);
      payload.issue.number = pr;
      payload.issue.pull_request = { url: `${forgeUrl}/repos/acme/${repo}/pulls/${pr}`, html_url: "", diff_url: "", patch_url: "", merged_at: null };
      Object.assign(payload.comment, { id: pr, body: "/scrum" });
      Object.assign(payload.comment.user, { login: "alice", type: "User" });
      list.push({ event: "issue_comment", id, body: JSON.stringify(payload), dispatch: `${repo}#${pr}:review` });
    } else if (slot < 8) {
      const payload = onRepo(structuredClone(syncExample), repo);
      payload.number = pr;
      Object.assign(payload.pull_request, { number: pr, state: "open" });
      payload.pull_request.head.sha = headSha;
      list.push({ event: "pull_request", id, body: JSON.stringify(payload), dispatch: `${repo}#${pr}:audit` });
    } else if (slot === 8) {
      list.push({ event: "pull_request", id, body: JSON.stringify(onRepo(structuredClone(closedExample), repo)) });
    } else {
      const original = list[i - 9] as Delivery;
      list.push({ event: original.event, id: original.id, body: original.body });
    }
  }
  return list;
}

// --- (a) prd-bot's app ---
const auth = appJwtBridge(ready?.token as string, 4242);
let warnings = 0;
const log: Logger = { info: () => undefined, warn: () => void (warnings += 1), group: (_t, fn) => fn() };
const app = await startAppServer({
  log,
  host: "127.0.0.1",
  port: 0,
  github: { appId: auth.appId, privateKey: auth.privateKey, secret: SECRET, baseUrl: forgeUrl, fetch: auth.fetch, logLevel: "fatal", octokit: { writeIntervalMs: 0, retryBaseMs: 10 } },
  // BENCH_EVENT_CONCURRENCY=N: follow-up work N at a time always, instead of 1 while deliveries arrive (server.ts).
  dispatcher: process.env.BENCH_EVENT_CONCURRENCY ? { maxConcurrentEvents: Number(process.env.BENCH_EVENT_CONCURRENCY) } : {},
});
const appUrl = `${app.url}/api/github/webhooks`;

// --- (b) a bare Probot app: one no-op handler, Probot's own middleware ---
const probot = new Probot({ appId: auth.appId, privateKey: auth.privateKey, secret: SECRET, baseUrl: forgeUrl, logLevel: "fatal", request: { fetch: auth.fetch } });
const middleware = await createNodeMiddleware((bare) => bare.onAny(async () => undefined), { probot });
const bare = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/github/webhooks`;

// Warm both up (JIT, connections, the installation token), then forget what the warm-up dispatched.
await load(appUrl, deliveries("warm-a", ROUNDS * N, WARMUP));
await load(bareUrl, deliveries("warm-b", ROUNDS * N, WARMUP));
await app.idle();
await forge.ask({ type: "reset" });

const results: Record<"a" | "b", Measured[]> = { a: [], b: [] };
const drains: number[] = [];
const expected = new Map<string, number>();
let round = 0;
for (const who of ORDER) {
  if (who === "a") {
    const list = deliveries(`a${round}`, round * N, N);
    for (const delivery of list) if (delivery.dispatch) expected.set(delivery.dispatch, 0);
    results.a.push(await load(appUrl, list));
    const answered = performance.now();
    await app.idle();
    drains.push(performance.now() - answered);
    round += 1;
  } else {
    results.b.push(await load(bareUrl, deliveries(`b${results.b.length}`, 0, N)));
  }
}
const report = await forge.ask({ type: "report" });

// --- integrity: each dispatching delivery exactly once ---
let unexpectedDispatches = 0;
for (const d of report.dispatches as { repo: string; inputs: Record<string, string> }[]) {
  const key = `${d.repo}#${d.inputs.pr}:${d.inputs.command}`;
  if (expected.has(key)) expected.set(key, (expected.get(key) ?? 0) + 1);
  else unexpectedDispatches += 1;
}
const lost = [...expected.values()].filter((count) => count === 0).length;
const duplicated = [...expected.values()].filter((count) => count > 1).length;

// --- table ---
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] as number;
function summary(name: string, rounds: Measured[]) {
  const sorted = rounds.flatMap((r) => r.latencies).sort((x, y) => x - y);
  const throughput = (sorted.length / rounds.reduce((sum, r) => sum + r.wallMs, 0)) * 1000;
  const perRound = rounds.map((r) => ((r.latencies.length / r.wallMs) * 1000).toFixed(0)).join(" / ");
  const answers: Record<string, number> = {};
  for (const r of rounds) for (const [status, count] of Object.entries(r.statuses)) answers[status] = (answers[status] ?? 0) + count;
  return { name, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) as number, throughput, perRound, answers: Object.entries(answers).map(([s, c]) => `${c}×${s}`).join(" ") };
}
const a = summary("prd-bot app", results.a);
const b = summary("bare Probot, no-op handler", results.b);
const fmt = (n: number) => n.toFixed(1).padStart(6);
console.log(`${ROUNDS} rounds of ${N} signed deliveries per app over loopback, concurrency ${CONCURRENCY}, ${WARMUP} warm-up deliveries each`);
console.log(`(Node ${process.version}, ${availableParallelism()} CPUs; load generator and local GitHub in their own processes)\n`);
console.log("| app                        | p50 ms | p99 ms | max ms | deliveries/s (per round)  | answers");
console.log("| -------------------------- | ------ | ------ | ------ | ------------------------- | -------");
for (const r of [a, b]) console.log(`| ${r.name.padEnd(26)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${`${r.throughput.toFixed(0)} (${r.perRound})`.padEnd(25)} | ${r.answers}`);
const ratio = a.throughput / b.throughput;
console.log("");
console.log(`p99 of the app's answers: ${a.p99.toFixed(1)} ms (target < 50 ms): ${a.p99 < 50 ? "met" : "MISSED"}; the bare app's: ${b.p99.toFixed(1)} ms`);
console.log(`throughput: ${(ratio * 100).toFixed(0)}% of the bare app (target ≥ 70%): ${ratio >= 0.7 ? "met" : "MISSED"}`);
console.log(`dispatches: expected ${expected.size}, received ${report.dispatches.length}, lost ${lost}, duplicated ${duplicated}, unexpected ${unexpectedDispatches}`);
console.log(`follow-up work: ${report.requests} forge requests (${report.reactions} reactions, ${report.statuses} statuses), drained ${drains.map((d) => `${(d / 1000).toFixed(1)} s`).join(" / ")} after each round's last answer; ${warnings} warnings logged`);
console.log(`forge violations: ${report.violations.length}, unexpected requests: ${report.unexpected.length}${report.unexpected.length ? ` (${report.unexpected.join(", ")})` : ""}`);

await app.close(1000);
bare.closeAllConnections();
await new Promise<void>((resolve) => bare.close(() => resolve()));
loader.child.send({ type: "close" });
forge.child.send({ type: "close" });
await new Promise((resolve) => forge.child.once("exit", resolve));
if (lost || duplicated || unexpectedDispatches || report.violations.length || report.unexpected.length) process.exitCode = 1;
