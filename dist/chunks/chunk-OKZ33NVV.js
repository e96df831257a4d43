import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  FALLBACK_IDENTITY,
  GitError,
  authEnv,
  execGit,
  redactUrls
} from "./chunk-ODAENZB3.js";

// src/adapters/workspace/clone-repository.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";
async function cloneRepository(remote, branch, dir, options = {}) {
  if (!branch || branch.startsWith("-") || /[\s~^:?*[\\]|\.\.|@\{/.test(branch)) {
    throw new Error(`cloneRepository: "${branch}" is not a branch name; pass the repository's default branch, e.g. main`);
  }
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0) throw new Error(`cloneRepository: depth must be a whole number >= 0 (0 = full history), got ${String(options.depth)}`);
  const target = path.resolve(dir);
  await mkdir(path.dirname(target), { recursive: true });
  const shallow = depth > 0 ? ["--depth", String(depth), "--no-tags"] : [];
  const where = `${branch} of ${redactUrls(remote.url)}`;
  try {
    await execGit(path.dirname(target), ["clone", "--quiet", "--single-branch", "--branch", branch, ...shallow, "--", remote.url, target], { env: authEnv(remote) });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const said = redactUrls(error.stderr.trim()) || error.message;
    throw new Error(`cloning ${where} into ${target} failed: ${said}${hintFor(said, branch)}`);
  }
  for (const [key, value] of [["user.name", FALLBACK_IDENTITY.name], ["user.email", FALLBACK_IDENTITY.email]]) {
    const set = await execGit(target, ["config", "--get", key], { okCodes: [1] });
    if (set.code !== 0 || set.stdout.trim() === "") await execGit(target, ["config", "--local", key, value]);
  }
}
function hintFor(said, branch) {
  if (/Remote branch .* not found/i.test(said)) return ` (the repository has no branch ${branch}: pass its default branch)`;
  if (/Authentication failed|could not read Username|403|401/i.test(said)) return " (the token was refused: check that it may read the repository's contents)";
  if (/already exists and is not an empty directory/i.test(said)) return " (clone into a new or empty folder)";
  return "";
}

export {
  cloneRepository
};
