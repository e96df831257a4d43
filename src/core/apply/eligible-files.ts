// Which reviewed files `/scrum apply` may patch: the latest review record per file for the current head,
// tier not block/simulation, confidence_avg ≥ apply.min_confidence and confidence_min ≥
// apply.min_finding_confidence, at least one finding, not denied or protected; the top apply.max_files by
// confidence. Every file left out says why (the report lists it).
import picomatch from "picomatch";
import type { ReviewRecord } from "../review/review-record.js";

export interface EligibilityRules {
  minConfidence: number;
  minFindingConfidence: number;
  maxFiles: number;
  deny: readonly string[];
  protectedGlobs: readonly string[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export function eligibleFiles(latest: Iterable<ReviewRecord>, rules: EligibilityRules): { eligible: ReviewRecord[]; skipped: SkippedFile[] } {
  const refusal = pathRefusal(rules);
  const passing: ReviewRecord[] = [];
  const skipped: SkippedFile[] = [];
  for (const record of latest) {
    const why = whyNot(record, rules) ?? refusal(record.path);
    if (why) skipped.push({ path: record.path, reason: why });
    else passing.push(record);
  }
  passing.sort((a, b) => b.confidence_avg - a.confidence_avg || b.confidence_min - a.confidence_min || a.path.localeCompare(b.path));
  for (const record of passing.slice(rules.maxFiles)) skipped.push({ path: record.path, reason: `beyond the top ${rules.maxFiles} files (apply.max_files)` });
  return { eligible: passing.slice(0, rules.maxFiles), skipped };
}

function whyNot(record: ReviewRecord, rules: EligibilityRules): string | undefined {
  if (record.tier === "block" || record.tier === "simulation") return `review tier ${record.tier}`;
  if (record.findings.length === 0) return "the review has no findings";
  if (record.confidence_avg < rules.minConfidence) return `review confidence_avg ${record.confidence_avg} < ${rules.minConfidence} (apply.min_confidence)`;
  if (record.confidence_min < rules.minFindingConfidence) {
    return `review confidence_min ${record.confidence_min} < ${rules.minFindingConfidence} (apply.min_finding_confidence)`;
  }
  return undefined;
}

/** Why a path may not be patched: denied (apply.deny) or protected (paths.protected and the PRD). */
export function pathRefusal(rules: Pick<EligibilityRules, "deny" | "protectedGlobs">): (path: string) => string | undefined {
  const denied = rules.deny.map((glob) => ({ glob, test: picomatch(glob, { dot: true }) }));
  const protectedGlobs = rules.protectedGlobs.map((glob) => ({ glob, test: picomatch(glob, { dot: true }) }));
  return (path) => {
    const deny = denied.find((entry) => entry.test(path));
    if (deny) return `denied by apply.deny (${deny.glob})`;
    const guard = protectedGlobs.find((entry) => entry.test(path));
    if (guard) return `protected path (${guard.glob})`;
    return undefined;
  };
}
