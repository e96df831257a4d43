// ModelClient: one chat completion against an OpenAI-compatible endpoint (or a replayed transcript).
// Fallback across models, retries and usage accounting wrap this interface; jobs only see chat().

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  /** Why the call is made ("propose", "repair_json", "repair_tests", …): recorded in transcripts. */
  purpose: string;
  messages: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  /** Ask for structured output with this JSON Schema where the server supports it. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
}

export interface ChatResponse {
  content: string;
  /** `provider/model` that answered. */
  model: string;
  usage: { prompt_tokens: number; completion_tokens: number };
  /** True when the server honoured the JSON Schema response format. */
  structured: boolean;
}

export interface ModelClient {
  chat(request: ChatRequest, options?: { signal?: AbortSignal }): Promise<ChatResponse>;
  /** The `provider/model` names tried in order, for records and messages. */
  readonly models: readonly string[];
  /** True when calls spend nothing (a replayed transcript): the budget does not apply. */
  readonly free?: boolean;
}

/** Every model in the chain failed. `attempts` says which and why, in order. */
export class ModelError extends Error {
  readonly attempts: { model: string; error: string }[];
  constructor(message: string, attempts: { model: string; error: string }[]) {
    super(message);
    this.name = "ModelError";
    this.attempts = attempts;
  }
}

/** One request/response pair, as recorded in a cycle's transcript and served by the replay provider. */
export interface TranscriptExchange {
  purpose: string;
  request: { model: string; messages: ChatMessage[]; max_tokens: number; json_schema?: string };
  response: ChatResponse | null;
  error?: string;
}

export interface Transcript {
  version: 1;
  exchanges: TranscriptExchange[];
}
