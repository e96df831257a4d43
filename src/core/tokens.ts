// Token counts for budgets and context packing, with the o200k_base encoding (GPT-4o, GPT-4.1, o-series,
// GPT-5). Other models tokenize differently; these counts are estimates for them, which is all a budget
// needs. Only this encoding is imported, so the bundle carries one rank table, not all of them.
import { countTokens as countEncoded } from "gpt-tokenizer/encoding/o200k_base";
import type { ChatMessage } from "../ports/model.js";

// Repository files and PRDs may contain "<|endoftext|>" and friends as plain text: count them as text
// instead of throwing, which is what the library does by default.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Tokens of `text`, counted exactly. bench/gaps-and-context.ts measured ~30 MB/s on generated source
 * (1 MB in 32 ms), so an 8 KB file costs about 0.3 ms and no estimating shortcut is needed.
 */
export function countTokens(text: string): number {
  if (text === "") return 0;
  return countEncoded(text, AS_TEXT);
}

/**
 * Chat framing as OpenAI's chat format encodes it for this encoding: each message is wrapped as
 * `<|im_start|>role<|im_sep|>content<|im_end|>` (3 tokens plus the role), and the reply is primed
 * with `<|im_start|>assistant<|im_sep|>` (3 tokens). The test checks it against gpt-tokenizer's encodeChat.
 */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_REPLY_PRIMING = 3;

/** Prompt tokens of a chat request: contents, roles and the framing around them. */
export function estimateChatTokens(messages: readonly ChatMessage[]): number {
  let total = TOKENS_REPLY_PRIMING;
  for (const message of messages) {
    total += TOKENS_PER_MESSAGE + countTokens(message.role) + countTokens(message.content);
  }
  return total;
}
