// `prd-bot audit`: the auditor on a local base...head range, reading git objects only (nothing is checked
// out or run). Exit 0 when nothing blocks, 3 when something does, 2 for bad usage.
import { readFile } from "node:fs/promises";
import { EXIT_CYCLE_FAILED, EXIT_OK } from "../../core/outcomes.js";
import { runAuditJob } from "../../jobs/audit/index.js";
import { auditModel, localAuditSource } from "../../wiring/audit-wiring.js";
import { openLocal } from "../../wiring/local.js";
import { parseCommandArgs, UsageError } from "../args.js";
import type { CliIo } from "../io.js";

export const AUDIT_HELP = `Usage: prd-bot audit --base REF --head REF [options]

Audit the change from the merge base of REF and HEAD-REF to HEAD-REF, as a pull request would be:
incomplete renames, protected paths, secrets, missing tests, and claims of the text (title, body and
the commits' messages) that the diff contradicts or does not back. With models.audit configured, a
model also judges each claim. Reads git objects only: nothing is checked out or run.

Options:
  --base REF       the branch or commit the change goes into (required)
  --head REF       the branch or commit with the change (required)
  --title TEXT     the pull request's title
  --body FILE      a file holding the pull request's body ("-" for stdin)
  --root DIR       the repository (default: the current directory)
  --config FILE    configuration file relative to the root (default: .github/prd-bot.yml)
  --json           print one JSON object {state, summary, issues, skipped, model}
  -h, --help       this help

Exit status: 0 nothing blocks, 3 blocking issues, 2 bad usage, 1 anything else.`;

export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("audit", argv, {
    base: { type: "string" },
    head: { type: "string" },
    title: { type: "string" },
    body: { type: "string" },
    root: { type: "string" },
    config: { type: "string" },
    json: { type: "boolean" },
  });
  if (values.help) {
    io.out(AUDIT_HELP);
    return EXIT_OK;
  }
  if (!values.base || !values.head) throw new UsageError(`--base and --head are required (e.g. prd-bot audit --base main --head my-branch)\nRun 'prd-bot audit --help' for the options.`);
  const body = values.body === undefined ? undefined : await readBody(values.body);
  const local = await openLocal({ root: values.root ?? io.cwd, ...(values.config ? { config: values.config } : {}) });
  let source;
  try {
    source = await localAuditSource({ root: local.root, base: values.base, head: values.head, ...(values.title !== undefined ? { title: values.title } : {}), ...(body !== undefined ? { body } : {}) });
  } catch (error) {
    if (/^no commit /.test((error as Error).message)) throw new UsageError((error as Error).message);
    throw error;
  }
  const { model, skipped } = auditModel(local.config, io.env, local.state, io.now, local.configFile);
  const { report } = await runAuditJob({ source, config: local.config, ...(model ? { model } : {}), ...(skipped ? { modelSkipped: skipped } : {}), log: io.log });
  if (values.json) {
    io.out(JSON.stringify({ state: report.state, summary: report.summary, issues: report.issues.map((i) => ({ kind: i.kind, blocking: i.blocking, message: i.message, path: i.path ?? null, line: i.line ?? null })), skipped: report.skipped, model: report.model }));
  } else {
    const lines = [`${report.state === "success" ? "ok" : "FAIL"}: ${report.summary}`];
    for (const issue of report.issues) lines.push(`  ${issue.blocking ? "block " : "advice"} ${issue.kind}${issue.path ? ` ${issue.path}${issue.line ? `:${issue.line}` : ""}` : ""}: ${issue.message}`);
    for (const skip of report.skipped) lines.push(`  not read: ${skip.what} (${skip.reason})`);
    lines.push(`  model check: ${report.model.status}: ${report.model.detail}`);
    io.out(lines.join("\n"));
  }
  return report.state === "success" ? EXIT_OK : EXIT_CYCLE_FAILED;
}

async function readBody(file: string): Promise<string> {
  try {
    return file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`--body ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
