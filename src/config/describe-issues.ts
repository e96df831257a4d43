// Turns zod's validation issues into problems a person can act on: the key path, what was
// expected, what was found, and a hint. Positions in the file are added by the caller, which
// knows the YAML document (see load-config.ts).
import type { z } from "zod";
import { closestKey } from "./closest-key.js";
import { allKeyPaths, knownKeysAt } from "./schema-keys.js";

/** A problem before it is placed in a file: `keyPath` is still a list, `atKey` says where to point. */
export interface IssueProblem {
  keyPath: PropertyKey[];
  /** Point at the key itself (unknown or bad key) rather than at its value. */
  atKey: boolean;
  message: string;
  hint?: string;
}

type Issue = z.core.$ZodIssue;

export function describeIssues(issues: readonly Issue[], input: unknown, root: z.ZodType): IssueProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, input, root));
}

function describeIssue(issue: Issue, input: unknown, root: z.ZodType): IssueProblem[] {
  const keyPath = [...issue.path];
  const value = redact(keyPath, valueAt(input, keyPath));
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKey(root, keyPath, key));
    case "invalid_type":
      if (value === undefined) {
        return [{ keyPath, atKey: true, message: `is required: expected ${expectedLabel(issue.expected)}` }];
      }
      return [{ keyPath, atKey: false, message: `expected ${expectedLabel(issue.expected)}, got ${describeValue(value)}`, ...typeHint(issue.expected, value) }];
    case "too_small":
    case "too_big":
      return [{ keyPath, atKey: false, message: `${boundMessage(issue)}, got ${describeValue(value)}` }];
    case "invalid_format":
      return [{ keyPath, atKey: false, message: `${formatMessage(issue)}, got ${describeValue(value)}` }];
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v));
      const near = typeof value === "string" ? closestKey(value, issue.values.map(String)) : undefined;
      return [{ keyPath, atKey: false, message: `expected one of ${options.join(", ")}, got ${describeValue(value)}`, ...(near ? { hint: `did you mean ${JSON.stringify(near)}?` } : {}) }];
    }
    case "invalid_key": {
      const why = issue.issues.map((i) => i.message).join("; ");
      return [{ keyPath, atKey: true, message: `invalid name ${JSON.stringify(String(keyPath.at(-1)))}: ${why}` }];
    }
    default:
      return [{ keyPath, atKey: false, message: issue.message }];
  }
}

function unknownKey(root: z.ZodType, parent: PropertyKey[], key: string): IssueProblem {
  const keyPath = [...parent, key];
  const siblings = knownKeysAt(root, parent);
  const near = closestKey(key, siblings);
  if (near !== undefined) return { keyPath, atKey: true, message: "unknown key", hint: `did you mean \`${near}\`?` };
  // A right key in the wrong place (`max_files:` at the top level) is named with where it belongs.
  const here = parent.join(".");
  const elsewhere = allKeyPaths(root).filter((p) => p.at(-1) === key && p.slice(0, -1).join(".") !== here);
  if (elsewhere.length > 0) {
    const places = elsewhere.map((p) => `\`${p.join(".")}\``).join(" or ");
    return { keyPath, atKey: true, message: "unknown key here", hint: `did you mean ${places}?` };
  }
  const known = siblings.length > 0 ? `known keys here: ${siblings.join(", ")}` : "remove it";
  return { keyPath, atKey: true, message: "unknown key", hint: known };
}

function expectedLabel(expected: string): string {
  const labels: Record<string, string> = {
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    object: "a mapping of keys (key: value)",
    record: "a mapping of names to settings",
    array: "a list",
  };
  return labels[expected] ?? expected;
}

function typeHint(expected: string, value: unknown): { hint?: string } {
  if ((expected === "number" || expected === "int") && typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return { hint: "write the number without quotes" };
  }
  if (expected === "int" && typeof value === "number") return { hint: "use a whole number, without a fraction" };
  if (expected === "boolean" && typeof value === "string") {
    // YAML 1.1 read yes/no/on/off as booleans; YAML 1.2, which the loader speaks, reads them as strings.
    if (/^(yes|no|on|off|y|n)$/i.test(value)) return { hint: "write true or false; yes/no/on/off are strings in YAML 1.2" };
    return { hint: "write true or false without quotes" };
  }
  if (expected === "array" && typeof value === "string") return { hint: `write a list: [${JSON.stringify(value)}]` };
  return {};
}

function boundMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const n = Number(bound);
  if (issue.origin === "string") return small && n === 1 ? "must not be empty" : `must have ${small ? "at least" : "at most"} ${n} characters`;
  if (issue.origin === "array") return `must have ${small ? "at least" : "at most"} ${n} item${n === 1 ? "" : "s"}`;
  const op = small ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
  return `must be ${op} ${n}`;
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if (issue.format === "url") return "expected a URL such as https://api.openai.com/v1";
  // Custom regex messages from the schema ("must be an environment variable name") say it best.
  if (issue.format === "regex" && !issue.message.startsWith("Invalid")) {
    if (issue.path.at(-1) === "api_key_env") return `${issue.message} (the NAME of the variable holding the key, such as OPENAI_API_KEY, never the key itself)`;
    return issue.message;
  }
  return `expected a ${issue.format}`;
}

const SECRET = Symbol("secret");

// Someone will paste the key itself where the variable's name belongs; an error message must not
// echo it into a CI log. Values under api_key_env, and strings shaped like tokens, are never shown.
function redact(keyPath: readonly PropertyKey[], value: unknown): unknown {
  if (typeof value !== "string") return value;
  const tokenLike = /^(sk-|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abp]-|AKIA)/.test(value) || (value.length >= 32 && /^[A-Za-z0-9_\-.=+/]+$/.test(value) && /\d/.test(value));
  return keyPath.at(-1) === "api_key_env" || tokenLike ? SECRET : value;
}

/** A short, safe rendering of a value for an error message. */
export function describeValue(value: unknown): string {
  if (value === SECRET) return "a value that is not shown (it may be a secret)";
  if (value === null) return "an empty value";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}
