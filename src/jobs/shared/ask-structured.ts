// One structured answer from a model chain: ask with a JSON Schema response format (where the server has it),
// parse tolerantly, and when the answer is unusable send exactly one repair request quoting the validation
// error. The propose cycle (proposals) and the apply job (patches) both ask this way; every call goes through
// the client the caller passes (budgeted, recorded).
import { BudgetExceededError } from "../../adapters/model/budgeted.js";
import { ModelError, type ChatMessage, type ModelClient } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";
import { clipMiddle } from "../../core/clip-text.js";

/** How much of an unusable answer the repair request quotes back: enough to see what went wrong. */
export const REPAIR_QUOTE_CHARS = 4000;

export interface StructuredOptions<T> {
  purpose: string;
  maxTokens: number;
  temperature: number;
  jsonSchema: { name: string; schema: Record<string, unknown> };
  parse: (text: string) => { ok: true; value: T } | { ok: false; error: string };
}

export type StructuredResult<T> =
  | { ok: true; value: T; model: string; conversation: ChatMessage[]; usage: { prompt: number; completion: number } }
  | { ok: false; kind: "budget" | "model" | "unusable"; reason: string; model: string | null; usage: { prompt: number; completion: number } };

export async function askStructured<T>(model: ModelClient, messages: ChatMessage[], options: StructuredOptions<T>): Promise<StructuredResult<T>> {
  const usage = { prompt: 0, completion: 0 };
  const first = await call(model, options.purpose, messages, options, usage);
  if (!first.ok) return { ...first, usage };
  const parsed = options.parse(first.content);
  if (parsed.ok) return { ok: true, value: parsed.value, model: first.model, conversation: [...messages, assistant(first.content)], usage };
  // The bad answer goes back clipped: a 30 MB answer must not become a 30 MB request (or be billed as one).
  const repairMessages = [...messages, assistant(clipMiddle(first.content, REPAIR_QUOTE_CHARS)), { role: "user" as const, content: renderTemplate("repair-json", { error: parsed.error }) }];
  const second = await call(model, `${options.purpose}:repair_json`, repairMessages, options, usage);
  if (!second.ok) return { ...second, usage };
  const reparsed = options.parse(second.content);
  if (reparsed.ok) return { ok: true, value: reparsed.value, model: second.model, conversation: [...repairMessages, assistant(second.content)], usage };
  return { ok: false, kind: "unusable", reason: `unusable model output after one repair request: ${reparsed.error}`, model: second.model, usage };
}

function assistant(content: string): ChatMessage {
  return { role: "assistant", content };
}

type CallResult = { ok: true; content: string; model: string } | { ok: false; kind: "budget" | "model"; reason: string; model: string | null };

async function call(
  model: ModelClient,
  purpose: string,
  messages: ChatMessage[],
  options: StructuredOptions<unknown>,
  usage: { prompt: number; completion: number },
): Promise<CallResult> {
  try {
    const response = await model.chat({ purpose, messages, maxTokens: options.maxTokens, temperature: options.temperature, jsonSchema: options.jsonSchema });
    usage.prompt += response.usage.prompt_tokens;
    usage.completion += response.usage.completion_tokens;
    return { ok: true, content: response.content, model: response.model };
  } catch (error) {
    if (error instanceof BudgetExceededError) return { ok: false, kind: "budget", reason: error.message, model: null };
    if (error instanceof ModelError) {
      const tried = error.attempts.map((attempt) => `${attempt.model}: ${attempt.error}`).join("; ");
      return { ok: false, kind: "model", reason: `${error.message}${tried ? ` (${tried})` : ""}`, model: error.attempts.at(-1)?.model ?? null };
    }
    throw error;
  }
}
