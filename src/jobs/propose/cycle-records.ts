// Reading and writing a repository's cycle records through the StateStore port.
import { cycleEvent, parseCycleEvents, type CycleEvent } from "../../core/propose/history.js";
import type { CycleRecord } from "../../core/types.js";
import type { Transcript } from "../../ports/model.js";
import type { StateStore } from "../../ports/state.js";
import { clipMiddle } from "../../core/clip-text.js";

/**
 * The most of one message or answer a stored transcript keeps (head and tail, with the sizes): a
 * proposal within policy.max_files × max_file_bytes fits; a runaway answer does not fill the state store.
 */
export const TRANSCRIPT_TEXT_CHARS = 256 * 1024;

export const EVENTS_PATH = "events.jsonl";

export function recordPath(cycleId: string): string {
  return `cycles/${cycleId}.json`;
}

export function transcriptPath(cycleId: string): string {
  return `transcripts/${cycleId}.json`;
}

/** One atomic write: the record, its transcript (when a model was asked) and the event line. */
export async function saveCycle(state: StateStore, record: CycleRecord, transcript: Transcript | null): Promise<void> {
  await state.transact(async (tx) => {
    tx.write(recordPath(record.cycle_id), JSON.stringify(record, null, 2) + "\n");
    if (transcript && record.transcript) tx.write(record.transcript, JSON.stringify(clipTranscript(transcript), null, 2) + "\n");
    tx.append(EVENTS_PATH, JSON.stringify(cycleEvent(record)));
  });
}

export async function loadCycleEvents(state: StateStore): Promise<CycleEvent[]> {
  return parseCycleEvents(await state.read(EVENTS_PATH));
}

export async function loadCycleRecords(state: StateStore): Promise<CycleRecord[]> {
  const paths = await state.list("cycles");
  const records: CycleRecord[] = [];
  for (const path of paths) {
    const text = await state.read(path);
    if (!text) continue;
    try {
      records.push(JSON.parse(text) as CycleRecord);
    } catch {
      throw new Error(`${state.description}: ${path} is not valid JSON`);
    }
  }
  return records;
}

/** A copy of `transcript` whose message and answer texts are clipped to TRANSCRIPT_TEXT_CHARS. */
export function clipTranscript(transcript: Transcript, maxChars = TRANSCRIPT_TEXT_CHARS): Transcript {
  return {
    ...transcript,
    exchanges: transcript.exchanges.map((exchange) => ({
      ...exchange,
      request: { ...exchange.request, messages: exchange.request.messages.map((m) => ({ ...m, content: clipMiddle(m.content, maxChars) })) },
      response: exchange.response ? { ...exchange.response, content: clipMiddle(exchange.response.content, maxChars) } : null,
      ...(exchange.error !== undefined ? { error: clipMiddle(exchange.error, 16 * 1024) } : {}),
    })),
  };
}
