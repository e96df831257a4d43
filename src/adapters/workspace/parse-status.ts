// Parses `git status --porcelain=v1 -z`: "XY path\0", plus "orig\0" after a rename or copy entry.
export interface StatusEntry {
  /** Two status letters: index then working tree ("??" untracked, "!!" ignored). */
  xy: string;
  path: string;
  /** The source of a rename or copy. */
  from?: string;
}

export function parseStatusZ(output: string): StatusEntry[] {
  const fields = output.split("\0");
  const entries: StatusEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    const xy = field.slice(0, 2);
    const entry: StatusEntry = { xy, path: field.slice(3) };
    // In -z form the rename source follows as its own field (git-status(1), "Porcelain Format Version 1").
    if (xy.includes("R") || xy.includes("C")) entry.from = fields[++i];
    entries.push(entry);
  }
  return entries;
}
