// Generated inputs for bench/gaps-and-context.ts: PRDs that look like real ones (sections, prose, task
// lists, nested items, code blocks with `#` comments, tables, quotes) and repositories of source-like files.
// Deterministic (seeded), so runs compare. The leading underscore keeps bench/run.ts from running this file.

export function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // mulberry32: small, fast, good enough for test data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = (
  "the system should allow users to export reports with filters and sorting while keeping latency low " +
  "under load an operator can configure retention limits per tenant and review audit events in the dashboard " +
  "each request is validated before it reaches storage and errors are reported with a clear message " +
  "billing invoices are generated monthly and sent by email with a summary of usage and discounts"
).split(" ");

const DOMAIN = (
  "invoice payment refund ledger account tenant session token cache queue worker scheduler report export " +
  "import csv parser renderer template webhook retry backoff throttle quota audit event metric alert " +
  "dashboard widget chart filter sorter pager search index crawler mailer notifier profile avatar upload " +
  "storage bucket archive snapshot migration schema validator serializer encoder decoder router handler " +
  "middleware gateway proxy resolver registry plugin loader config secret vault policy permission role"
).split(" ");

const VERBS = "get set load save parse render build create update delete find list check apply send read write".split(" ");

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(random() < 0.15 ? pick(random, DOMAIN) : pick(random, PROSE));
  const text = out.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

export interface PrdFixture {
  markdown: string;
  /** Tagged lines written (some inside code blocks, which are not gaps). */
  taggedLines: number;
}

/** A PRD of about `bytes` characters; about one list item in `tagEvery` carries the tag. */
export function generatePrd(bytes: number, seed: number, tagEvery = 12): PrdFixture {
  const random = rng(seed);
  const parts: string[] = ["# Product requirements\n\n", `${sentence(random, 30)}\n\n`];
  let size = parts.join("").length;
  let taggedLines = 0;
  let section = 0;
  const tag = (): string => {
    if (random() * tagEvery >= 1) return "";
    taggedLines += 1;
    return " [bot-eligible]";
  };
  while (size < bytes) {
    section += 1;
    const block: string[] = [`## Phase ${section}: ${pick(random, DOMAIN)} ${pick(random, DOMAIN)}\n\n`];
    block.push(`${sentence(random, 25)} ${sentence(random, 18)}\n\n`);
    for (let feature = 0; feature < 3; feature += 1) {
      const name = pick(random, DOMAIN);
      block.push(`### ${name} ${pick(random, VERBS)}\n\n${sentence(random, 20)}\n\n`);
      const items = 4 + Math.floor(random() * 8);
      for (let i = 0; i < items; i += 1) {
        const box = random() < 0.5 ? (random() < 0.3 ? "[x] " : "[ ] ") : "";
        const file = random() < 0.3 ? ` in \`src/${name}/${pick(random, VERBS)}-${pick(random, DOMAIN)}.ts\`` : "";
        block.push(`- ${box}${sentence(random, 8 + Math.floor(random() * 10))}${file}${tag()}\n`);
        if (random() < 0.25) block.push(`  - ${sentence(random, 8)}${tag()}\n`);
      }
      block.push("\n");
      const extra = random();
      if (extra < 0.2) {
        block.push("```bash\n# install and run\nnpm ci\n# the tag in code is an example, not a gap [bot-eligible]\nnpm test\n```\n\n");
        taggedLines += 1;
      } else if (extra < 0.35) {
        block.push(`| field | type | note |\n| --- | --- | --- |\n| ${name}_id | string | ${sentence(random, 6)} |\n| created_at | date | ${sentence(random, 5)} |\n\n`);
      } else if (extra < 0.45) {
        block.push(`> ${sentence(random, 16)}\n> ${sentence(random, 10)}\n\n`);
      }
    }
    const text = block.join("");
    parts.push(text);
    size += text.length;
  }
  return { markdown: parts.join(""), taggedLines };
}

export interface RepoFile {
  path: string;
  content: string;
}

// Identifiers of a repository: a few words every file uses, and many words only some modules use, as in
// real code where `value` is everywhere and `invoice` lives in the billing module.
const COMMON = "value input options result error config context state data item items list map key name id count index next load save get set update create remove handle build check parse format read write".split(" ");
const SYLLABLES = "ka lo mi ne ru ta vi so pe du fa go hi ji ku la mo ni po qu ra se ti vo wa xe yo zu".split(" ");

function pseudoWord(random: () => number): string {
  const parts = 2 + Math.floor(random() * 2);
  let word = "";
  for (let i = 0; i < parts; i += 1) word += pick(random, SYLLABLES);
  return word;
}

/**
 * A repository of `count` TypeScript-like files of 1-8 KB in modules with their own vocabulary (pseudo
 * words), so a query term matches a few percent of the files, not all. `src/billing/invoice-csv-export.ts`
 * is the file a gap about monthly CSV exports of invoices needs; some distractors share one of its words.
 */
export function generateRepo(count: number, seed: number): RepoFile[] {
  const random = rng(seed);
  const modules = Array.from({ length: Math.max(8, Math.floor(count / 40)) }, () => {
    const name = pseudoWord(random);
    return { name, words: [name, ...Array.from({ length: 12 }, () => pseudoWord(random))] };
  });
  const files: RepoFile[] = [];
  for (let i = 0; i < count - 1; i += 1) {
    const module = pick(random, modules);
    const words = [...module.words];
    // Distractors: some files mention one word of the target's topic each.
    if (random() < 0.01) words.push(pick(random, ["invoice", "csv", "monthly", "billing"]));
    const noun = pick(random, module.words);
    const path = `src/${module.name}/${pick(random, VERBS)}-${noun}-${i}.ts`;
    files.push({ path, content: sourceFile(random, words, 1000 + Math.floor(random() * 7000)) });
  }
  const target = sourceFile(random, ["invoice", "csv", "export", "monthly", "billing"], 4000);
  files.splice(Math.floor(count / 2), 0, { path: "src/billing/invoice-csv-export.ts", content: target });
  return files;
}

function sourceFile(random: () => number, topic: readonly string[], bytes: number): string {
  const lines: string[] = ['import { strict as assert } from "node:assert";', ""];
  let size = 0;
  const word = (): string => (random() < 0.6 ? pick(random, topic) : pick(random, COMMON));
  while (size < bytes) {
    const noun = word();
    const type = capital(word());
    const chunk = [
      `// ${comment(random)}`,
      `export function ${pick(random, VERBS)}${capital(noun)}(input: ${type}, options: ${capital(word())}Options = {}): ${type} {`,
      `  const ${noun}Value = ${pick(random, VERBS)}${capital(word())}(input, options.${word()});`,
      `  if (!${noun}Value) throw new Error("${noun} ${word()} missing");`,
      `  return { ...input, ${noun}: ${noun}Value, ${word()}: Date.now() };`,
      "}",
      "",
    ].join("\n");
    lines.push(chunk);
    size += chunk.length;
  }
  return lines.join("\n");
}

const COMMENT = "keep this small and fast because callers retry when the value is missing or stale".split(" ");

function comment(random: () => number): string {
  const words = 6 + Math.floor(random() * 8);
  return Array.from({ length: words }, () => pick(random, COMMENT)).join(" ");
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
