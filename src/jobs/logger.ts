// The jobs' only way to talk to a person: lines on a log (stderr for the CLI, the runner's log for the Action).

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Run `fn` inside a collapsible group where the output supports it. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  group: (_title, fn) => fn(),
};

export function streamLogger(write: (line: string) => void): Logger {
  return {
    info: (message) => write(`prd-bot: ${message}`),
    warn: (message) => write(`prd-bot: warning: ${message}`),
    group: async (title, fn) => {
      write(`prd-bot: ── ${title}`);
      return fn();
    },
  };
}
