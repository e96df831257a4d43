// One proposal from the model, through the shared structured ask (jobs/shared/ask-structured.ts): JSON Schema
// response format where the server has it, tolerant parse, exactly one repair request quoting the error.
import { parseProposal, proposalJsonSchema } from "../../core/propose/proposal.js";
import type { Proposal } from "../../core/types.js";
import type { ChatMessage, ModelClient } from "../../ports/model.js";
import { askStructured, REPAIR_QUOTE_CHARS } from "../shared/ask-structured.js";

export { REPAIR_QUOTE_CHARS };

export type AskResult =
  | { ok: true; proposal: Proposal; model: string; conversation: ChatMessage[] }
  | { ok: false; kind: "budget" | "model" | "unusable"; reason: string; model: string | null };

export interface AskOptions {
  purpose: string;
  maxTokens: number;
  temperature: number;
}

export async function askForProposal(model: ModelClient, messages: ChatMessage[], options: AskOptions): Promise<AskResult> {
  const result = await askStructured(model, messages, {
    ...options,
    jsonSchema: { name: "proposal", schema: proposalJsonSchema },
    parse: (text) => {
      const parsed = parseProposal(text);
      return parsed.ok ? { ok: true, value: parsed.proposal } : parsed;
    },
  });
  if (!result.ok) return { ok: false, kind: result.kind, reason: result.reason, model: result.model };
  return { ok: true, proposal: result.value, model: result.model, conversation: result.conversation };
}
