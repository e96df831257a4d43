import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  loadConfig
} from "./chunk-X4BENIVJ.js";
import {
  acquireLock,
  openGitWorkspace
} from "./chunk-QDSLFACM.js";
import {
  createOpenAIModelClient,
  detectWorkspaceTestCommand,
  resolveModelChain
} from "./chunk-SYDWQORK.js";
import {
  ConfigError
} from "./chunk-MNAF46MU.js";
import {
  ModelError
} from "./chunk-2IUJ6AXQ.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";

// src/wiring/local.ts
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readFile as readFile2, realpath } from "node:fs/promises";

// src/adapters/model/load-transcript.ts
var usage = external_exports.object({ prompt_tokens: external_exports.number().int().nonnegative(), completion_tokens: external_exports.number().int().nonnegative() });
var exchange = external_exports.object({
  purpose: external_exports.string().min(1),
  request: external_exports.object({
    model: external_exports.string(),
    messages: external_exports.array(external_exports.object({ role: external_exports.enum(["system", "user", "assistant"]), content: external_exports.string() })),
    max_tokens: external_exports.number().int().nonnegative(),
    json_schema: external_exports.string().optional()
  }),
  response: external_exports.object({ content: external_exports.string(), model: external_exports.string(), usage, structured: external_exports.boolean() }).nullable(),
  error: external_exports.string().optional()
}).refine((e) => e.response !== null || e.error !== void 0, {
  error: "an exchange needs a response or an error (was the recording cut short?)"
});
var transcriptSchema = external_exports.object({
  version: external_exports.literal(1, { error: "unsupported transcript version: this prd-bot reads version 1" }),
  exchanges: external_exports.array(exchange)
});
var MAX_ISSUES = 5;
function loadTranscript(json, source) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${error.message}); a transcript is the JSON file prd-bot writes for a cycle`);
  }
  const result = transcriptSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.slice(0, MAX_ISSUES).map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`);
    const more = result.error.issues.length > MAX_ISSUES ? `; and ${result.error.issues.length - MAX_ISSUES} more` : "";
    throw new Error(`${source}: not a valid prd-bot transcript: ${issues.join("; ")}${more}. Fix those fields or record the transcript again.`);
  }
  const transcript = result.data;
  return transcript;
}

// src/adapters/model/replay.ts
var ReplayError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ReplayError";
  }
};
function createReplayModelClient(transcript, options = {}) {
  const where = options.source ? ` ${options.source}` : "";
  const total = transcript.exchanges.length;
  let next = 0;
  return {
    free: true,
    models: [...new Set(transcript.exchanges.flatMap((e) => e.response?.model ?? e.request.model.split(", ")))].filter(Boolean),
    async chat(request, callOptions) {
      callOptions?.signal?.throwIfAborted();
      const number = next + 1;
      const exchange2 = transcript.exchanges[next];
      if (!exchange2) {
        throw new ReplayError(
          `replay ran out at exchange ${number} (purpose "${request.purpose}"): the transcript${where} holds ${total}; the code now makes more model calls than when it was recorded, so record it again`
        );
      }
      if (exchange2.purpose !== request.purpose) {
        throw new ReplayError(
          `replay mismatch at exchange ${number}: the code asked for purpose "${request.purpose}" but the transcript${where} recorded "${exchange2.purpose}"; record it again`
        );
      }
      next += 1;
      if (exchange2.response) return copy(exchange2.response);
      throw replayedError(exchange2, number, where);
    }
  };
}
function copy(response) {
  return { ...response, usage: { prompt_tokens: 0, completion_tokens: 0 } };
}
function replayedError(exchange2, number, where) {
  if (exchange2.error === void 0) {
    return new ReplayError(`exchange ${number} of the transcript${where} has neither a response nor an error`);
  }
  const match = /^([A-Za-z]\w*): ([\s\S]*)$/.exec(exchange2.error);
  const name = match?.[1] ?? "Error";
  const message = match?.[2] ?? exchange2.error;
  if (name === "ModelError") return new ModelError(message, [{ model: exchange2.request.model, error: message }]);
  const error = new Error(message);
  error.name = name;
  return error;
}

// src/adapters/state/directory-store.ts
import { randomBytes } from "node:crypto";
import { appendFile, mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
var LOCK_FILE = ".lock";
var EXAMPLE = 'like "cycles/<cycle-id>.json" or "events.jsonl"';
function validateStatePath(p, what = "state path") {
  const bad = (why) => new Error(`${what} "${p}" ${why}; use a relative path ${EXAMPLE}`);
  if (typeof p !== "string" || p.length === 0) throw bad("is empty");
  if (p.includes("\0")) throw bad("contains a NUL byte");
  if (p.includes("\\")) throw bad("contains a backslash");
  if (path.posix.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) throw bad("is absolute");
  for (const segment of p.split("/")) {
    if (segment === "" || segment === "." || segment === "..") throw bad(`has an empty, "." or ".." segment`);
    if (segment.startsWith(".")) throw bad(`has a segment starting with "." (reserved for the store's lock and temp files)`);
  }
  return p;
}
function errorCode(error) {
  return error?.code;
}
async function readOrUndefined(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return void 0;
    if (errorCode(error) === "EISDIR") throw new Error(`state file ${file} is a directory; remove or rename it`);
    throw error;
  }
}
function withAppends(base, lines) {
  const head = base ?? "";
  if (lines.length === 0) return head;
  const separator = head.length > 0 && !head.endsWith("\n") ? "\n" : "";
  return head + separator + lines.map((line) => `${line}
`).join("");
}
async function endsWithoutNewline(file) {
  const handle = await open(file, "r").catch((error) => {
    if (errorCode(error) === "ENOENT") return void 0;
    throw error;
  });
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 10;
  } finally {
    await handle.close();
  }
}
async function writeAtomically(file, content) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await writeFile(temp, content, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
function createDirectoryStore(dir, options = {}) {
  const root = path.resolve(dir);
  const lockOptions = { staleMs: options.staleLockMs, timeoutMs: options.lockTimeoutMs };
  const fileOf = (p) => path.join(root, ...validateStatePath(p).split("/"));
  async function commit(pending) {
    for (const [p, change] of pending) {
      const file = fileOf(p);
      if (change.content !== void 0) {
        await writeAtomically(file, withAppends(change.content, change.appends));
      } else if (change.appends.length > 0) {
        await mkdir(path.dirname(file), { recursive: true });
        const separator = await endsWithoutNewline(file) ? "\n" : "";
        await appendFile(file, separator + change.appends.map((line) => `${line}
`).join(""), "utf8");
      }
    }
  }
  return {
    description: `directory ${root}`,
    read: async (p) => readOrUndefined(fileOf(p)),
    async list(sub) {
      const prefix = sub === "" || sub === "." ? "" : validateStatePath(sub.replace(/\/+$/, ""), "state folder");
      let entries;
      try {
        entries = await readdir(prefix ? fileOf(prefix) : root, { withFileTypes: true });
      } catch (error) {
        if (errorCode(error) === "ENOENT") return [];
        throw error;
      }
      return entries.filter((entry) => entry.isFile() && !entry.name.startsWith(".")).map((entry) => prefix ? `${prefix}/${entry.name}` : entry.name).sort();
    },
    async transact(fn) {
      await mkdir(root, { recursive: true });
      const release = await acquireLock(path.join(root, LOCK_FILE), lockOptions);
      let open2 = true;
      try {
        const pending = /* @__PURE__ */ new Map();
        const change = (p) => {
          if (!open2) throw new Error(`state transaction on ${root} already finished; write only inside transact()`);
          validateStatePath(p);
          const existing = pending.get(p);
          if (existing) return existing;
          const fresh = { appends: [] };
          pending.set(p, fresh);
          return fresh;
        };
        const tx = {
          async read(p) {
            const state = pending.get(validateStatePath(p));
            if (state?.content !== void 0) return withAppends(state.content, state.appends);
            const base = await readOrUndefined(fileOf(p));
            return state && state.appends.length > 0 ? withAppends(base, state.appends) : base;
          },
          write(p, content) {
            if (typeof content !== "string") throw new Error(`state write to "${p}": content must be a string`);
            const state = change(p);
            state.content = content;
            state.appends = [];
          },
          append(p, line) {
            if (/[\r\n]/.test(line)) {
              throw new Error(`state append to "${p}": the line contains a line break; JSONL lines must be single-line (JSON.stringify without indentation)`);
            }
            change(p).appends.push(line);
          }
        };
        const result = await fn(tx);
        open2 = false;
        await commit(pending);
        return result;
      } finally {
        open2 = false;
        await release();
      }
    }
  };
}

// src/wiring/local.ts
async function openLocal(options) {
  const workspace = await openGitWorkspace(options.root);
  const root = workspace.root;
  const { config, file, found } = await loadConfig(root, options.config);
  const gitDir = await workspace.gitDir();
  const fromEnv = options.env?.PRD_BOT_STATE_DIR?.trim() || void 0;
  const stateDir = options.stateDir ? resolve(options.stateDir) : fromEnv ? resolve(fromEnv) : config.state.dir ? await confinedStateDir(root, gitDir, config.state.dir, file) : join(gitDir, "prd-bot");
  const inside = relative(root, stateDir);
  const ownPaths = inside && !inside.startsWith("..") && !isAbsolute(inside) ? [inside.split(sep).join("/")] : [];
  const testCommand = options.testCommand ?? config.test.command ?? await detectWorkspaceTestCommand(workspace);
  return { root, config, configFile: file, configFound: found, workspace, state: createDirectoryStore(stateDir), stateDir, ownPaths, testCommand };
}
async function confinedStateDir(root, gitDir, dir, file) {
  const wanted = resolve(root, dir);
  const real = await realpathOfExisting(wanted);
  const within = (base) => real === base || real.startsWith(`${base}${sep}`);
  if (!within(root) && !within(gitDir)) {
    throw new ConfigError(file, [
      {
        path: "state.dir",
        message: `${JSON.stringify(dir)} resolves to ${real}, outside the checkout and its git directory`,
        hint: "from the repository's config, state.dir must stay inside the checkout or the git dir; to keep records elsewhere pass --state-dir or set PRD_BOT_STATE_DIR"
      }
    ]);
  }
  return wanted;
}
async function realpathOfExisting(target) {
  let tail = "";
  for (let current = target; ; current = dirname(current)) {
    const real = await realpath(current).catch(() => void 0);
    if (real !== void 0) return tail === "" ? real : join(real, tail);
    if (dirname(current) === current) return target;
    tail = tail === "" ? basename(current) : join(basename(current), tail);
  }
}
async function modelFor(config, env, replay, configFile) {
  if (replay) return createReplayModelClient(await readReplaySource(replay.source, replay.state, replay.stateDir));
  const where = configFile ? { file: configFile.file, fileFound: configFile.found, override: "--model (not given)" } : {};
  return createOpenAIModelClient(resolveModelChain(config, env, where), { maxAnswerBytes: config.models.max_answer_bytes });
}
async function readReplaySource(source, state, stateDir) {
  const fromFile = await readFile2(source, "utf8").catch(() => void 0);
  if (fromFile === void 0) {
    const record = await state.read(`cycles/${source}.json`);
    if (!record) throw new Error(`--replay ${source}: no such file, and no cycle ${source} in ${state.description}`);
    return transcriptOfRecord(record, `cycle ${source}`, (path2) => state.read(path2));
  }
  const parsed = JSON.parse(fromFile);
  if (parsed.exchanges !== void 0) return loadTranscript(fromFile, source);
  const recordDir = resolve(source, "..", "..");
  return transcriptOfRecord(fromFile, source, async (path2) => {
    const besideRecord = await readFile2(join(recordDir, path2), "utf8").catch(() => void 0);
    return besideRecord ?? await readFile2(join(stateDir, path2), "utf8").catch(() => void 0);
  });
}
async function transcriptOfRecord(recordText, source, read) {
  const record = JSON.parse(recordText);
  if (!record.transcript) throw new Error(`${source}: this cycle (${record.outcome ?? "?"}) made no model call, so there is nothing to replay`);
  const text = await read(record.transcript);
  if (text === void 0) throw new Error(`${source}: its transcript ${record.transcript} was not found next to it`);
  return loadTranscript(text, record.transcript);
}

export {
  openLocal,
  modelFor
};
