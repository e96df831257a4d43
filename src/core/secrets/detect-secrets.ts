// The one secret detector: which lines of a text hold a credential. Used by the propose cycle's context
// filter (nothing secret enters a prompt) and the auditor's `secret` check. Findings name the kind and the
// position, never the secret text, so they can be logged and posted.
//
// Known formats (secret-rules.ts) first; then values assigned to key-like names (`*_KEY`, `*_TOKEN`,
// `password`, …) that look random (Shannon entropy, secret-values.ts). Placeholders (`xxx`, `<your-key>`,
// `changeme`, `${VAR}`, one repeated character, `example`) and files in test-fixture folders are not
// secrets. Hand-written rather than secretlint: its API is asynchronous and per-file-config, where the
// callers here need one synchronous pure function; the rules follow the same vendor formats.
import { isFixturePath } from "./secret-paths.js";
import { SECRET_RULES } from "./secret-rules.js";
import { isPlaceholder, looksRandom } from "./secret-values.js";
import { isTestLocation } from "../test-files.js";

export { secretPathReason } from "./secret-paths.js";

export interface SecretFinding {
  /** What was found: "private_key", "aws_access_key_id", "github_token", "assigned_secret", … */
  kind: string;
  /** 1-based line of the secret's first character. */
  line: number;
  /** 1-based column (UTF-16 code units) of the secret's first character. */
  column: number;
}

export interface DetectOptions {
  /** The file the text came from: files in test-fixture folders hold made-up keys and report nothing. */
  path?: string;
}

// A key-like name, then an assignment (`=`, `:`, `=>`, `:=`), then the value, quoted or not. The name is
// split into words afterwards, so "tokenizer" or "monkey" never count as "token" or "key".
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.-])["']?([A-Za-z_][A-Za-z0-9_.-]{0,80})["']?\s{0,5}(?:=>|:=|=|:)\s{0,5}(?:(["'`])([^"'`\n]{1,400}?)\2|([^\s"'`,;)}\]]{1,400}))/g;

const SECRET_WORDS = new Set(["key", "token", "secret", "password", "passwd", "pwd", "passphrase", "credential", "credentials", "apikey", "pat", "auth"]);
const PASSWORD_WORDS = new Set(["password", "passwd", "pwd", "passphrase"]);
// Words that may follow the secret word and still name the secret itself ("SECRET_KEY_BASE", "api_key_prod");
// any other last word names something about it ("key_id", "token_url", "tokenSplitRegex", "secret_name").
const QUALIFIER_WORDS = new Set(["base", "value", "val", "raw", "b64", "base64", "hex", "str", "string", "data", "prod", "production", "dev", "staging", "live", "test", "local", "main", "primary", "secondary", "old", "new", "v1", "v2"]);
// Kinds judged by a heuristic rather than a vendor format: test code is full of made-up values like these.
const HEURISTIC_KINDS = new Set(["assigned_secret", "password", "url_credentials"]);

/** Every credential in `text`, in order of position; never the secret itself. */
export function detectSecrets(text: string, options: DetectOptions = {}): SecretFinding[] {
  if (options.path !== undefined && isFixturePath(options.path)) return [];
  const inTests = options.path !== undefined && isTestLocation(options.path);
  const found: { kind: string; start: number; end: number }[] = [];
  // Values a known-format rule matched and judged a stand-in: not reported again by the assignment heuristic.
  const judged: { start: number; end: number }[] = [];
  for (const rule of SECRET_RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match !== null; match = rule.pattern.exec(text)) {
      const value = match[rule.group] ?? match[0];
      const accepted = rule.accept === undefined ? !isPlaceholder(value) : rule.accept(value, match);
      const start = match.index + match[0].indexOf(value);
      if (accepted) found.push({ kind: rule.kind, start, end: start + value.length });
      else judged.push({ start, end: start + value.length });
    }
  }
  for (const assigned of assignedSecrets(text)) {
    // A value already reported in a known format is not reported twice.
    const overlaps = (f: { start: number; end: number }): boolean => f.start < assigned.end && assigned.start < f.end;
    if (!found.some(overlaps) && !judged.some(overlaps)) found.push(assigned);
  }
  found.sort((a, b) => a.start - b.start);
  const lines = lineStarts(text);
  return found.filter((f) => !(inTests && HEURISTIC_KINDS.has(f.kind))).map(({ kind, start }) => {
    const line = lineOf(lines, start);
    return { kind, line: line + 1, column: start - lines[line]! + 1 };
  });
}

function assignedSecrets(text: string): { kind: string; start: number; end: number }[] {
  const out: { kind: string; start: number; end: number }[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match !== null; match = ASSIGNMENT.exec(text)) {
    const name = match[1]!;
    const quoted = match[3] !== undefined;
    const value = (match[3] ?? match[4] ?? "").trim();
    const words = nameWords(name);
    if (!namesSecret(words)) continue;
    // Generated secrets hold no spaces ("ssh-rsa AAAA… user" is a public key, "a b c" prose).
    if (/\s/.test(value) || isPlaceholder(value) || looksLikeCode(value, quoted)) continue;
    const start = match.index + match[0].lastIndexOf(value);
    const entry = { start, end: start + value.length };
    if (/^[0-9a-f]{40}$/.test(value) && words.includes("token")) out.push({ kind: "forge_token", ...entry });
    else if (looksRandom(value)) out.push({ kind: "assigned_secret", ...entry });
    else if (words.some((w) => PASSWORD_WORDS.has(w)) && looksLikePassword(value)) out.push({ kind: "password", ...entry });
  }
  return out;
}

function namesSecret(words: readonly string[]): boolean {
  let end = words.length - 1;
  while (end > 0 && QUALIFIER_WORDS.has(words[end]!)) end--;
  return SECRET_WORDS.has(words[end]!);
}

/** "OPENAI_API_KEY" → [openai, api, key]; "apiKey" → [api, key]; "x-auth-token" → [x, auth, token]. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

// An unquoted value that is an expression, a reference or a path is code, not a literal secret:
// `process.env.API_KEY`, `os.environ["KEY"]`, `config.token`, `getToken()`, `/run/secrets/key`.
function looksLikeCode(value: string, quoted: boolean): boolean {
  if (/^(process\.env|os\.environ|env\.|secrets\.|vars\.|inputs\.|settings\.|config\.)/i.test(value)) return true;
  if (/^\.{0,2}\/|^~\/|^[A-Za-z]:\\/.test(value)) return true;
  // A URL is judged by the url_credentials rule (its password part), not as a whole.
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value)) return true;
  if (quoted) return false;
  if (/[()[\]{}]/.test(value)) return true;
  // A dotted identifier chain (`this.options.apiKey`) or one identifier naming another variable.
  if (/^[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  // Another variable: a plain word, or a constant's name (CL100K_TOKEN_SPLIT_REGEX).
  if (/^[A-Za-z_$][A-Za-z_$]*$/.test(value) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true;
  // Bundler-renamed identifiers (`SemicolonToken$1`) carry a "$": generated tokens of these formats do not.
  return /^[A-Za-z_][\w]*\$\d*$/.test(value);
}

// A literal password: long enough, and mixing character classes the way a chosen password does.
function looksLikePassword(value: string): boolean {
  if (value.length < 8 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 3;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
