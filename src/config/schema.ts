// The configuration file (.github/prd-bot.yml), as one zod schema. Defaults live here and only here;
// the published JSON Schema (schema/prd-bot.schema.json) is generated from this file (npm run schema).
import { z } from "zod";
import { refusedEnvName } from "../core/refused-env-name.js";
import { AUDIT_KINDS } from "../core/audit/audit-types.js";

export const DEFAULT_CONFIG_PATH = ".github/prd-bot.yml";

export const DEFAULT_PROTECTED = [
  ".git/**",
  ".github/workflows/**",
  ".gitea/workflows/**",
  "**/*.lock",
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/pnpm-lock.yaml",
  "**/yarn.lock",
  "**/Cargo.lock",
  "**/poetry.lock",
  "**/Pipfile.lock",
  "**/go.sum",
  "**/.env*",
  "**/secrets/**",
  // Credential files (also kept out of prompts by core/secrets).
  "**/*.pem",
  "**/*.key",
  "**/id_rsa*",
  "**/credentials*",
  // Git's own behaviour and the hook managers that run code on the next git command.
  "**/.gitmodules",
  "**/.gitattributes",
  ".husky/**",
  ".githooks/**",
  ".git-hooks/**",
  ".hooks/**",
  ".lefthook/**",
  ".lefthook-local/**",
  "lefthook.{yml,yaml,json,toml}",
  ".lefthook.{yml,yaml,json,toml}",
  "lefthook-local.{yml,yaml,json,toml}",
  ".pre-commit-config.{yml,yaml}",
  ".pre-commit-hooks.{yml,yaml}",
  ".simple-git-hooks.{js,cjs,mjs,json}",
  "simple-git-hooks.{js,cjs,mjs,json}",
  ".overcommit.yml",
  ".envrc",
  "docs/ADR-*",
  "docs/DECISIONS.md",
  ".github/prd-bot.yml",
];

/** Never patched by `/scrum apply` (apply.deny): CI, docs, configuration, infrastructure and deployment. */
export const DEFAULT_APPLY_DENY = [
  ".github/**",
  ".gitea/**",
  "docs/**",
  "config/**",
  "configs/**",
  "**/*.config.{js,cjs,mjs,ts}",
  "infra/**",
  "infrastructure/**",
  "deploy/**",
  "deployment/**",
  "deployments/**",
  "ops/**",
  "k8s/**",
  "helm/**",
  "charts/**",
  "terraform/**",
  "ansible/**",
  "**/Dockerfile*",
  "**/docker-compose*",
];

/** A relative path that cannot leave the repository: no absolute form, no ".." segment. */
function insideRepository(path: string): boolean {
  const slashed = path.replace(/\\/g, "/");
  return !slashed.startsWith("/") && !/^[A-Za-z]:/.test(slashed) && !slashed.split("/").includes("..");
}

const modelRef = z
  .string()
  .min(1)
  .describe("A model, optionally prefixed by a provider name: `gpt-4o-mini` or `ollama/qwen2.5-coder:7b`.");

const provider = z
  .object({
    base_url: z.url().describe("OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1"),
    api_key_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")
      .optional()
      .describe("Name of the environment variable that holds the API key (never the key itself)."),
    structured_output: z
      .enum(["auto", "json_schema", "none"])
      .default("auto")
      .describe("`json_schema`: always ask with a JSON Schema response format; `none`: never; `auto`: ask, and stop asking after the server refuses it."),
    timeout_seconds: z.number().int().positive().default(180).describe("Per-request timeout."),
  })
  .strict();

export const configSchema = z
  .object({
    prd: z
      .object({
        path: z
          .string()
          .min(1)
          .refine(insideRepository, "must be a path inside the repository, relative to its root (no leading / or drive, no .. segment)")
          .default("docs/PRD.md")
          .describe("The PRD, relative to the repository root."),
        tag: z.string().min(1).default("[bot-eligible]").describe("The tag that marks a gap the bot may work on."),
      })
      .strict()
      .prefault({}),
    test: z
      .object({
        command: z.string().min(1).optional().describe("Shell command that runs the tests. Detected from the repository when absent."),
        timeout_seconds: z.number().int().positive().default(600),
        sandbox: z
          .enum(["auto", "bubblewrap", "none"])
          .default("auto")
          .describe(
            "Where the test command runs. `bubblewrap`: in a sandbox (read-only filesystem and git dir, writable checkout, private /tmp, own PID namespace, no network); `auto`: bubblewrap when it works on the machine, else `none`; `none`: no sandbox (environment allowlist, kill of every descendant and a git-dir snapshot still apply).",
          ),
        network: z.boolean().default(false).describe("Give the sandboxed test command network access."),
        env: z
          .array(
            z
              .string()
              .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")
              .refine((name) => refusedEnvName(name) === undefined, {
                message: "names a credential or runner variable; the test command never receives those",
              }),
          )
          .default([])
          .describe("Environment variables passed to the test command beyond the built-in allowlist (PATH, HOME, locale, toolchain homes)."),
        baseline: z
          .boolean()
          .default(true)
          .describe("Run the tests on the untouched checkout first (cached per tree); red there ends the cycle skipped_policy before any model call."),
        lock_wait_seconds: z
          .number()
          .int()
          .nonnegative()
          .default(120)
          .describe("How long a cycle waits for another one working on the same checkout before it ends skipped_policy."),
      })
      .strict()
      .prefault({}),
    budget: z
      .object({
        calls_per_day: z.number().int().nonnegative().default(20),
        tokens_per_day: z.number().int().nonnegative().default(160_000),
      })
      .strict()
      .prefault({})
      .describe("Hard daily ceiling, reset at UTC midnight. A call that would exceed it is not made."),
    policy: z
      .object({
        max_files: z.number().int().positive().default(5),
        max_changed_lines: z.number().int().positive().default(200),
        max_file_bytes: z.number().int().positive().default(200_000).describe("Largest file a proposal may write."),
        require_test: z.boolean().default(true).describe("A proposal must add or change a test file."),
        max_attempts: z.number().int().min(1).max(5).default(2).describe("Proposals per cycle: 2 means one repair round after red tests."),
        give_up_after_failures: z.number().int().positive().default(3).describe("Consecutive failed cycles on one gap before it is skipped."),
        local_deadline_seconds: z
          .number()
          .positive()
          .default(600)
          .describe("Deadline for the local work of one cycle (context, apply, commit; model calls and the test run have their own timeouts)."),
        open_pr: z.boolean().default(true).describe("Open a draft PR for a green cycle (false: push nothing, keep the local branch)."),
      })
      .strict()
      .prefault({}),
    paths: z
      .object({
        protected: z.array(z.string().min(1)).default(DEFAULT_PROTECTED).describe("Globs never written. The PRD itself is always protected."),
        extra_protected: z.array(z.string().min(1)).default([]).describe("Globs added to the defaults."),
      })
      .strict()
      .prefault({}),
    context: z
      .object({
        max_tokens: z.number().int().positive().default(12_000).describe("Token budget for repository files (and the repository map) in the prompt."),
        max_files: z.number().int().positive().default(8).describe("Most files shown, whole or in part (a covering test counts)."),
        map_share: z.number().min(0).max(0.5).default(0.08).describe("Share of max_tokens for the repository map (folders, file names, outlines); 0: no map."),
        localize: z
          .enum(["off", "model"])
          .default("off")
          .describe("model: one budgeted call (models.localize) picks up to max_files files from the map and outlines before the proposal; they are shown first. A failed call falls back to the normal selection."),
      })
      .strict()
      .prefault({}),
    audit: z
      .object({
        blocking: z
          .array(z.enum(AUDIT_KINDS))
          .default(["incomplete_rename", "protected_path", "deleted_file", "secret", "claim_contradicted", "claim_not_backed"])
          .describe("Kinds of issue that fail the prd-bot/auditor status; the others are advice. missing_tests blocks only with require_tests."),
        protected_paths_block: z
          .enum(["bot", "everyone", "nobody"])
          .default("bot")
          .describe("Whose changes to paths.protected block: prd-bot's own pull requests (default), everyone's, or nobody's."),
        require_tests: z.boolean().default(false).describe("Code changed with no test changed blocks (otherwise it is advice)."),
        ignore_authors: z
          .array(z.string().min(1))
          .default(["*[bot]"])
          .describe("Pull request authors (globs) not audited; prd-bot's own pull requests are audited anyway."),
        max_files: z.number().int().positive().default(300).describe("Files of a diff audited; the rest are named as not read."),
        max_diff_bytes: z.number().int().positive().default(2_000_000).describe("Patch bytes audited; files beyond are named as not read."),
        max_model_tokens: z.number().int().positive().default(12_000).describe("Tokens of diff shown to the model check."),
      })
      .strict()
      .prefault({}),
    apply: z
      .object({
        min_confidence: z
          .number()
          .min(0)
          .max(100)
          .default(90)
          .describe("A file's review confidence_avg, and each patch's own confidence, must reach this for `/scrum apply`."),
        min_finding_confidence: z.number().min(0).max(100).default(70).describe("A file's review confidence_min must reach this (one weak finding keeps the file out)."),
        max_files: z.number().int().positive().default(5).describe("Files patched per run, highest review confidence first."),
        max_patches: z.number().int().positive().max(10).default(2).describe("Patches kept per file (gate `count`)."),
        max_patch_lines: z.number().int().positive().default(6).describe("Lines on either side of one patch (gate `size`)."),
        deny: z
          .array(z.string().min(1))
          .default(DEFAULT_APPLY_DENY)
          .describe("Globs never patched by `/scrum apply`, on top of paths.protected (gate `protected`)."),
        check_command: z.string().min(1).optional().describe("Command that must pass after a file's patches. Default: the test command."),
        push_to_pr: z
          .boolean()
          .default(true)
          .describe("Same-repository PRs: push commits to the PR's branch. false (and always for forks): a follow-up draft PR, else suggestions."),
      })
      .strict()
      .prefault({}),
    review: z
      .object({
        documents: z
          .array(z.string().min(1))
          .optional()
          .describe("Globs of the documents a review is judged against, read at the PR's base. Default: the PRD and docs/**/*.md."),
        top_k: z.number().int().positive().max(50).default(5).describe("Document sections shown to the model per file."),
        parallel: z.number().int().positive().max(32).default(4).describe("Files reviewed at the same time."),
        max_files: z.number().int().positive().default(30).describe("Files sent to a model per run; the rest are listed as not reviewed."),
        ignore: z
          .array(z.string().min(1))
          .default(["**/vendor/**", "**/node_modules/**", "**/dist/**", "**/*.min.js", "**/*.map", "**/*.snap", "**/generated/**"])
          .describe("Vendored or generated files: never sent to a model, listed as skipped."),
        label: z
          .string()
          .min(1)
          .default("prd-bot:review")
          .describe("Adding this label to a pull request asks for a review (when whoever added it has write access), like a `/scrum` comment."),
        chunk_chars: z.number().int().min(200).default(1600).describe("Largest document chunk, in characters (sections longer than this become windows)."),
        chunk_overlap: z.number().int().nonnegative().default(200).describe("Characters shared by consecutive windows of a long section."),
        max_file_tokens: z
          .number()
          .int()
          .positive()
          .default(8000)
          .describe("A file larger than this is reviewed in parts around its changed hunks (whole enclosing definitions where possible)."),
        max_output_tokens: z.number().int().positive().default(2000),
      })
      .strict()
      .prefault({}),
    pause_file: z.string().min(1).default(".github/prd-bot.paused"),
    paused: z.boolean().default(false).describe("Stop new cycles (same effect as the pause file)."),
    state: z
      .object({
        branch: z.string().min(1).default("prd-bot/state").describe("Orphan branch holding records when running against a forge."),
        dir: z.string().min(1).optional().describe("Local directory for records (CLI); default <git dir>/prd-bot."),
      })
      .strict()
      .prefault({}),
    models: z
      .object({
        providers: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, "provider names are letters, digits, _ . -"), provider).default({}),
        propose: z.array(modelRef).default([]).describe("Ordered models for proposals; the next is tried when one errors."),
        patch: z.array(modelRef).default([]).describe("Ordered models for `/scrum apply` patches (fallback in order). Empty: models.propose."),
        review: z
          .array(modelRef)
          .default([])
          .describe("The review ladder, cheapest first: a rung that errors, times out or answers thin, unparsable or with bad citations hands over to the next. Empty: models.propose."),
        embed: modelRef
          .optional()
          .describe("An embeddings model ([provider/]model on an OpenAI-compatible /embeddings) fused with BM25 when retrieving PRD sections for a review. Unset: BM25 alone."),
        localize: z.array(modelRef).default([]).describe("Ordered models for context.localize: model (one cheap call choosing files). Empty: models.propose."),
        audit: z.array(modelRef).default([]).describe("Ordered models for the auditor's claim check; empty: the check is skipped (the deterministic checks still run)."),
        max_output_tokens: z.number().int().positive().default(6000),
        max_answer_bytes: z
          .number()
          .int()
          .positive()
          .default(1_000_000)
          .describe("Largest model answer accepted, in bytes; a longer one fails that model (the next in the chain is tried) and is never parsed or counted."),
        temperature: z.number().min(0).max(2).default(0.2),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ProviderConfig = z.infer<typeof provider>;
