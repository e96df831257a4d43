// A ModelClient that answers from a recorded Transcript, in order: demos, offline runs and regression
// tests of whole cycles without a model. It refuses to improvise: a call the recording did not see is an error.
import { ModelError } from "../../ports/model.js";
import type { ChatResponse, ModelClient, Transcript, TranscriptExchange } from "../../ports/model.js";

export { loadTranscript } from "./load-transcript.js";

/** The code asked the replay for something the transcript does not hold. */
export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReplayError";
  }
}

export function createReplayModelClient(transcript: Transcript, options: { source?: string } = {}): ModelClient {
  const where = options.source ? ` ${options.source}` : "";
  const total = transcript.exchanges.length;
  let next = 0;
  return {
    free: true,
    models: [...new Set(transcript.exchanges.flatMap((e) => e.response?.model ?? e.request.model.split(", ")))].filter(Boolean),
    async chat(request, callOptions) {
      callOptions?.signal?.throwIfAborted();
      const number = next + 1;
      const exchange = transcript.exchanges[next];
      if (!exchange) {
        throw new ReplayError(
          `replay ran out at exchange ${number} (purpose "${request.purpose}"): the transcript${where} holds ${total}; the code now makes more model calls than when it was recorded, so record it again`,
        );
      }
      if (exchange.purpose !== request.purpose) {
        throw new ReplayError(
          `replay mismatch at exchange ${number}: the code asked for purpose "${request.purpose}" but the transcript${where} recorded "${exchange.purpose}"; record it again`,
        );
      }
      next += 1;
      if (exchange.response) return copy(exchange.response);
      throw replayedError(exchange, number, where);
    },
  };
}

/** A replayed answer spent no tokens: its usage is zero, so records and stats count only real spend. */
function copy(response: ChatResponse): ChatResponse {
  return { ...response, usage: { prompt_tokens: 0, completion_tokens: 0 } };
}

/** Rebuilds the recorded failure with the kind recording.ts wrote as its prefix, so callers branch the same way. */
function replayedError(exchange: TranscriptExchange, number: number, where: string): Error {
  if (exchange.error === undefined) {
    return new ReplayError(`exchange ${number} of the transcript${where} has neither a response nor an error`);
  }
  const match = /^([A-Za-z]\w*): ([\s\S]*)$/.exec(exchange.error);
  const name = match?.[1] ?? "Error";
  const message = match?.[2] ?? exchange.error;
  if (name === "ModelError") return new ModelError(message, [{ model: exchange.request.model, error: message }]);
  const error = new Error(message);
  error.name = name;
  return error;
}
