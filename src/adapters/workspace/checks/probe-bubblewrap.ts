// Whether bubblewrap works on this machine with the flags a check needs: it may be missing, or refused
// (no unprivileged user namespaces, an AppArmor profile, a container without CAP_SYS_ADMIN). Asked once per
// process and flag set, by running `true` inside exactly the sandbox a check would get.
import { execFile } from "node:child_process";
import os from "node:os";
import { BWRAP, bubblewrapArgs } from "./bubblewrap-args.js";

export type BubblewrapProbe = { ok: true } | { ok: false; reason: string };

const cache = new Map<string, Promise<BubblewrapProbe>>();

export function probeBubblewrap(options: { network: boolean }): Promise<BubblewrapProbe> {
  const cacheKey = options.network ? "net" : "nonet";
  let probe = cache.get(cacheKey);
  if (!probe) {
    probe = runProbe(options.network);
    cache.set(cacheKey, probe);
  }
  return probe;
}

function runProbe(network: boolean): Promise<BubblewrapProbe> {
  const args = bubblewrapArgs({ root: os.tmpdir(), readOnly: [], network }, ["true"]);
  return new Promise((resolve) => {
    execFile(BWRAP, args, { timeout: 10_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve({ ok: true });
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)" : stderr.trim() || error.message;
      resolve({ ok: false, reason: why.split("\n")[0] ?? why });
    });
  });
}
