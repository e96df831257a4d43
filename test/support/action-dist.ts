// Runs the built Action (dist/index.js) as a process with a runner's environment: the event payload in a
// file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, inputs as INPUT_* variables, and no machine git
// config. Returns what a workflow would see: exit code, logs, outputs and the summary.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ACTION_ENTRY = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  event: string;
  payload: unknown;
  /** Action inputs by their action.yml names (`max-cycles`), set as INPUT_<NAME> like the runner does. */
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function runActionDist(options: ActionRunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-runner-"));
  try {
    const files = { event: path.join(dir, "event.json"), output: path.join(dir, "output"), summary: path.join(dir, "summary.md") };
    await writeFile(files.event, JSON.stringify(options.payload));
    await writeFile(files.output, "");
    await writeFile(files.summary, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_TERMINAL_PROMPT: "0",
      GITHUB_EVENT_NAME: options.event,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: dir,
      ...options.env,
    };
    // The runner's rule (see @actions/core getInput): INPUT_ + the name upper-cased, spaces as underscores.
    for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [ACTION_ENTRY], { env, cwd: dir, timeout: options.timeoutMs ?? 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
    return { ...result, outputs: parseOutputs(await readFile(files.output, "utf8")), summary: await readFile(files.summary, "utf8") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** GITHUB_OUTPUT's `name<<delimiter\nvalue\ndelimiter` blocks (what core.setOutput writes). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1] as string] = match[3] as string;
  return outputs;
}
