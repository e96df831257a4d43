// Token counts for budgets and context packing, with the o200k_base encoding (GPT-4o, GPT-4.1, o-series,
// GPT-5). Other models tokenize differently; these counts are estimates for them, which is all a budget
// needs. Only this encoding is imported, so the bundle carries one rank table, not all of them.
import { countTokens as countEncoded } from "gpt-tokenizer/encoding/o200k_base";
import type { ChatMessage } from "../ports/model.js";

// Repository files and PRDs may contain "<|endoftext|>" and friends as plain text: count them as text
// instead of throwing, which is what the library does by default.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

// BPE merging is quadratic in the length of one pre-token, and a run without whitespace (minified code,
// base64, a hostile model answer) is one pre-token: 300 KB of it took 76 s. Runs longer than this are
// counted in pieces of this size: exact for ordinary text, and at most a token or so per piece off for
// the rest, in time linear in the length.
const LONG_RUN = 256;
const LONG_RUNS = new RegExp(`\\S{${LONG_RUN + 1},}`, "g");

/**
 * Tokens of `text`, counted exactly for text whose non-whitespace runs are at most 256 characters (and
 * in linear time otherwise, see LONG_RUN). bench/gaps-and-context.ts measured ~30 MB/s on generated
 * source (1 MB in 32 ms), so an 8 KB file costs about 0.3 ms and no estimating shortcut is needed.
 */
export function countTokens(text: string): number {
  if (text === "") return 0;
  let total = 0;
  let from = 0;
  LONG_RUNS.lastIndex = 0;
  for (let run = LONG_RUNS.exec(text); run !== null; run = LONG_RUNS.exec(text)) {
    if (run.index > from) total += countEncoded(text.slice(from, run.index), AS_TEXT);
    const end = run.index + run[0].length;
    for (let at = run.index; at < end; at += LONG_RUN) total += countEncoded(text.slice(at, Math.min(end, at + LONG_RUN)), AS_TEXT);
    from = end;
  }
  if (from < text.length) total += countEncoded(from === 0 ? text : text.slice(from), AS_TEXT);
  return total;
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
