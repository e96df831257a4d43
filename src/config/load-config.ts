// Reads .github/prd-bot.yml into a typed Config. parseConfig is pure (text in, config out) so the
// Action, the app (which reads the file through the forge API) and the CLI share one parser;
// loadConfig adds the disk read for a local checkout.
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node, YAMLError } from "yaml";
import { ConfigError, formatKeyPath } from "./config-error.js";
import type { ConfigProblem } from "./config-error.js";
import { describeIssues } from "./describe-issues.js";
import type { IssueProblem } from "./describe-issues.js";
import { configSchema, DEFAULT_CONFIG_PATH } from "./schema.js";
import type { Config } from "./schema.js";
import { childSchema, mayBeOmitted } from "./schema-keys.js";

export interface LoadedConfig {
  config: Config;
  /** The file as it was named (relative to the root unless given absolute). */
  file: string;
  /** False when the file does not exist: the config is then all defaults. */
  found: boolean;
}

/**
 * Parses the YAML text of a config file. `undefined`, empty or comment-only text gives all defaults.
 * Throws ConfigError listing every problem, each with the key path and line:column in `file`.
 */
export function parseConfig(text: string | undefined, file: string): Config {
  if (text === undefined || text.trim() === "") return configSchema.parse({});
  const lineCounter = new LineCounter();
  // A UTF-8 byte-order mark from a Windows editor is not content.
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(file, doc.errors.map(syntaxProblem));

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return configSchema.parse({});
  if (!isMap(contents)) {
    const got = isSeq(contents) ? "a list" : isScalar(contents) ? `the value ${JSON.stringify(String(contents.value)).slice(0, 40)}` : "something else";
    const at = position(lineCounter, contents);
    throw new ConfigError(file, [
      { path: "", ...at, message: `the top level must be a mapping of keys such as \`prd:\` and \`policy:\`, got ${got}`, hint: "see schema/prd-bot.schema.json for the keys" },
    ]);
  }

  const raw = dropEmptyValues(doc.toJS({ maxAliasCount: 100 }), configSchema);
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues, raw, configSchema).map((p) => placeProblem(p, doc, lineCounter));
  problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  throw new ConfigError(file, problems);
}

/** Reads `file` under `root`. A missing file is not an error: every key has a default. */
export async function loadConfig(root: string, file: string = DEFAULT_CONFIG_PATH): Promise<LoadedConfig> {
  const path = isAbsolute(file) ? file : resolve(root, file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { config: parseConfig(undefined, file), file, found: false };
    const why = code === "EISDIR" ? "it is a directory, not a file" : `it cannot be read (${code ?? String(error)})`;
    throw new ConfigError(file, [{ path: "", message: why, hint: "point --config at a YAML file, or remove it to use the defaults" }]);
  }
  return { config: parseConfig(text, file), file, found: true };
}

// In YAML, `policy:` with every child commented out is null, and `command:` with nothing after it is
// null too. Both mean "not set" to whoever wrote them, so a null under a key that has a default or is
// optional is dropped instead of being reported as a wrong type.
function dropEmptyValues(value: unknown, schema: Parameters<typeof childSchema>[0]): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childType = childSchema(schema, key);
    if (child === null && childType !== undefined && mayBeOmitted(childType)) continue;
    out[key] = childType === undefined ? child : dropEmptyValues(child, childType);
  }
  return out;
}

function syntaxProblem(error: YAMLError): ConfigProblem {
  // yaml's message repeats the position and quotes the source; the position is kept as fields and the
  // source is left out, so a secret pasted on a broken line is not echoed into a CI log.
  const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const at = error.linePos?.[0];
  return {
    path: "",
    ...(at ? { line: at.line, column: at.col } : {}),
    message: `YAML syntax error: ${message}`,
    ...(SYNTAX_HINTS[error.code] ? { hint: SYNTAX_HINTS[error.code] } : {}),
  };
}

const SYNTAX_HINTS: Partial<Record<YAMLError["code"], string>> = {
  TAB_AS_INDENT: "indent with spaces; YAML does not allow tabs",
  DUPLICATE_KEY: "each key may appear once in a mapping; keep one of them",
  MULTIPLE_DOCS: "the config is one YAML document; remove the `---` line",
  BLOCK_AS_IMPLICIT_KEY: "a value containing `: ` must be quoted, and a nested key must be indented under its parent",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; check the indentation of the line before",
  MISSING_CHAR: "a quote or bracket is not closed",
  BAD_INDENT: "check the indentation, and that brackets are closed",
};

function placeProblem(problem: IssueProblem, doc: Document, lineCounter: LineCounter): ConfigProblem {
  const node = locate(doc, problem.keyPath, problem.atKey);
  const out: ConfigProblem = { path: formatKeyPath(problem.keyPath), ...position(lineCounter, node), message: problem.message };
  if (problem.hint !== undefined) out.hint = problem.hint;
  return out;
}

/** The deepest node on the key path: the key itself when `atKey`, else its value. */
function locate(doc: Document, path: readonly PropertyKey[], atKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNodeLike(node) ? node : undefined;
  let parentKey: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(path[i]));
      // A required key that is missing: point at the key of the mapping that lacks it (`gpu:`).
      if (!pair) return last ? (parentKey ?? found) : found;
      if (last && atKey && isNodeLike(pair.key)) return pair.key;
      parentKey = isNodeLike(pair.key) ? pair.key : undefined;
      node = pair.value;
      // `key:` with no value has no node of its own; point at the key.
      found = isNodeLike(node) ? node : isNodeLike(pair.key) ? pair.key : found;
    } else if (isSeq(node) && typeof path[i] === "number") {
      node = node.items[path[i] as number];
      if (!isNodeLike(node)) return found;
      found = node;
    } else {
      return found;
    }
  }
  return found;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function position(lineCounter: LineCounter, node: Node | undefined): { line?: number; column?: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return {};
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
