// The `prd-bot` command: translate argv into one job call, its result into stdout and an exit code.
import { ConfigError } from "../config/config-error.js";
import { EXIT_CRASH, EXIT_USAGE, OUTCOMES, OUTCOME_MEANING } from "../core/outcomes.js";
import { VERSION } from "../version.js";
import { NotACheckoutError } from "../ports/workspace.js";
import { UsageError } from "./args.js";
import type { CliIo } from "./io.js";

// Each command loads only what it needs (esbuild splits the chunks): `gaps` does not pay for the model
// client, `--help` for nothing at all, and nothing but `serve` for Probot.
const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  cycle: async (argv, io) => (await import("./commands/cycle.js")).cycleCommand(argv, io),
  gaps: async (argv, io) => (await import("./commands/gaps.js")).gapsCommand(argv, io),
  review: async (argv, io) => (await import("./commands/review.js")).reviewCommand(argv, io),
  context: async (argv, io) => (await import("./commands/context.js")).contextCommand(argv, io),
  "apply-edits": async (argv, io) => (await import("./commands/apply-edits.js")).applyEditsCommand(argv, io),
  apply: async (argv, io) => (await import("./commands/apply.js")).applyCommand(argv, io),
  audit: async (argv, io) => (await import("./commands/audit.js")).auditCommand(argv, io),
  stats: async (argv, io) => (await import("./commands/stats.js")).statsCommand(argv, io),
  demo: async (argv, io) => (await import("./commands/demo.js")).demoCommand(argv, io),
  serve: async (argv, io) => (await import("./commands/serve.js")).serveCommand(argv, io),
};

const HELP = `prd-bot ${VERSION}: turns [bot-eligible] PRD lines into small, tested draft pull requests.

Usage: prd-bot <command> [options]

Commands:
  cycle         run one propose cycle on the checkout
  gaps          list the PRD's [bot-eligible] gaps
  review        review a base..head range against the PRD (line findings with checked citations)
  context       what a cycle would send for a gap: files whole or in part, tokens, why (no model call)
  apply-edits   apply a proposal file through the guardrails (no model, no tests)
  apply         patches from high-confidence review records, checked; dry run unless --commit
  audit         audit a base...head range like a pull request (renames, secrets, claims; exit 3 on blockers)
  stats         outcomes, PR share, per-gap history and tokens, from the records
  demo          a full cycle on a throwaway sample repository, with a replayed model
  serve         run the webhook app (GitHub App via Probot, and a Gitea receiver)

Run 'prd-bot <command> --help' for a command's options.

Cycle outcomes:
${OUTCOMES.map((outcome) => `  ${outcome.padEnd(21)} ${OUTCOME_MEANING[outcome]}`).join("\n")}`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.out(HELP);
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`prd-bot: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(", ")}.\n`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof NotACheckoutError) {
      process.stderr.write(`prd-bot ${command}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`prd-bot ${command}: ${(error as Error).message}\n`);
    return EXIT_CRASH;
  }
}
