// Optional model-assisted localization (context.localize: model): one budgeted call, before the proposal,
// that reads the repository's file list, map and outlines (never file text) and picks the files the change
// needs. They are pinned first in the selection. Model text is untrusted: only paths in the repository are
// kept, at most max_files. A failed call falls back to the normal selection; the record says which.
import type { Gap } from "../../core/types.js";
import { outlineOf } from "../../core/retrieval/outline.js";
import { repoMap } from "../../core/retrieval/repo-map.js";
import type { ContextSelection } from "../../core/retrieval/retrieval.js";
import type { ChatMessage, ModelClient } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";
import { askStructured } from "../shared/ask-structured.js";

export interface LocalizedFile {
  path: string;
  why: string;
}

export interface Localization {
  ok: boolean;
  files: LocalizedFile[];
  model: string | null;
  tokens: { prompt: number; completion: number };
  /** Why the normal selection was used instead (failed, over budget, unusable). */
  fallback?: string;
}

const MAX_LISTED = 600;
const MAP_TOKENS = 3000;
const WHY_CHARS = 200;

export const LOCALIZE_SCHEMA = {
  name: "localization",
  schema: {
    type: "object",
    additionalProperties: false,
    required: ["files"],
    properties: {
      files: {
        type: "array",
        items: { type: "object", additionalProperties: false, required: ["path", "why"], properties: { path: { type: "string" }, why: { type: "string" } } },
      },
    },
  },
};

/** The answer's files that exist in `paths`, deduplicated, at most `maxFiles`; an answer with no files object is an error. */
export function parseLocalization(text: string, paths: ReadonlySet<string>, maxFiles: number): { ok: true; value: LocalizedFile[] } | { ok: false; error: string } {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) return { ok: false, error: "no JSON object in the answer" };
  let data: unknown;
  try {
    data = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return { ok: false, error: 'the answer must be {"files": [{"path", "why"}]}' };
  const chosen: LocalizedFile[] = [];
  for (const entry of files) {
    if (chosen.length >= maxFiles) break;
    if (typeof entry !== "object" || entry === null) continue;
    const raw = (entry as { path?: unknown }).path;
    if (typeof raw !== "string") continue;
    const path = raw.trim().replace(/^\.\//, "");
    if (!paths.has(path) || chosen.some((file) => file.path === path)) continue;
    const why = (entry as { why?: unknown }).why;
    chosen.push({ path, why: typeof why === "string" && why.trim() ? why.trim().slice(0, WHY_CHARS) : "chosen by the localization model" });
  }
  return { ok: true, value: chosen };
}

/** The localization request: the gap, the file list, and a map with outlines of the best-ranked files. */
export function buildLocalizeMessages(
  gap: Gap,
  files: readonly { path: string; content: string }[],
  selection: ContextSelection,
  options: { prdPath: string; maxFiles: number; mayOutline?: (file: { path: string; content: string }) => boolean },
): ChatMessage[] {
  const paths = files.map((file) => file.path);
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const relevant = selection.ranking.slice(0, 12).map((entry, i) => {
    const content = byPath.get(entry.path);
    return i < 8 && content !== undefined && (options.mayOutline?.({ path: entry.path, content }) ?? true) ? { path: entry.path, outline: outlineOf(entry.path, content, { maxImports: 0 }) } : { path: entry.path };
  });
  const map = repoMap({ paths, relevant, maxTokens: MAP_TOKENS });
  const listed = paths.slice(0, MAX_LISTED);
  const system = renderTemplate("localize-system", { max_files: options.maxFiles });
  const user = renderTemplate("localize-user", {
    gap_id: gap.id,
    prd_path: options.prdPath,
    gap_line: gap.line,
    gap_section: gap.section.length > 0 ? gap.section.join(" > ") : "(top level)",
    gap_text: gap.text,
    gap_context: gap.context,
    file_count: paths.length,
    file_clipped: paths.length > listed.length ? `, the first ${listed.length} shown` : "",
    file_list: listed.join("\n") || "(none)",
    repo_map: map.text || "(none)",
    max_files: options.maxFiles,
  });
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}

/** One call (plus at most one JSON repair request) through `model`, which the caller budgets and records. */
export async function localizeFiles(
  model: ModelClient,
  messages: ChatMessage[],
  paths: ReadonlySet<string>,
  options: { maxFiles: number; maxTokens: number; temperature: number },
): Promise<Localization> {
  const answer = await askStructured(model, messages, {
    purpose: "localize",
    maxTokens: options.maxTokens,
    temperature: options.temperature,
    jsonSchema: LOCALIZE_SCHEMA,
    parse: (text) => parseLocalization(text, paths, options.maxFiles),
  });
  if (!answer.ok) {
    const what = answer.kind === "budget" ? "over budget" : answer.kind === "model" ? "the call failed" : "the answer was unusable";
    return { ok: false, files: [], model: answer.model, tokens: answer.usage, fallback: `${what}: ${answer.reason}; the normal selection was used` };
  }
  if (answer.value.length === 0) {
    return { ok: false, files: [], model: answer.model, tokens: answer.usage, fallback: "the answer named no file of the repository; the normal selection was used" };
  }
  return { ok: true, files: answer.value, model: answer.model, tokens: answer.usage };
}
