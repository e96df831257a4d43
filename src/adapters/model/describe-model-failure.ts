// Turns whatever a model call threw into one short line for ModelError.attempts and transcripts: what went
// wrong and, where we can tell, what to check. Keys are scrubbed because servers echo them back in 401
// bodies ("Incorrect API key provided: sk-...") and error texts end up in PR bodies and state records.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { ResolvedModel } from "../../ports/model-config.js";
import { redactSecrets } from "../../core/redact-secrets.js";

const MAX_LENGTH = 300;

/** A failure the adapter raises itself (empty answer, refusal): the text is already what a user should read. */
export class ModelAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelAnswerError";
  }
}

export function describeModelFailure(
  error: unknown,
  model: ResolvedModel,
  context: { tries: number; secrets: readonly string[] },
): string {
  // Scrub before truncating, so a cut can never leave part of a key behind.
  return oneLine(scrub(describe(error, model, context.tries), context.secrets));
}

function describe(error: unknown, model: ResolvedModel, tries: number): string {
  if (error instanceof APIUserAbortError) return "aborted";
  if (error instanceof APIConnectionTimeoutError) {
    return `timed out after ${model.timeoutMs} ms (${plural(tries, "try", "tries")}; raise timeout_seconds of provider "${model.provider}" if the model is slow)`;
  }
  if (error instanceof APIConnectionError) {
    return `cannot reach ${model.baseUrl}: ${rootCause(error)} (${plural(tries, "try", "tries")}; is the server running and base_url of provider "${model.provider}" right?)`;
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const text = error.message.replace(/^\d{3}\s*/, "") || "no error text";
    return `HTTP ${error.status}: ${text}${hint(error, model, tries)}`;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function hint(error: APIError, model: ResolvedModel, tries: number): string {
  const status = error.status as number;
  if (status === 401 || status === 403) {
    return ` (check the API key of provider "${model.provider}": its api_key_env variable ${model.apiKey ? "is set but was refused" : "is not set"})`;
  }
  if (status === 404) return ` (check the model name "${model.model}" and base_url of provider "${model.provider}")`;
  if (status === 429 || status >= 500) {
    const headers = error.headers instanceof Headers ? error.headers : new Headers();
    const ms = headers.get("retry-after-ms");
    const seconds = headers.get("retry-after");
    const retryAfter = ms ? `${ms} ms` : seconds ? (/^\d+(\.\d+)?$/.test(seconds) ? `${seconds} s` : `until ${seconds}`) : null;
    // The adapter sets x-should-retry: false when the server asks for a longer wait than it will sit out.
    if (headers.get("x-should-retry") === "false") {
      return ` (not retried: the server asked to wait ${retryAfter ?? "longer"}, more than the retry-after limit)`;
    }
    return ` (${plural(tries, "try", "tries")}${retryAfter ? `; server asked to wait ${retryAfter}` : ""})`;
  }
  return "";
}

function rootCause(error: Error): string {
  let current: unknown = error;
  let text = error.message;
  // fetch wraps the socket error twice (APIConnectionError -> TypeError "fetch failed" -> ECONNREFUSED).
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    text = typeof code === "string" ? `${code} ${current.message}` : current.message || text;
    current = current.cause;
  }
  return text;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

/** Replaces every configured key (and its first 12 characters, which servers like to echo) with [redacted]. */
export function scrub(text: string, secrets: readonly string[]): string {
  // Shorter than 8 characters is not a real key, and replacing it would mangle ordinary words.
  const keys = secrets.filter((secret) => secret.length >= 8);
  return redactSecrets(text, keys.flatMap((key) => [key, key.slice(0, 12)]), "[redacted]");
}
