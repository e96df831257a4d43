// The processes of this machine as /proc shows them (Linux), read without spawning anything: pid, parent,
// process group, session, start time (so a reused pid is never mistaken for the one we saw) and state.
import { readFileSync, readdirSync } from "node:fs";

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** Clock ticks since boot (field 22 of /proc/<pid>/stat): with the pid, it names one process for good. */
  start: number;
  zombie: boolean;
}

/** One process, or undefined when it is gone (or /proc is not there). */
export function readProcess(pid: number): ProcessEntry | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Fields after "(comm)": state ppid pgrp session ... starttime is the 20th of them (proc(5)); comm may
  // contain spaces and parentheses, hence lastIndexOf.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    pid,
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    sid: Number(fields[3]),
    start: Number(fields[19]),
    zombie: fields[0] === "Z" || fields[0] === "X",
  };
}

/** Every process /proc lists; empty where there is no /proc. */
export function processTable(): ProcessEntry[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const table: ProcessEntry[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const process = readProcess(Number(entry));
    if (process) table.push(process);
  }
  return table;
}

/** Whether the process's initial environment holds `NAME=value` (readable for our own processes only). */
export function environHas(pid: number, entry: string): boolean {
  let environ: Buffer;
  try {
    environ = readFileSync(`/proc/${pid}/environ`);
  } catch {
    return false;
  }
  const needle = Buffer.from(`${entry}\0`);
  return environ.indexOf(needle) === 0 || environ.indexOf(Buffer.concat([Buffer.from("\0"), needle])) >= 0;
}

/** The pids below `roots` in the parent tree (roots included when present in the table). */
export function descendantsOf(table: ProcessEntry[], roots: Iterable<number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const process of table) {
    const list = children.get(process.ppid) ?? [];
    list.push(process.pid);
    children.set(process.ppid, list);
  }
  const present = new Set(table.map((process) => process.pid));
  const found = new Set<number>();
  const queue = [...roots].filter((pid) => present.has(pid));
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}
