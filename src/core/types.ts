// Plain data shared by core, jobs and adapters. No behaviour lives here.
import type { Outcome } from "./outcomes.js";

/** One `[bot-eligible]` item of the PRD. */
export interface Gap {
  /** Short stable hash of the normalized text: moving the line keeps the id. */
  id: string;
  /** 1-based line of the item in the PRD. */
  line: number;
  /** The item's text without the tag, whitespace collapsed. */
  text: string;
  /** Heading path, outermost first (["Phase 2", "Parsing"]). */
  section: string[];
  /** A checked task item (`- [x]`) is done. */
  checked: boolean;
  kind: "list_item" | "paragraph" | "heading";
  /** The PRD lines around the item (the item itself included), for the prompt. */
  context: string;
  /** Repository paths the gap's text names (`src/foo.ts`), in order of appearance. */
  files: string[];
}

export interface ContentFile {
  path: string;
  is_new: boolean;
  content: string;
}

export interface Edit {
  old_string: string;
  new_string: string;
}

export interface EditsFile {
  path: string;
  is_new: false;
  edits: Edit[];
}

export type ProposalFile = ContentFile | EditsFile;

/** The model's answer, validated. */
export interface Proposal {
  summary: string;
  rationale: string;
  estimated_loc: number;
  files: ProposalFile[];
}

export type FileMode = "ADD" | "UPDATE" | "NOOP";

/** One file of an applied proposal: what it was, what it becomes. */
export interface PlannedFile {
  path: string;
  mode: FileMode;
  /** Content before (undefined for ADD). */
  before: string | undefined;
  /** Content after. */
  after: string;
  /** Edits (by index) whose old_string only matched ignoring whitespace differences (core/edits/match-snippet.ts). */
  tolerant_edits?: number[];
}

export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

export interface TestRun {
  command: string;
  exit_code: number | null;
  timed_out: boolean;
  duration_ms: number;
  /** The last lines of stdout+stderr interleaved (bounded). */
  output_tail: string;
  passed: boolean;
  /** What in the git dir (or the bot's state) the command changed; all of it was put back. */
  gitChanges?: string[];
  /** The sandbox it ran in. */
  sandbox?: "bubblewrap" | "none";
  /** Why it ran without the sandbox it was asked for (said once in the log by runCheck). */
  sandboxNote?: string;
}

/** The one record every cycle writes, whatever its outcome. */
export interface CycleRecord {
  cycle_id: string;
  /** prd-bot's version that wrote the record. */
  version: string;
  started_at: string;
  finished_at: string;
  outcome: Outcome;
  reason: string;
  gap: Pick<Gap, "id" | "text" | "line" | "section"> | null;
  files: { path: string; mode: FileMode }[];
  tokens: TokenUsage;
  /** The model whose answer was used (or the last tried). */
  model: string | null;
  /** context.localize: model: the files the localization call chose (pinned first), its model and tokens, or why it fell back. */
  localized?: { files: { path: string; why: string }[]; model: string | null; tokens: { prompt: number; completion: number }; fallback?: string };
  /** Model calls made in this cycle. */
  calls: number;
  attempts: number;
  test: TestRun | null;
  branch: string | null;
  commit: string | null;
  base: { branch: string | null; sha: string } | null;
  pr_url: string | null;
  dry_run: boolean;
  /** State-store path of the model transcript, when a model was called. */
  transcript: string | null;
  timings: Record<string, number>;
  summary?: string;
  /** The rendered draft-PR body of a green cycle (also when no forge opened a PR: open one by hand). */
  pr_body?: string;
}
