// ModelClient over any OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, vLLM, OpenRouter,
// LM Studio, gateways), using the official `openai` SDK for transport: it already retries 408/409/429/5xx
// and connection errors with backoff and honours retry-after. This file adds what the SDK does not:
// fallback across the task's model chain, learning what a server refuses (json_schema response formats,
// `max_tokens` on newer OpenAI models, a non-default temperature), usage when the server reports none,
// and error texts that say what to check without ever containing a key.
import type OpenAI from "openai";
import { APIError } from "openai";
import { ModelError } from "../../ports/model.js";
import type { ChatRequest, ChatResponse, ModelClient } from "../../ports/model.js";
import type { ResolvedModel } from "../../ports/model-config.js";
import { describeModelFailure, ModelAnswerError } from "./describe-model-failure.js";
import { estimateUsage } from "./estimate-usage.js";
import { openAISdk } from "./openai-sdk.js";

type Usage = ChatResponse["usage"];
type Body = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;

export interface UsageEvent {
  /** `provider/model` that spent the tokens. */
  model: string;
  purpose: string;
  usage: Usage;
  /** True when the server sent no usage and the numbers are our estimate. */
  estimated: boolean;
}

export interface OpenAIModelClientOptions {
  /** Transport, for proxies and tests. Defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Retries per model on 408/409/429/5xx, timeouts and connection errors, with backoff. Default 2. */
  maxRetries?: number;
  /** Called for every completion a server returned, including answers then rejected as empty: those tokens were spent. */
  onUsage?: (event: UsageEvent) => void;
  /** A retry-after longer than this is not waited out: the next model is tried instead. Default 60 s. */
  maxRetryAfterMs?: number;
  /** models.max_answer_bytes: a longer answer fails that model; the response body is not read much past it. */
  maxAnswerBytes?: number;
}

type Quirk = "no_json_schema" | "max_completion_tokens" | "no_temperature";

export function createOpenAIModelClient(models: ResolvedModel[], options: OpenAIModelClientOptions = {}): ModelClient {
  const maxRetries = options.maxRetries ?? 2;
  const maxAnswerBytes = options.maxAnswerBytes ?? Number.POSITIVE_INFINITY;
  // JSON escapes (\uXXXX) may take 6 bytes per character of content, plus the envelope.
  const maxBodyBytes = maxAnswerBytes * 6 + 64 * 1024;
  const fetchImpl = limitBody(capRetryAfter(options.fetch ?? globalThis.fetch, options.maxRetryAfterMs ?? 60_000), maxBodyBytes);
  const secrets = models.flatMap((m) => (m.apiKey ? [m.apiKey] : []));
  const sdkClients = new Map<ResolvedModel, OpenAI>();
  // What servers refused, remembered for this client's lifetime so each refusal costs one request only.
  const providersWithoutJsonSchema = new Set<string>();
  const modelQuirks = new Map<string, Set<Quirk>>();

  function sdkFor(model: ResolvedModel): OpenAI {
    let sdk = sdkClients.get(model);
    if (!sdk) {
      sdk = openAISdk(model, { maxRetries, fetch: fetchImpl });
      sdkClients.set(model, sdk);
    }
    return sdk;
  }

  async function ask(model: ResolvedModel, request: ChatRequest, signal: AbortSignal | undefined): Promise<ChatResponse> {
    const learned = modelQuirks.get(model.id) ?? new Set<Quirk>();
    modelQuirks.set(model.id, learned);
    const adaptedNow = new Set<Quirk>();
    for (;;) {
      const useSchema =
        request.jsonSchema !== undefined &&
        (model.structuredOutput === "json_schema" ||
          (model.structuredOutput === "auto" && !providersWithoutJsonSchema.has(model.provider)));
      const body = buildBody(model, request, useSchema, learned);
      try {
        const completion: unknown = await abortable(sdkFor(model).chat.completions.create(body, { signal: signal ?? null }), signal);
        return toResponse(completion, model, request, useSchema);
      } catch (error) {
        const quirk = quirkOf(error, body, model);
        // Each adaptation at most once per call: a server that keeps refusing is a failure, not a loop.
        if (quirk === undefined || adaptedNow.has(quirk)) throw error;
        adaptedNow.add(quirk);
        if (quirk === "no_json_schema") providersWithoutJsonSchema.add(model.provider);
        else learned.add(quirk);
      }
    }
  }

  function toResponse(completion: unknown, model: ResolvedModel, request: ChatRequest, structured: boolean): ChatResponse {
    const parsed = completion as Partial<OpenAI.Chat.ChatCompletion> | null;
    if (parsed === null || typeof parsed !== "object" || !Array.isArray(parsed.choices)) {
      throw new ModelAnswerError(
        `the answer is not a chat completion (does base_url "${model.baseUrl}" of provider "${model.provider}" point at the API, usually ending in /v1?)`,
      );
    }
    const choice = parsed.choices[0];
    const content = choice?.message?.content ?? "";
    const bytes = Buffer.byteLength(content, "utf8");
    if (bytes > maxAnswerBytes) {
      options.onUsage?.({ model: model.id, purpose: request.purpose, usage: usageOf(parsed.usage), estimated: !parsed.usage });
      throw new ModelAnswerError(`the answer is ${bytes} bytes, over models.max_answer_bytes (${maxAnswerBytes}); it was not used`);
    }
    const reported = parsed.usage;
    const usage: Usage = reported
      ? { prompt_tokens: reported.prompt_tokens ?? 0, completion_tokens: reported.completion_tokens ?? 0 }
      : estimateUsage(request.messages, content);
    options.onUsage?.({ model: model.id, purpose: request.purpose, usage, estimated: !reported });
    if (content.trim() === "") {
      const refusal = choice?.message?.refusal;
      const finish = choice?.finish_reason ?? "none";
      throw new ModelAnswerError(
        refusal
          ? `refused: ${refusal}`
          : `empty answer (finish_reason: ${finish}${finish === "length" ? "; the output budget ran out, raise max_tokens" : ""})`,
      );
    }
    return { content, model: model.id, usage, structured };
  }

  return {
    models: models.map((m) => m.id),
    async chat(request, callOptions) {
      const signal = callOptions?.signal;
      const attempts: { model: string; error: string }[] = [];
      for (const model of models) {
        signal?.throwIfAborted();
        try {
          return await ask(model, request, signal);
        } catch (error) {
          // A cancelled call is the caller's decision, not a model failure: no fallback, no ModelError.
          if (signal?.aborted) throw signal.reason;
          attempts.push({ model: model.id, error: describeModelFailure(error, model, { tries: maxRetries + 1, secrets }) });
        }
      }
      if (models.length === 0) {
        throw new ModelError(`no model to ask for "${request.purpose}": list at least one provider/model for this task in the config`, attempts);
      }
      const list = attempts.map((a) => `${a.model}: ${a.error}`).join("; ");
      throw new ModelError(`every model failed for "${request.purpose}" (${attempts.length} tried): ${list}`, attempts);
    },
  };
}

function buildBody(model: ResolvedModel, request: ChatRequest, useSchema: boolean, quirks: ReadonlySet<Quirk>): Body {
  const body: Body = {
    model: model.model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (quirks.has("max_completion_tokens")) body.max_completion_tokens = request.maxTokens;
  else body.max_tokens = request.maxTokens;
  if (request.temperature !== undefined && !quirks.has("no_temperature")) body.temperature = request.temperature;
  if (useSchema && request.jsonSchema) {
    // strict: false because strict mode demands every property be required and additionalProperties false,
    // which our schemas (optional fields) do not promise; we validate the answer ourselves anyway.
    body.response_format = {
      type: "json_schema",
      json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: false },
    };
  }
  return body;
}

/** Which refusal a 400 is, if it is one we can work around by asking again differently. */
function quirkOf(error: unknown, body: Body, model: ResolvedModel): Quirk | undefined {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const text = `${error.message} ${error.param ?? ""}`;
  if (body.response_format && model.structuredOutput === "auto" && /response_format|json_schema/i.test(text)) {
    return "no_json_schema";
  }
  // OpenAI's reasoning models: "Unsupported parameter: 'max_tokens' ... Use 'max_completion_tokens' instead."
  if (body.max_tokens !== undefined && /max_completion_tokens/.test(text)) return "max_completion_tokens";
  // ... and "Unsupported value: 'temperature' does not support 0.2 with this model."
  if (body.temperature !== undefined && /temperature/i.test(text)) return "no_temperature";
  return undefined;
}

/**
 * The SDK waits out any retry-after, however long. A server asking for more than `maxMs` is marked
 * `x-should-retry: false` (the SDK's own switch) so the call fails now and the next model is tried.
 */
function capRetryAfter(inner: typeof globalThis.fetch, maxMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 429 && response.status < 500) return response;
    const waitMs = retryAfterMs(response.headers);
    if (waitMs === undefined || waitMs <= maxMs) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function usageOf(reported: OpenAI.Completions.CompletionUsage | undefined): Usage {
  return { prompt_tokens: reported?.prompt_tokens ?? 0, completion_tokens: reported?.completion_tokens ?? 0 };
}

/**
 * A response body longer than `maxBytes` errors while it is read, so a server that streams megabytes
 * (or never stops) costs a bounded read, not memory and a parse of all of it.
 */
function limitBody(inner: typeof globalThis.fetch, maxBytes: number): typeof globalThis.fetch {
  if (!Number.isFinite(maxBytes)) return inner;
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.body || !response.ok) return response;
    let seen = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new ModelAnswerError(`the response body passed ${maxBytes} bytes (models.max_answer_bytes); it was not read further`));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (!Number.isNaN(ms)) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

/** Rejects as soon as the signal aborts, even while the SDK sleeps between retries (its sleep ignores the signal). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
