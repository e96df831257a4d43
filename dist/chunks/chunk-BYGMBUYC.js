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

// src/core/clip-text.ts
function clipMiddle(text, maxChars) {
  if (text.length <= maxChars) return text;
  const keep = Math.max(0, maxChars - 120);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}
[\u2026 prd-bot clipped ${omitted} of ${text.length} characters here \u2026]
${tail > 0 ? text.slice(-tail) : ""}`;
}

// src/jobs/propose/cycle-records.ts
var TRANSCRIPT_TEXT_CHARS = 256 * 1024;
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
    if (transcript && record.transcript) tx.write(record.transcript, JSON.stringify(clipTranscript(transcript), null, 2) + "\n");
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
function clipTranscript(transcript, maxChars = TRANSCRIPT_TEXT_CHARS) {
  return {
    ...transcript,
    exchanges: transcript.exchanges.map((exchange) => ({
      ...exchange,
      request: { ...exchange.request, messages: exchange.request.messages.map((m) => ({ ...m, content: clipMiddle(m.content, maxChars) })) },
      response: exchange.response ? { ...exchange.response, content: clipMiddle(exchange.response.content, maxChars) } : null,
      ...exchange.error !== void 0 ? { error: clipMiddle(exchange.error, 16 * 1024) } : {}
    }))
  };
}

export {
  priorAttempts,
  renderPriorAttempts,
  clipMiddle,
  transcriptPath,
  saveCycle,
  loadCycleEvents,
  loadCycleRecords
};
