// Records every exchange of a ModelClient into a Transcript, so a cycle can be audited afterwards and
// replayed offline (replay.ts) without a model. A wrapper, so any client (fallback chain, budgeted, …) can be recorded.
import { ModelError } from "../../ports/model.js";
import type { ChatRequest, ModelClient, Transcript, TranscriptExchange } from "../../ports/model.js";

export function recordTranscript(client: ModelClient): { client: ModelClient; transcript: Transcript } {
  const transcript: Transcript = { version: 1, exchanges: [] };
  const recording: ModelClient = {
    models: client.models,
    async chat(request, options) {
      // The slot is taken when the call starts, so the transcript keeps the order calls were made in even
      // when answers arrive out of order; replay serves exchanges in that same order.
      const exchange: TranscriptExchange = { purpose: request.purpose, request: requestOf(request, client.models.join(", ")), response: null };
      transcript.exchanges.push(exchange);
      try {
        const response = await client.chat(request, options);
        exchange.request.model = response.model;
        exchange.response = { ...response, usage: { ...response.usage } };
        return response;
      } catch (error) {
        exchange.error = errorText(error);
        throw error;
      }
    },
  };
  return { client: recording, transcript };
}

function requestOf(request: ChatRequest, model: string): TranscriptExchange["request"] {
  return {
    model,
    // Copies: a caller that later edits its message array must not rewrite history.
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    max_tokens: request.maxTokens,
    ...(request.jsonSchema ? { json_schema: request.jsonSchema.name } : {}),
  };
}

/** `Name: message`, which replay.ts turns back into an error of the same kind (ModelError stays a ModelError). */
function errorText(error: unknown): string {
  if (error instanceof ModelError) return `ModelError: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `Error: ${String(error)}`;
}
