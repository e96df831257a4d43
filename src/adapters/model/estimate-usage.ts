// Token usage for servers that report none (some Ollama and LM Studio builds omit `usage`), so the budget
// still sees every call. An estimate, flagged as such by the caller.
import type { ChatMessage } from "../../ports/model.js";

// TODO: use countTokens from src/core/tokens.ts (gpt-tokenizer, o200k_base) once it lands; until then
// ~4 characters a token, which is what OpenAI's own guidance gives for English text and code.
function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Chat formats add a few tokens per message for the role and separators. */
const PER_MESSAGE_OVERHEAD = 4;

export function estimateUsage(messages: readonly ChatMessage[], content: string): { prompt_tokens: number; completion_tokens: number } {
  const prompt = messages.reduce((n, m) => n + countTokens(m.content) + PER_MESSAGE_OVERHEAD, 0);
  return { prompt_tokens: prompt, completion_tokens: countTokens(content) };
}
