// Reading and writing a repository's cycle records through the StateStore port.
import { cycleEvent, parseCycleEvents, type CycleEvent } from "../../core/propose/history.js";
import type { CycleRecord } from "../../core/types.js";
import type { Transcript } from "../../ports/model.js";
import type { StateStore } from "../../ports/state.js";

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
    if (transcript && record.transcript) tx.write(record.transcript, JSON.stringify(transcript, null, 2) + "\n");
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
