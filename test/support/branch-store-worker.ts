// One writer process for the branch-store concurrency test: appends `events` events, each in its
// own transaction, then makes `budgetTries` budget-style transactions ("if calls + 1 <= limit then
// increment else refuse"). Prints one JSON line: { id, grants, refusals, runs, startedAt, finishedAt }.
import { createBranchStore } from "../../src/adapters/state/branch-store.js";

interface WorkerArgs {
  remote: string;
  workDir: string;
  id: string;
  events: number;
  budgetTries: number;
  day: string;
  limit: number;
}

const args = JSON.parse(process.argv[2] ?? "{}") as WorkerArgs;
const store = createBranchStore({ remoteUrl: args.remote, workDir: args.workDir });
const startedAt = Date.now();
// Runs of the transaction callbacks: one more than commits for every lost race.
let runs = 0;

for (let seq = 0; seq < args.events; seq++) {
  await store.transact(async (tx) => {
    runs++;
    tx.append("events.jsonl", JSON.stringify({ type: "event", worker: args.id, seq }));
  });
}

let grants = 0;
let refusals = 0;
for (let attempt = 0; attempt < args.budgetTries; attempt++) {
  const path = `budget/${args.day}.json`;
  const granted = await store.transact(async (tx) => {
    runs++;
    const raw = await tx.read(path);
    const ledger = raw === undefined ? { calls: 0, grants: [] as string[] } : (JSON.parse(raw) as { calls: number; grants: string[] });
    const ok = ledger.calls + 1 <= args.limit;
    if (ok) tx.write(path, JSON.stringify({ calls: ledger.calls + 1, grants: [...ledger.grants, `${args.id}#${attempt}`] }));
    tx.append("auto_apply.jsonl", JSON.stringify({ worker: args.id, attempt, granted: ok }));
    return ok;
  });
  if (granted) grants++;
  else refusals++;
}

process.stdout.write(`${JSON.stringify({ id: args.id, grants, refusals, runs, startedAt, finishedAt: Date.now() })}\n`);
