import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import {
  findGaps,
  gapsSince
} from "./chunk-KH5HBYDN.js";
import {
  openGitWorkspace
} from "./chunk-ODAENZB3.js";
import {
  loadConfig
} from "./chunk-R5CBLZOG.js";
import "./chunk-CI6V2LSR.js";
import "./chunk-MNAF46MU.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/cli/commands/gaps.ts
var GAPS_HELP = `Usage: prd-bot gaps [options]

List the gaps of the PRD: list items, paragraphs and headings tagged [bot-eligible] (tags in
code are ignored). A gap's id is a hash of its text: moving the line keeps it.

Options:
  --root DIR       the checkout (default: the current directory)
  --config FILE    configuration file relative to the root (default: .github/prd-bot.yml)
  --since REV      only gaps added or changed since REV
  --open           only open gaps (unchecked)
  --json           print a JSON array of {id, line, text, section, checked}
  -h, --help       this help`;
async function gapsCommand(argv, io) {
  const { values } = parseCommandArgs("gaps", argv, {
    root: { type: "string" },
    config: { type: "string" },
    since: { type: "string" },
    open: { type: "boolean" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(GAPS_HELP);
    return 0;
  }
  const workspace = await openGitWorkspace(values.root ?? io.cwd);
  const { config } = await loadConfig(workspace.root, values.config);
  const prd = await workspace.readFile(config.prd.path);
  if (prd === void 0) throw new Error(`no PRD at ${config.prd.path} in ${workspace.root} (set prd.path in the configuration)`);
  let gaps = values.since ? gapsSince(await workspace.readFileAt(values.since, config.prd.path), prd, config.prd.tag) : findGaps(prd, { tag: config.prd.tag });
  if (values.open) gaps = gaps.filter((gap) => !gap.checked);
  const rows = gaps.map((gap) => ({ id: gap.id, line: gap.line, text: gap.text, section: gap.section.join(" > "), checked: gap.checked }));
  if (values.json) {
    io.out(JSON.stringify(rows));
  } else if (rows.length === 0) {
    io.out(`no ${config.prd.tag} gaps in ${config.prd.path}`);
  } else {
    io.out(rows.map((row) => `${row.id}  ${row.checked ? "[x]" : "[ ]"} ${config.prd.path}:${row.line}  ${row.text}${row.section ? `  (${row.section})` : ""}`).join("\n"));
  }
  return 0;
}
export {
  GAPS_HELP,
  gapsCommand
};
