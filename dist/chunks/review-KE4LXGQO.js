import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  openGitReviewSource,
  protectedForReview,
  reviewChanges,
  reviewModelsFor,
  wasReviewed
} from "./chunk-JCERY5N6.js";
import "./chunk-CHRPTEUR.js";
import "./chunk-EJQ67LX4.js";
import "./chunk-WKVJPJSK.js";
import "./chunk-JYKYN4DB.js";
import "./chunk-NAZR2PN3.js";
import {
  UsageError,
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import "./chunk-3UZFI7QD.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
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
import "./chunk-RNEIYMXO.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/cli/commands/review.ts
var REVIEW_HELP = `Usage: prd-bot review --base REF --head REF [options]

Review what HEAD changed since its merge base with BASE, file by file, against the PRD and the plan
documents (review.documents, read at the base): the most relevant sections are retrieved (BM25, fused
with embeddings when models.embed is set), the models of models.review are asked in turn until one
gives a structured answer whose citations check out, and the report is printed. Each reviewed file
appends one line to reviews.jsonl in the state directory; a file already reviewed with the same
content, documents and ladder is reused, not sent again.

Options:
  --base REF         the base (branch, tag or sha)
  --head REF         the head (default: HEAD)
  --files GLOB       only files matching GLOB (repeatable)
  --root DIR         the checkout (default: the current directory)
  --config FILE      configuration file relative to the root (default: .github/prd-bot.yml)
  --state-dir DIR    where records live (default: <git dir>/prd-bot)
  --json             print one JSON object (base, head, files, not_reviewed, tokens, report)
  -h, --help         this help

Exit codes: 0 the review ran (whatever it found); 3 no file could be reviewed; 2 bad usage or
configuration; 1 unexpected crash.`;
async function reviewCommand(argv, io) {
  const { values } = parseCommandArgs("review", argv, {
    base: { type: "string" },
    head: { type: "string" },
    files: { type: "string", multiple: true },
    root: { type: "string" },
    config: { type: "string" },
    "state-dir": { type: "string" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(REVIEW_HELP);
    return 0;
  }
  if (!values.base) throw new UsageError("--base REF is required (the branch or commit the changes are compared with)\nRun 'prd-bot review --help' for the options.");
  const local = await openLocal({ root: values.root ?? io.cwd, config: values.config, stateDir: values["state-dir"] });
  let source;
  try {
    source = await openGitReviewSource(local.root, values.base, values.head ?? "HEAD");
  } catch (error) {
    throw new UsageError(error.message);
  }
  const models = reviewModelsFor(local.config, io.env, { file: local.configFile });
  await initParsers();
  const result = await reviewChanges(
    { source, state: local.state, ladder: models.ladder, ...models.embedder ? { embedder: models.embedder } : {}, config: local.config, log: io.log, now: io.now },
    { files: values.files ?? [], protectedGlobs: protectedForReview(local.config) }
  );
  if (values.json) {
    const { files, ...rest } = result;
    io.out(JSON.stringify({ ...rest, files: files.map(({ patch: _patch, base_blob: _b, head_blob: _h, ...file }) => file) }));
  } else {
    io.out(result.report);
  }
  return result.files.some(wasReviewed) ? EXIT_OK : EXIT_CYCLE_FAILED;
}
export {
  REVIEW_HELP,
  reviewCommand
};
