#!/usr/bin/env node
import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunks/chunk-2L4EODOS.js";
import {
  VERSION
} from "./chunks/chunk-ART3RKJ5.js";
import {
  NotACheckoutError
} from "./chunks/chunk-CI6V2LSR.js";
import {
  EXIT_CRASH,
  EXIT_USAGE,
  OUTCOMES,
  OUTCOME_MEANING
} from "./chunks/chunk-XKPJ2TN5.js";
import {
  ConfigError
} from "./chunks/chunk-MNAF46MU.js";
import "./chunks/chunk-4TII4YUW.js";

// src/jobs/logger.ts
function streamLogger(write) {
  return {
    info: (message) => write(`prd-bot: ${message}`),
    warn: (message) => write(`prd-bot: warning: ${message}`),
    group: async (title, fn) => {
      write(`prd-bot: \u2500\u2500 ${title}`);
      return fn();
    }
  };
}

// src/cli/io.ts
function processIo() {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}
`),
    log: streamLogger((line) => process.stderr.write(`${line}
`)),
    env: process.env,
    cwd: process.cwd(),
    now: () => /* @__PURE__ */ new Date()
  };
}

// src/cli/run-cli.ts
var COMMANDS = {
  cycle: async (argv, io) => (await import("./chunks/cycle-YRVUHKNV.js")).cycleCommand(argv, io),
  gaps: async (argv, io) => (await import("./chunks/gaps-24DMUT45.js")).gapsCommand(argv, io),
  review: async (argv, io) => (await import("./chunks/review-KE4LXGQO.js")).reviewCommand(argv, io),
  context: async (argv, io) => (await import("./chunks/context-56FKFEZU.js")).contextCommand(argv, io),
  "apply-edits": async (argv, io) => (await import("./chunks/apply-edits-JESSMRVD.js")).applyEditsCommand(argv, io),
  apply: async (argv, io) => (await import("./chunks/apply-36O3YGDJ.js")).applyCommand(argv, io),
  audit: async (argv, io) => (await import("./chunks/audit-YJGNFVVZ.js")).auditCommand(argv, io),
  stats: async (argv, io) => (await import("./chunks/stats-I7IBYYZ4.js")).statsCommand(argv, io),
  demo: async (argv, io) => (await import("./chunks/demo-SWTTV6RK.js")).demoCommand(argv, io),
  serve: async (argv, io) => (await import("./chunks/serve-23U7R5IR.js")).serveCommand(argv, io)
};
var HELP = `prd-bot ${VERSION}: turns [bot-eligible] PRD lines into small, tested draft pull requests.

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
async function main(argv, io) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "help" || command === "--help" || command === "-h") {
    io.out(HELP);
    return command === void 0 ? EXIT_USAGE : 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`prd-bot: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(", ")}.
`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof NotACheckoutError) {
      process.stderr.write(`prd-bot ${command}: ${error.message}
`);
      return EXIT_USAGE;
    }
    process.stderr.write(`prd-bot ${command}: ${error.message}
`);
    return EXIT_CRASH;
  }
}

// src/cli/main.ts
process.exitCode = await main(process.argv.slice(2), processIo());
