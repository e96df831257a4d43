// The bubblewrap (bwrap) command line a check runs under: the whole filesystem read-only, the checkout
// writable, the git directory (and the bot's state inside the checkout) read-only again on top, a private
// /tmp, /dev and /proc of its own, its own PID namespace (so nothing it starts outlives it), no network unless
// asked for, and killed with us (--die-with-parent). Order matters: later mounts cover earlier ones.

export interface BubblewrapPlan {
  /** The checkout, writable. */
  root: string;
  /** Existing paths mounted read-only over the checkout's bind (git dir, common dir, .git file, state). */
  readOnly: string[];
  network: boolean;
}

export const BWRAP = "bwrap";

export function bubblewrapArgs(plan: BubblewrapPlan, argv: string[]): string[] {
  return [
    "--ro-bind", "/", "/",
    "--dev", "/dev",
    "--proc", "/proc",
    "--tmpfs", "/tmp",
    "--bind", plan.root, plan.root,
    ...plan.readOnly.flatMap((p) => ["--ro-bind", p, p]),
    "--unshare-pid",
    "--unshare-ipc",
    ...(plan.network ? [] : ["--unshare-net"]),
    "--die-with-parent",
    "--new-session",
    "--chdir", plan.root,
    "--",
    ...argv,
  ];
}
