// Prompts are data: the templates are the .md files beside this one, bundled as text.
// Variables are {{name}}; rendering fails loudly on a missing variable or an unused one, so a template
// and its caller cannot drift apart silently.
import applyPatchSystem from "./apply-patch-system.md";
import applyPatchUser from "./apply-patch-user.md";
import auditClaimsSystem from "./audit-claims-system.md";
import auditClaimsUser from "./audit-claims-user.md";
import auditJudgeSystem from "./audit-judge-system.md";
import auditJudgeUser from "./audit-judge-user.md";
import localizeSystem from "./localize-system.md";
import localizeUser from "./localize-user.md";
import proposeSystem from "./propose-system.md";
import proposeUser from "./propose-user.md";
import repairJson from "./repair-json.md";
import repairTests from "./repair-tests.md";
import reviewLearning from "./review-learning.md";
import reviewRepair from "./review-repair.md";
import reviewSystem from "./review-system.md";
import reviewUser from "./review-user.md";

export const TEMPLATES = {
  "apply-patch-system": applyPatchSystem,
  "apply-patch-user": applyPatchUser,
  "audit-claims-system": auditClaimsSystem,
  "audit-claims-user": auditClaimsUser,
  "audit-judge-system": auditJudgeSystem,
  "audit-judge-user": auditJudgeUser,
  "localize-system": localizeSystem,
  "localize-user": localizeUser,
  "propose-system": proposeSystem,
  "propose-user": proposeUser,
  "repair-json": repairJson,
  "repair-tests": repairTests,
  "review-system": reviewSystem,
  "review-user": reviewUser,
  "review-learning": reviewLearning,
  "review-repair": reviewRepair,
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** Bumped whenever a template changes meaning; recorded with transcripts. */
export const PROMPT_VERSION = 1;

export function renderTemplate(name: TemplateName, vars: Record<string, string | number>): string {
  const template = TEMPLATES[name];
  const used = new Set<string>();
  const text = template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`prompt template ${name}: no value for {{${key}}}`);
    used.add(key);
    return String(value);
  });
  const unused = Object.keys(vars).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`prompt template ${name}: unused variables ${unused.join(", ")}`);
  return text.trimEnd();
}
