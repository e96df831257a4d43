// The load generator for bench/app.ts, in its own process so that sending and timing requests does not take
// the app's CPU. Receives { url, deliveries, concurrency, secret } over IPC, answers with the latencies.
import { sign } from "../test/support/app-harness.js";

interface Job {
  url: string;
  secret: string;
  concurrency: number;
  deliveries: { event: string; id: string; body: string }[];
}

process.on("message", async (job: Job | { type: "close" }) => {
  if ("type" in job) process.exit(0);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      for (let i = next++; i < job.deliveries.length; i = next++) {
        const delivery = job.deliveries[i] as Job["deliveries"][number];
        const t0 = performance.now();
        const response = await fetch(job.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-github-event": delivery.event, "x-github-delivery": delivery.id, "x-hub-signature-256": sign(job.secret, delivery.body) },
          body: delivery.body,
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  process.send?.({ latencies, wallMs: performance.now() - started, statuses });
});
process.send?.({ ready: true });
