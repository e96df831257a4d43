// Which changed files a review sends to a model, in which order, and what it says about the others. Nothing is
// left out silently: every changed file ends up reviewed, skipped (with why) or not reviewed (with why).
import picomatch from "picomatch";

export interface ChangedFile {
  path: string;
  status: "added" | "modified" | "removed" | "renamed";
  previousPath?: string;
  /** Unified diff hunks; undefined for binary files (and files too large for the forge to diff). */
  patch?: string;
  additions: number;
  deletions: number;
  binary: boolean;
}

export interface FilePlan {
  /** Files to review, highest priority first (most changed lines; tests last). */
  review: ChangedFile[];
  /** Never sent to a model: binary, deleted, ignored, protected, or not asked for. */
  skipped: { path: string; reason: string }[];
  /** Would have been reviewed, but the run's limit was reached. */
  notReviewed: { path: string; reason: string }[];
}

export interface PlanOptions {
  /** `review.ignore`: vendored and generated files. */
  ignore: readonly string[];
  /** Protected paths (secrets, lock files…): never shown to a model. */
  protectedGlobs: readonly string[];
  /** `--files` / `/scrum files`: only these (globs); empty: all. */
  only?: readonly string[];
  maxFiles: number;
}

const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|testdata|fixtures)\/|[._-](test|spec)s?\.[^/]+$|_test\.go$|(^|\/)test_[^/]+\.py$/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

export function planFiles(files: readonly ChangedFile[], options: PlanOptions): FilePlan {
  const ignored = picomatch([...options.ignore], { dot: true });
  const isProtected = picomatch([...options.protectedGlobs], { dot: true });
  const wanted = options.only && options.only.length > 0 ? picomatch([...options.only], { dot: true }) : () => true;
  const skipped: FilePlan["skipped"] = [];
  const candidates: ChangedFile[] = [];
  for (const file of files) {
    const reason = !wanted(file.path)
      ? "not among the files asked for"
      : file.status === "removed"
        ? "deleted"
        : file.binary
          ? "binary"
          : isProtected(file.path)
            ? "protected path (never shown to a model)"
            : ignored(file.path)
              ? "vendored or generated (review.ignore)"
              : file.patch === undefined || file.patch === ""
                ? "no textual change (renamed or mode change only)"
                : undefined;
    if (reason) skipped.push({ path: file.path, reason });
    else candidates.push(file);
  }
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(isTestPath(a.path)) - Number(isTestPath(b.path)) ||
      b.additions + b.deletions - (a.additions + a.deletions) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const review = ordered.slice(0, options.maxFiles);
  const notReviewed = ordered.slice(options.maxFiles).map((file) => ({ path: file.path, reason: `review.max_files (${options.maxFiles}) reached` }));
  return { review, skipped, notReviewed };
}
