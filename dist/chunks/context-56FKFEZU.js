import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  UsageError,
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import {
  applyRules,
  buildProposePrompt
} from "./chunk-BLP4DUNT.js";
import {
  findGaps,
  openGaps
} from "./chunk-KH5HBYDN.js";
import "./chunk-3UZFI7QD.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
import "./chunk-2QDLELWW.js";
import "./chunk-BYGMBUYC.js";
import {
  openLocal
} from "./chunk-VEPGM2LT.js";
import "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-CI6V2LSR.js";
import "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import {
  estimateChatTokens
} from "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/cli/commands/context.ts
var CONTEXT_HELP = `Usage: prd-bot context [options]

Print what the propose cycle would put in its prompt for a gap: each file, whole or in part (outline
and the line ranges shown), its tokens and why it was chosen, the repository map, and the prompt's
total tokens. No model is called; the symbol index is cached in the state directory like a cycle's.

Options:
  --gap ID         the gap (an id or its prefix; default: the first open gap, as a cycle picks)
  --root DIR       the checkout (default: the current directory)
  --config FILE    configuration file relative to the root (default: .github/prd-bot.yml)
  --state-dir DIR  where records and the symbol index live (default: <git dir>/prd-bot)
  --prompt         also print the whole prompt (system and user messages)
  --json           print one JSON object instead
  -h, --help       this help`;
async function contextCommand(argv, io) {
  const { values } = parseCommandArgs("context", argv, {
    gap: { type: "string" },
    root: { type: "string" },
    config: { type: "string" },
    "state-dir": { type: "string" },
    prompt: { type: "boolean" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(CONTEXT_HELP);
    return 0;
  }
  const local = await openLocal({ root: values.root ?? io.cwd, config: values.config, stateDir: values["state-dir"] });
  const { config, workspace } = local;
  const prd = await workspace.readFile(config.prd.path);
  if (prd === void 0) throw new Error(`no PRD at ${config.prd.path} in ${workspace.root} (set prd.path in the configuration)`);
  const gaps = openGaps(findGaps(prd, { tag: config.prd.tag }));
  const wanted = values.gap;
  const gap = wanted ? gaps.find((g) => g.id === wanted || g.id.startsWith(wanted)) : gaps[0];
  if (!gap) throw new UsageError(wanted ? `no open gap with id ${wanted} in ${config.prd.path} (see prd-bot gaps --open)` : `no open ${config.prd.tag} gap in ${config.prd.path}`);
  const parsers = await initParsers();
  const started = performance.now();
  const built = await buildProposePrompt(workspace, {
    gap,
    config,
    protectedGlobs: applyRules(config).protectedGlobs,
    testCommand: local.testCommand ?? "(none detected)",
    prior: [],
    state: local.state
  });
  const ms = Math.round(performance.now() - started);
  const selection = built.selection;
  const promptTokens = estimateChatTokens(built.messages);
  const files = selection.files.map((file) => ({
    path: file.path,
    shown: file.partial ? "partial" : "whole",
    ranges: file.ranges ?? [],
    lines: file.lines,
    tokens: file.tokens,
    source: file.source,
    reasons: file.reasons
  }));
  if (values.json) {
    io.out(
      JSON.stringify({
        gap: { id: gap.id, line: gap.line, text: gap.text },
        files,
        map_tokens: selection.map.tokens,
        context_tokens: selection.tokens,
        prompt_tokens: promptTokens,
        budget: config.context.max_tokens,
        terms: selection.terms,
        named: selection.named,
        skipped: selection.skipped,
        withheld: built.withheld,
        parsers: parsers.languages,
        indexed: selection.indexed,
        ms,
        ...values.prompt ? { messages: built.messages } : {}
      })
    );
    return 0;
  }
  const lines = [
    `gap ${gap.id} (${config.prd.path}:${gap.line}): ${gap.text}`,
    `context ${selection.tokens} of ${config.context.max_tokens} tokens (map ${selection.map.tokens}); whole prompt ${promptTokens} tokens; selected in ${ms} ms`,
    "",
    ...files.map((file) => {
      const shown = file.shown === "partial" ? `partial: lines ${file.ranges.map((r) => `${r.start}-${r.end}`).join(", ")} of ${file.lines}` : `whole, ${file.lines} lines`;
      return `${String(file.tokens).padStart(6)}  ${file.path}  (${shown}; ${file.source})
        ${file.reasons.join("; ") || "-"}`;
    }),
    "",
    `query terms: ${selection.terms.query.join(" ")}`,
    selection.terms.identifiers.length > 0 ? `identifiers: ${selection.terms.identifiers.join(" ")}` : "",
    selection.named.length > 0 ? `named: ${selection.named.map((n) => `${n.path} (by ${n.by})`).join(", ")}` : "",
    selection.skipped.length > 0 ? `left out: ${selection.skipped.map((s) => `${s.path} (${s.reason})`).join(", ")}` : "",
    built.withheld.length > 0 ? `withheld (secrets): ${built.withheld.map((w) => `${w.path} (${w.reason})`).join(", ")}` : "",
    `parsers: ${parsers.languages.join(", ") || "none (regex fallback)"}; symbol index: ${selection.indexed.parsed} parsed, ${selection.indexed.fallback} by fallback this run`
  ].filter((line, i, all) => line !== "" || (all[i - 1] ?? "") !== "");
  if (selection.map.text) lines.push("", "repository map:", selection.map.text);
  if (values.prompt) for (const message of built.messages) lines.push("", `=== ${message.role}`, message.content);
  io.out(lines.join("\n"));
  return 0;
}
export {
  CONTEXT_HELP,
  contextCommand
};
