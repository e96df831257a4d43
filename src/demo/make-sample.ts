// Creates the demo's throwaway repository and its recorded transcript on disk.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execa } from "execa";
import type { Transcript } from "../ports/model.js";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "./sample-repo.js";

export interface Sample {
  root: string;
  transcriptFile: string;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: "prd-bot demo",
  GIT_AUTHOR_EMAIL: "demo@prd-bot.invalid",
  GIT_COMMITTER_NAME: "prd-bot demo",
  GIT_COMMITTER_EMAIL: "demo@prd-bot.invalid",
};

export async function makeSample(parent = tmpdir()): Promise<Sample> {
  const base = await mkdtemp(join(parent, "prd-bot-demo-"));
  const root = join(base, "slug-kit");
  for (const [path, content] of Object.entries(SAMPLE_FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  const git = (...args: string[]) => execa("git", args, { cwd: root, env: IDENTITY });
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "-m", "slug-kit: first version with a PRD");
  const transcriptFile = join(base, "transcript.json");
  await writeFile(transcriptFile, JSON.stringify(sampleTranscript(), null, 2) + "\n");
  return { root, transcriptFile };
}

function sampleTranscript(): Transcript {
  const content = JSON.stringify(SAMPLE_PROPOSAL, null, 2);
  return {
    version: 1,
    exchanges: [
      {
        purpose: "propose",
        request: { model: "replay/demo", messages: [{ role: "user", content: "(recorded request of the demo cycle)" }], max_tokens: 6000, json_schema: "proposal" },
        response: { content, model: "replay/demo", usage: { prompt_tokens: 1480, completion_tokens: 412 }, structured: true },
      },
    ],
  };
}
