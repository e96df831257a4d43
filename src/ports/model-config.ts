// One model of a task's fallback chain, resolved from config + environment (src/config/resolve-models.ts).

export interface ResolvedModel {
  /** "provider/model", as shown in records and messages. */
  id: string;
  provider: string;
  model: string;
  baseUrl: string;
  /** Never logged, never recorded. Undefined for servers that need none (a local Ollama). */
  apiKey: string | undefined;
  structuredOutput: "auto" | "json_schema" | "none";
  timeoutMs: number;
}
