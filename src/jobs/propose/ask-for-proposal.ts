// One proposal from the model: ask (with a JSON Schema response format where the server has it), parse
// tolerantly, and when the answer is unusable send exactly one repair request quoting the validation error.
import { parseProposal, proposalJsonSchema } from "../../core/propose/proposal.js";
import type { Proposal } from "../../core/types.js";
import { BudgetExceededError } from "../../adapters/model/budgeted.js";
import { ModelError, type ChatMessage, type ModelClient } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";
import { clipMiddle } from "../../core/clip-text.js";

/** How much of an unusable answer the repair request quotes back: enough to see what went wrong. */
export const REPAIR_QUOTE_CHARS = 4000;

export type AskResult =
  | { ok: true; proposal: Proposal; model: string; conversation: ChatMessage[] }
  | { ok: false; kind: "budget" | "model" | "unusable"; reason: string; model: string | null };

export interface AskOptions {
  purpose: string;
  maxTokens: number;
  temperature: number;
}

export async function askForProposal(model: ModelClient, messages: ChatMessage[], options: AskOptions): Promise<AskResult> {
  const jsonSchema = { name: "proposal", schema: proposalJsonSchema };
  const first = await call(model, { ...options, messages, jsonSchema });
  if (!first.ok) return first;
  const parsed = parseProposal(first.content);
  if (parsed.ok) {
    return { ok: true, proposal: parsed.proposal, model: first.model, conversation: [...messages, assistant(first.content)] };
  }
  // The bad answer goes back clipped: a 30 MB answer must not become a 30 MB request (or be billed as one).
  const repairMessages = [...messages, assistant(clipMiddle(first.content, REPAIR_QUOTE_CHARS)), { role: "user" as const, content: renderTemplate("repair-json", { error: parsed.error }) }];
  const second = await call(model, { ...options, purpose: `${options.purpose}:repair_json`, messages: repairMessages, jsonSchema });
  if (!second.ok) return second;
  const reparsed = parseProposal(second.content);
  if (reparsed.ok) {
    return { ok: true, proposal: reparsed.proposal, model: second.model, conversation: [...repairMessages, assistant(second.content)] };
  }
  return { ok: false, kind: "unusable", reason: `unusable model output after one repair request: ${reparsed.error}`, model: second.model };
}

function assistant(content: string): ChatMessage {
  return { role: "assistant", content };
}

type CallResult = { ok: true; content: string; model: string } | Extract<AskResult, { ok: false }>;

async function call(
  model: ModelClient,
  request: AskOptions & { messages: ChatMessage[]; jsonSchema: { name: string; schema: Record<string, unknown> } },
): Promise<CallResult> {
  try {
    const response = await model.chat({
      purpose: request.purpose,
      messages: request.messages,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      jsonSchema: request.jsonSchema,
    });
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
