// The ladder for one file: each rung of `models.review` in turn, until one answer parses (one repair request
// per rung when it does not), and passes the citation check. Every later rung is told what was wrong with each
// earlier answer. A budget refusal stops the file (and the run) at once: it is not a model failure.
import { BudgetExceededError } from "../../adapters/model/budgeted.js";
import { checkCitations, type CheckedAnswer } from "../../core/review/check-citations.js";
import { parseReviewAnswer, reviewAnswerJsonSchema, type ReviewAnswer } from "../../core/review/review-answer.js";
import type { ReviewAttempt } from "../../core/review/review-record.js";
import { ModelError, type ChatMessage, type ModelClient } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";
import { buildReviewPrompt, type ReviewPromptInput } from "./review-prompt.js";

export interface Rung {
  /** `provider/model`. */
  id: string;
  client: ModelClient;
}

export interface LadderOptions {
  maxTokens: number;
  temperature: number;
  signal?: AbortSignal;
}

export type LadderResult =
  | { kind: "accepted"; model: string; answer: ReviewAnswer; checked: CheckedAnswer; attempts: ReviewAttempt[]; tokens: Tokens; partial: boolean }
  | { kind: "exhausted"; attempts: ReviewAttempt[]; tokens: Tokens; partial: boolean; dropped: CheckedAnswer["dropped"] }
  | { kind: "budget"; reason: string; attempts: ReviewAttempt[]; tokens: Tokens };

export interface Tokens {
  prompt: number;
  completion: number;
}

const SCHEMA = { name: "review", schema: reviewAnswerJsonSchema };

export async function runLadder(rungs: readonly Rung[], input: Omit<ReviewPromptInput, "attempts">, options: LadderOptions): Promise<LadderResult> {
  const attempts: ReviewAttempt[] = [];
  const tokens: Tokens = { prompt: 0, completion: 0 };
  let lastDropped: CheckedAnswer["dropped"] = [];
  let partial = false;
  for (const rung of rungs) {
    const prompt = buildReviewPrompt({ ...input, attempts });
    partial = prompt.partial;
    const call = async (messages: ChatMessage[], purpose: string): Promise<string> => {
      const response = await rung.client.chat({ purpose, messages, maxTokens: options.maxTokens, temperature: options.temperature, jsonSchema: SCHEMA }, options.signal ? { signal: options.signal } : undefined);
      tokens.prompt += response.usage.prompt_tokens;
      tokens.completion += response.usage.completion_tokens;
      return response.content;
    };
    try {
      const first = await call(prompt.messages, "review");
      let parsed = parseReviewAnswer(first);
      if (!parsed.ok) {
        const repair = [...prompt.messages, { role: "assistant" as const, content: first }, { role: "user" as const, content: renderTemplate("review-repair", { error: parsed.error }) }];
        const second = await call(repair, "review:repair_json");
        const reparsed = parseReviewAnswer(second);
        if (!reparsed.ok) {
          attempts.push({ model: rung.id, status: "invalid", reason: `unparsable after one repair request: ${reparsed.error}` });
          continue;
        }
        parsed = reparsed;
      }
      const checked = checkCitations(parsed.answer, { path: input.path, content: input.content, offered: prompt.offered, ...(prompt.shown ? { shown: prompt.shown } : {}) });
      if (checked.verdict.status !== "accepted") {
        attempts.push({ model: rung.id, status: checked.verdict.status, reason: checked.verdict.reason });
        lastDropped = checked.dropped;
        continue;
      }
      attempts.push({ model: rung.id, status: "accepted", reason: "" });
      return { kind: "accepted", model: rung.id, answer: parsed.answer, checked, attempts, tokens, partial };
    } catch (error) {
      if (error instanceof BudgetExceededError) return { kind: "budget", reason: error.message, attempts, tokens };
      if (options.signal?.aborted) throw error;
      attempts.push({ model: rung.id, status: "error", reason: describe(error) });
    }
  }
  return { kind: "exhausted", attempts, tokens, partial, dropped: lastDropped };
}

function describe(error: unknown): string {
  if (error instanceof ModelError) return error.attempts.map((attempt) => attempt.error).join("; ") || error.message;
  return (error as Error).message ?? String(error);
}
