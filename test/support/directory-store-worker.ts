// A separate process for the directory store's concurrency test: increments counter.json `rounds` times
// inside transactions and appends one log line per increment. Usage: node --import tsx <this> <dir> <id> <rounds>
// (the test bundles it with esbuild first, which starts faster).
import { createDirectoryStore } from "../../src/adapters/state/directory-store.js";

const [dir, id, rounds = "1"] = process.argv.slice(2);
if (!dir || !id) {
  console.error("usage: directory-store-worker.ts <dir> <id> [rounds]");
  process.exit(2);
}
const store = createDirectoryStore(dir);
for (let i = 0; i < Number(rounds); i++) {
  await store.transact(async (tx) => {
    const current = JSON.parse((await tx.read("counter.json")) ?? '{"n":0}') as { n: number };
    // Yield between read and write, so an unlocked store would interleave and lose updates.
    await new Promise((resolve) => setTimeout(resolve, 2));
    tx.write("counter.json", JSON.stringify({ n: current.n + 1 }));
    tx.append("log.jsonl", JSON.stringify({ worker: id, saw: current.n }));
  });
}
