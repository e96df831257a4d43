// The Action's inputs (action.yml), read once at the edge. @actions/core's getInput returns "" for an input
// that was not given, and a workflow's `${{ inputs.x }}` is "" when the dispatch left it empty, so "" means
// "not set" here and nowhere else. Each error names the input and shows a value that would work.
import { ACTION_COMMANDS, type ActionCommand } from "../core/events/route-event.js";
import { parseFileGlobs } from "../core/events/scrum-command.js";

export interface ActionInputs {
  command?: ActionCommand;
  /** Secret: never logged. */
  token?: string;
  config?: string;
  model?: string;
  gap?: string;
  pr?: number;
  /** Review only the changed files matching these globs (input `files`, space-separated). */
  files?: string[];
  /** Left as text: applyOverrides validates them with the config schema's own words. */
  callsPerDay?: string;
  tokensPerDay?: string;
  maxCycles: number;
  dryRun: boolean;
}

export const DEFAULT_MAX_CYCLES = 3;

export class ActionInputError extends Error {
  readonly input: string;
  constructor(input: string, message: string) {
    super(`input \`${input}\`: ${message}`);
    this.name = "ActionInputError";
    this.input = input;
  }
}

export function readActionInputs(getInput: (name: string) => string): ActionInputs {
  const text = (name: string): string | undefined => {
    const value = getInput(name).trim();
    return value === "" ? undefined : value;
  };
  const command = text("command");
  if (command !== undefined && !(ACTION_COMMANDS as readonly string[]).includes(command.toLowerCase())) {
    throw new ActionInputError("command", `"${command}" is not a command; use one of ${ACTION_COMMANDS.join(", ")}, or leave it empty to choose from the event`);
  }
  return {
    command: command?.toLowerCase() as ActionCommand | undefined,
    token: text("token"),
    config: text("config"),
    model: text("model"),
    gap: text("gap"),
    pr: wholeNumber("pr", text("pr"), 1),
    files: globs("files", text("files")),
    callsPerDay: text("calls-per-day"),
    tokensPerDay: text("tokens-per-day"),
    maxCycles: wholeNumber("max-cycles", text("max-cycles"), 1) ?? DEFAULT_MAX_CYCLES,
    dryRun: yamlBoolean("dry-run", text("dry-run")) ?? false,
  };
}

function wholeNumber(input: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    throw new ActionInputError(input, `expected a whole number of at least ${min}, got "${value}" (e.g. \`${input}: ${Math.max(min, 3)}\`)`);
  }
  return number;
}

function globs(input: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parsed = parseFileGlobs(value);
  if (!parsed.ok) throw new ActionInputError(input, `${parsed.problem.replace(/`\/scrum files`/g, "it")} (e.g. \`${input}: src/**/*.ts docs/*.md\`)`);
  return parsed.globs;
}

// The same spellings as core.getBooleanInput (YAML 1.2 core schema), which would throw without the input's name.
const TRUE = new Set(["true", "True", "TRUE"]);
const FALSE = new Set(["false", "False", "FALSE"]);

function yamlBoolean(input: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new ActionInputError(input, `expected true or false, got "${value}"`);
}
