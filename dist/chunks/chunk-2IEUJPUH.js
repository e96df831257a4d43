import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/propose/history.ts
function cycleEvent(record) {
  return {
    type: "cycle",
    cycle_id: record.cycle_id,
    at: record.finished_at,
    gap_id: record.gap?.id ?? null,
    gap_text: record.gap?.text ?? null,
    outcome: record.outcome,
    reason: record.reason,
    files: record.files.map((file) => file.path),
    model: record.model,
    tokens: record.tokens.total,
    branch: record.branch,
    pr_url: record.pr_url,
    dry_run: record.dry_run
  };
}
function parseCycleEvents(jsonl) {
  if (!jsonl) return [];
  const events = [];
  for (const line of jsonl.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line);
      if (value.type === "cycle" && typeof value.outcome === "string") events.push(value);
    } catch {
    }
  }
  return events;
}
function priorAttempts(events, gapId, limit = 5) {
  return events.filter((event) => event.gap_id === gapId && !event.dry_run).sort((a, b) => a.at < b.at ? 1 : a.at > b.at ? -1 : 0).slice(0, limit);
}
function renderPriorAttempts(attempts) {
  if (attempts.length === 0) return "";
  const lines = [`Prior attempts on this gap (${attempts.length} most recent):`];
  for (const attempt of attempts) {
    const when = attempt.at.slice(0, 16).replace("T", " ");
    const pr = attempt.pr_url ? ` ${attempt.pr_url}` : "";
    lines.push(`- ${when} UTC: ${attempt.outcome}${pr}`);
    lines.push(`  reason: ${oneLine(attempt.reason, 300)}`);
    if (attempt.files.length > 0) lines.push(`  files: ${attempt.files.join(", ")}`);
  }
  lines.push("Learn from these: build on what worked, avoid what failed.");
  return lines.join("\n");
}
function oneLine(text, max) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}

// src/jobs/propose/cycle-records.ts
var EVENTS_PATH = "events.jsonl";
function recordPath(cycleId) {
  return `cycles/${cycleId}.json`;
}
function transcriptPath(cycleId) {
  return `transcripts/${cycleId}.json`;
}
async function saveCycle(state, record, transcript) {
  await state.transact(async (tx) => {
    tx.write(recordPath(record.cycle_id), JSON.stringify(record, null, 2) + "\n");
    if (transcript && record.transcript) tx.write(record.transcript, JSON.stringify(transcript, null, 2) + "\n");
    tx.append(EVENTS_PATH, JSON.stringify(cycleEvent(record)));
  });
}
async function loadCycleEvents(state) {
  return parseCycleEvents(await state.read(EVENTS_PATH));
}
async function loadCycleRecords(state) {
  const paths = await state.list("cycles");
  const records = [];
  for (const path of paths) {
    const text = await state.read(path);
    if (!text) continue;
    try {
      records.push(JSON.parse(text));
    } catch {
      throw new Error(`${state.description}: ${path} is not valid JSON`);
    }
  }
  return records;
}

// src/ports/model.ts
var ModelError = class extends Error {
  attempts;
  constructor(message, attempts) {
    super(message);
    this.name = "ModelError";
    this.attempts = attempts;
  }
};

export {
  ModelError,
  priorAttempts,
  renderPriorAttempts,
  transcriptPath,
  saveCycle,
  loadCycleEvents,
  loadCycleRecords
};
