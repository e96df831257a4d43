// A suggested replacement for lines of a pull request. On GitHub a ```suggestion block in a review comment
// becomes a "Commit suggestion" button that replaces exactly the lines the comment spans; Gitea has no such
// thing, so there (and wherever the comment cannot span the lines) the code is shown as a plain block.
// The fence is longer than any backtick run in the code, so model-written code can never close it early.

export interface SuggestionOptions {
  /** A committable ```suggestion block (GitHub, comment spanning exactly the replaced lines). */
  committable: boolean;
  /** Language for the plain block's highlighting, e.g. from the file's extension. */
  language?: string;
}

export function renderSuggestion(code: string, options: SuggestionOptions): string {
  // The replacement lines without the final line break (the block's own closing line ends them).
  const body = code.replace(/\r\n/g, "\n").replace(/\n$/, "");
  const fence = fenceFor(body);
  if (options.committable) return `${fence}suggestion\n${body}${body === "" ? "" : "\n"}${fence}`;
  const info = options.language && /^[\w+#.-]+$/.test(options.language) ? options.language : "";
  if (body === "") return "Suggested change: delete these lines.";
  return `Suggested change:\n\n${fence}${info}\n${body}\n${fence}`;
}

/** Three backticks, or one more than the longest run of backticks in `text`. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return "`".repeat(Math.max(3, longest + 1));
}

const LANGUAGES: Record<string, string> = {
  ts: "ts", tsx: "tsx", js: "js", jsx: "jsx", mjs: "js", cjs: "js", py: "python", rs: "rust", go: "go", java: "java",
  kt: "kotlin", rb: "ruby", php: "php", cs: "csharp", c: "c", h: "c", cpp: "cpp", hpp: "cpp", swift: "swift",
  sh: "bash", yml: "yaml", yaml: "yaml", json: "json", md: "markdown", sql: "sql", css: "css", html: "html", toml: "toml",
};

/** A highlighting language for `path`, when its extension names a common one. */
export function languageOf(path: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? LANGUAGES[ext] : undefined;
}
