// The draft PR's title and body for a green cycle: the gap, why, what changed, how it was tested, what it cost.
import type { FileMode, Gap, TestRun, TokenUsage } from "../types.js";

export interface PrBodyInput {
  gap: Pick<Gap, "id" | "text" | "line" | "section">;
  prdPath: string;
  summary: string;
  rationale: string;
  files: { path: string; mode: FileMode }[];
  test: TestRun;
  model: string;
  tokens: TokenUsage;
  cycleId: string;
  /** Where the cycle record can be read (a URL on the state branch, or a local path). */
  recordUrl?: string;
}

export const PR_MARKER = "<!-- prd-bot:gap=";

export function renderPrTitle(summary: string, gapId: string): string {
  const title = summary.replace(/\s+/g, " ").trim() || `Close PRD gap ${gapId}`;
  return `prd-bot: ${title.length > 100 ? `${title.slice(0, 99)}…` : title}`;
}

export function renderPrBody(input: PrBodyInput): string {
  const counts = { ADD: 0, UPDATE: 0, NOOP: 0 };
  for (const file of input.files) counts[file.mode] += 1;
  const section = input.gap.section.length > 0 ? input.gap.section.join(" › ") : "(top level)";
  const fileRows = input.files.map((file) => `| \`${file.path}\` | ${file.mode} |`);
  const seconds = (input.test.duration_ms / 1000).toFixed(1);
  const record = input.recordUrl ? `[${input.cycleId}](${input.recordUrl})` : `\`${input.cycleId}\``;
  return [
    `${PR_MARKER}${input.gap.id} -->`,
    `## PRD gap \`${input.gap.id}\``,
    "",
    `> ${input.gap.text}`,
    "",
    `${input.prdPath}, line ${input.gap.line} · section: ${section}`,
    "",
    "## Rationale",
    "",
    input.rationale.trim() || input.summary,
    "",
    "## Changes",
    "",
    `ADD ${counts.ADD} · UPDATE ${counts.UPDATE} · NOOP ${counts.NOOP}`,
    "",
    "| file | mode |",
    "| --- | --- |",
    ...fileRows,
    "",
    "## Tests",
    "",
    `\`${input.test.command}\`: ${input.test.passed ? "passed" : "failed"} in ${seconds} s`,
    "",
    "## Cost",
    "",
    `model \`${input.model}\` · tokens ${input.tokens.total} (prompt ${input.tokens.prompt}, completion ${input.tokens.completion})`,
    "",
    `---`,
    `Draft opened by prd-bot, cycle ${record}. Review it like any other change; prd-bot never merges.`,
  ].join("\n");
}
