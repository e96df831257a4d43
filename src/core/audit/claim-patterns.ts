// The claim patterns (claims.json, bundled as data) parsed once and validated, so a broken pattern fails at
// load with its id rather than matching nothing.
import { z } from "zod";
import data from "./claims.json" with { type: "json" };

const claimPattern = z
  .object({
    id: z.string().regex(/^[a-z_]+$/),
    kind: z.enum(["verification", "tests_added", "docs_only", "removes"]),
    ci_backs: z.boolean().optional(),
    blocking: z.boolean(),
    pattern: z.string().min(1),
  })
  .strict();

const claimFile = z.object({ $comment: z.string().optional(), version: z.literal(1), claims: z.array(claimPattern).min(1) }).strict();

export type ClaimPatternKind = z.infer<typeof claimPattern>["kind"];

export interface ClaimPattern {
  id: string;
  kind: ClaimPatternKind;
  ciBacks: boolean;
  blocking: boolean;
  regex: RegExp;
}

export function parseClaimPatterns(raw: unknown): ClaimPattern[] {
  const file = claimFile.parse(raw);
  return file.claims.map((claim) => {
    let regex: RegExp;
    try {
      regex = new RegExp(claim.pattern, "i");
    } catch (error) {
      throw new Error(`claim pattern ${claim.id} is not a valid regular expression: ${(error as Error).message}`);
    }
    return { id: claim.id, kind: claim.kind, ciBacks: claim.ci_backs ?? false, blocking: claim.blocking, regex };
  });
}

let cached: ClaimPattern[] | undefined;

export function claimPatterns(): ClaimPattern[] {
  cached ??= parseClaimPatterns(data);
  return cached;
}
