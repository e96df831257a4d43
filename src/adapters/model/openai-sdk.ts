// The one way prd-bot builds the official SDK's client for an OpenAI-compatible server (chat and embeddings).
import OpenAI from "openai";
import type { ResolvedModel } from "../../ports/model-config.js";

/** Sent when a provider needs no key: the SDK insists on one, and local servers ignore it. */
const NO_KEY = "not-needed";

export function openAISdk(model: ResolvedModel, options: { maxRetries: number; fetch?: typeof globalThis.fetch | undefined }): OpenAI {
  return new OpenAI({
    baseURL: model.baseUrl,
    apiKey: model.apiKey ?? NO_KEY,
    // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_ADMIN_KEY from the
    // environment and would send OpenAI's headers to every other provider too.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: Math.max(1, Math.round(model.timeoutMs)),
    maxRetries: options.maxRetries,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // We report failures ourselves (scrubbed); the SDK's own logging could print request details.
    logLevel: "off",
  });
}
