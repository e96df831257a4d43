import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  auditModel,
  localAuditSource,
  runAuditJob
} from "./chunk-G7YIY3QH.js";
import "./chunk-67CUJNE5.js";
import "./chunk-NAZR2PN3.js";
import {
  UsageError,
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import "./chunk-3UQTJ3QH.js";
import "./chunk-2QDLELWW.js";
import {
  openLocal
} from "./chunk-VEPGM2LT.js";
import "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-CI6V2LSR.js";
import {
  EXIT_CYCLE_FAILED,
  EXIT_OK
} from "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/cli/commands/audit.ts
import { readFile } from "node:fs/promises";
var AUDIT_HELP = `Usage: prd-bot audit --base REF --head REF [options]

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
async function auditCommand(argv, io) {
  const { values } = parseCommandArgs("audit", argv, {
    base: { type: "string" },
    head: { type: "string" },
    title: { type: "string" },
    body: { type: "string" },
    root: { type: "string" },
    config: { type: "string" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(AUDIT_HELP);
    return EXIT_OK;
  }
  if (!values.base || !values.head) throw new UsageError(`--base and --head are required (e.g. prd-bot audit --base main --head my-branch)
Run 'prd-bot audit --help' for the options.`);
  const body = values.body === void 0 ? void 0 : await readBody(values.body);
  const local = await openLocal({ root: values.root ?? io.cwd, ...values.config ? { config: values.config } : {} });
  let source;
  try {
    source = await localAuditSource({ root: local.root, base: values.base, head: values.head, ...values.title !== void 0 ? { title: values.title } : {}, ...body !== void 0 ? { body } : {} });
  } catch (error) {
    if (/^no commit /.test(error.message)) throw new UsageError(error.message);
    throw error;
  }
  const { model, skipped } = auditModel(local.config, io.env, local.state, io.now, local.configFile);
  const { report } = await runAuditJob({ source, config: local.config, ...model ? { model } : {}, ...skipped ? { modelSkipped: skipped } : {}, log: io.log });
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
async function readBody(file) {
  try {
    return file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`--body ${file} cannot be read (${error.code ?? error.message})`);
  }
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
export {
  AUDIT_HELP,
  auditCommand
};
