// Turns `models.propose` plus the environment into the ordered chain of models a task may call.
// Pure: the environment is passed in, never read from process.env here.
import type { ResolvedModel } from "../ports/model-config.js";
import { ConfigError } from "./config-error.js";
import type { ConfigProblem } from "./config-error.js";
import { DEFAULT_CONFIG_PATH } from "./schema.js";
import type { Config, ProviderConfig } from "./schema.js";

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_PROVIDER = "default";

/** Tasks with their own model list under `models.<task>`; an empty list falls back to `models.propose`. */
export type ModelTask = "propose" | "review" | "audit" | "patch" | "localize";

export interface ResolveOptions {
  /** The config file, for error messages. */
  file?: string;
  /** Whether that file exists (false: the defaults were used); said in the "no model" error. */
  fileFound?: boolean;
  /** How a caller overrides the model (the CLI's `--model`, the Action's `model` input). */
  override?: string;
  /** Which list of `models` to resolve (default `propose`); only `propose` falls back to PRD_BOT_MODEL. */
  task?: ModelTask;
}

/**
 * Resolves each entry of `models.propose` (or `PRD_BOT_MODEL` when the list is empty) to a model on
 * a provider, in order.
 *
 * - `name/model` where `name` is a key of `models.providers` → that provider, model `model`.
 * - Anything else → the default provider, the whole string being the model. So on OpenRouter,
 *   `meta-llama/llama-3.1-8b-instruct` (no provider called `meta-llama`) is sent as is.
 * - The default provider is `models.providers.default` when configured, else `OPENAI_BASE_URL`
 *   (default https://api.openai.com/v1) with the key in `OPENAI_API_KEY`.
 *
 * A provider's key is read from `env[api_key_env]`. A missing key is an error unless the server is
 * on this machine (localhost, 127.0.0.0/8, ::1): a local Ollama or LM Studio needs none. Empty
 * variables count as missing, because a workflow's `${{ secrets.X }}` is "" when the secret is absent.
 * All problems are reported at once; no key ever appears in a message.
 */
export function resolveModelChain(config: Config, env: Record<string, string | undefined>, options: ResolveOptions = {}): ResolvedModel[] {
  const file = options.file ?? DEFAULT_CONFIG_PATH;
  const problems: ConfigProblem[] = [];
  const task = options.task ?? "propose";
  // The review ladder falls back to the propose list (and PRD_BOT_MODEL) when it has none of its own.
  const own = config.models[task];
  // So does the apply job's patch list.
  const inherits = (task === "review" || task === "patch" || task === "localize") && own.length === 0;
  const configured = inherits ? config.models.propose : own;
  const key = inherits ? "models.propose" : `models.${task}`;
  const fromEnv = task === "propose" || task === "review" || task === "patch" || task === "localize" ? nonEmpty(env.PRD_BOT_MODEL) : undefined;
  const refs = configured.length > 0 ? configured : fromEnv ? splitModels(fromEnv) : [];
  if (refs.length === 0) {
    const places = [
      ...(task === "propose" ? [options.override ?? "--model (CLI) or the `model` input (Action)", "the environment variable PRD_BOT_MODEL (unset or empty)"] : []),
      options.fileFound === false ? `models.${task} in ${file} (no such file: the defaults were used)` : `models.${task} in ${file} (empty)`,
    ];
    throw new ConfigError(file, [
      {
        path: `models.${task}`,
        message: `no model is configured; looked at ${places.join(", ")}`,
        hint: "list one under `models: propose: [gpt-4o-mini]` in the config, pass --model / the `model` input, or set PRD_BOT_MODEL",
      },
    ]);
  }
  const where = (i: number) => (configured.length > 0 ? `${key}[${i}]` : "PRD_BOT_MODEL");

  const chain: ResolvedModel[] = [];
  refs.forEach((ref, i) => {
    const { name, provider, model } = pickProvider(ref, config, env, where(i), problems);
    if (provider === undefined) return;
    if (!isHttpUrl(provider.base_url)) {
      // zod's url() accepts `localhost:11434/v1` (scheme "localhost:"); no OpenAI-compatible server speaks it.
      problems.push({ path: `models.providers.${name}.base_url`, message: `provider \`${name}\` has a base_url that is not an http(s) URL`, hint: "write the scheme too, e.g. http://localhost:11434/v1" });
      return;
    }
    if (model === "") {
      problems.push({ path: where(i), message: `\`${ref}\` names provider \`${name}\` but no model`, hint: `write \`${name}/<model>\`` });
      return;
    }
    const apiKey = readKey(name, provider, env, where(i), problems);
    chain.push({
      id: `${name}/${model}`,
      provider: name,
      model,
      baseUrl: provider.base_url,
      apiKey,
      structuredOutput: provider.structured_output,
      timeoutMs: provider.timeout_seconds * 1000,
    });
  });
  if (problems.length > 0) throw new ConfigError(file, dedupe(problems));
  return chain;
}

/** `models.embed` resolved like a chain entry, or undefined when no embeddings model is configured. */
export function resolveEmbedModel(config: Config, env: Record<string, string | undefined>, options: Pick<ResolveOptions, "file"> = {}): ResolvedModel | undefined {
  const ref = config.models.embed;
  if (ref === undefined) return undefined;
  const problems: ConfigProblem[] = [];
  const { name, provider, model } = pickProvider(ref, config, env, "models.embed", problems);
  const apiKey = provider ? readKey(name, provider, env, "models.embed", problems) : undefined;
  if (provider === undefined || problems.length > 0) throw new ConfigError(options.file ?? DEFAULT_CONFIG_PATH, dedupe(problems));
  return { id: `${name}/${model}`, provider: name, model, baseUrl: provider.base_url, apiKey, structuredOutput: provider.structured_output, timeoutMs: provider.timeout_seconds * 1000 };
}

interface Picked {
  name: string;
  provider: ProviderConfig | undefined;
  model: string;
}

function pickProvider(ref: string, config: Config, env: Record<string, string | undefined>, path: string, problems: ConfigProblem[]): Picked {
  const providers = config.models.providers;
  const slash = ref.indexOf("/");
  if (slash > 0) {
    const name = ref.slice(0, slash);
    const named = Object.hasOwn(providers, name) ? providers[name] : undefined;
    if (named) return { name, provider: named, model: ref.slice(slash + 1) };
  }
  if (Object.hasOwn(providers, DEFAULT_PROVIDER)) return { name: DEFAULT_PROVIDER, provider: providers[DEFAULT_PROVIDER], model: ref };
  return { name: DEFAULT_PROVIDER, provider: defaultProvider(env, path, problems), model: ref };
}

function defaultProvider(env: Record<string, string | undefined>, path: string, problems: ConfigProblem[]): ProviderConfig | undefined {
  const baseUrl = nonEmpty(env.OPENAI_BASE_URL) ?? DEFAULT_BASE_URL;
  if (!isHttpUrl(baseUrl)) {
    problems.push({ path, message: "the environment variable OPENAI_BASE_URL is not an http(s) URL", hint: "set it to a base URL such as http://localhost:11434/v1, or unset it for OpenAI" });
    return undefined;
  }
  // Same defaults as a provider written in the config file (see schema.ts).
  return { base_url: baseUrl, api_key_env: "OPENAI_API_KEY", structured_output: "auto", timeout_seconds: 180 };
}

function readKey(name: string, provider: ProviderConfig, env: Record<string, string | undefined>, path: string, problems: ConfigProblem[]): string | undefined {
  const variable = provider.api_key_env;
  const key = variable === undefined ? undefined : nonEmpty(env[variable]);
  if (key !== undefined || isLoopback(provider.base_url)) return key;
  const host = hostOf(provider.base_url);
  if (variable === undefined) {
    problems.push({
      path: `models.providers.${name}.api_key_env`,
      message: `provider \`${name}\` (${host}) is not on this machine and has no api_key_env`,
      hint: "set api_key_env to the name of the environment variable holding its key (for a server that needs no key, name a variable holding any placeholder)",
    });
  } else {
    const inConfig = name === DEFAULT_PROVIDER && variable === "OPENAI_API_KEY" ? "" : ` (models.providers.${name}.api_key_env)`;
    problems.push({
      path,
      message: `the environment variable ${variable} is not set, and provider \`${name}\` (${host}) needs an API key${inConfig}`,
      hint: `set ${variable} (in Actions, pass it from a repository secret: env: ${variable}: \${{ secrets.${variable} }})`,
    });
  }
  return undefined;
}

/** Hosts on this machine, where a server without authentication is normal. */
export function isLoopback(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1" || host === "0.0.0.0";
}

function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : "an unparsable URL";
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

function splitModels(value: string): string[] {
  return value.split(",").map((m) => m.trim()).filter((m) => m !== "");
}

// Two models on the same keyless provider would report the same missing variable twice.
function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.message}|${p.hint ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
