// Pure-core parsing on hostile or large inputs: the line diff behind max_changed_lines, and the tolerant
// proposal extraction. Guards against quadratic blow-ups that the unit tests only check for results.
// Baseline in the same run: JSON.parse of a well-formed answer of the same size.
import { countChangedLines } from "../src/core/edits/edits.js";
import { parseProposal } from "../src/core/propose/proposal.js";

const RUNS = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice(7) ?? 7);

function median(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

let seed = 7;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const original = Array.from({ length: 5000 }, (_, i) => `line ${i} ${Math.floor(next() * 1000)}\n`);
const before = original.join("");
const edited = original.map((line, i) => (i % 100 === 0 ? `changed ${i}\n` : line)).join("");
const rewritten = original.map((line) => `x${line}`).join("");
const shuffled = [...original].sort(() => next() - 0.5).join("");

const bigContent = "x".repeat(100_000);
const wellFormed = JSON.stringify({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "a.test.ts", is_new: true, content: bigContent }] });
const baseline = median(() => JSON.parse(wellFormed));

const rows: [string, number][] = [
  ["countChangedLines, 5k lines, 1% edited", median(() => countChangedLines(before, edited))],
  ["countChangedLines, 5k lines, every line rewritten", median(() => countChangedLines(before, rewritten))],
  ["countChangedLines, 5k lines shuffled, limit 200", median(() => countChangedLines(before, shuffled, 200))],
  ["countChangedLines, 5k lines shuffled, no limit (worst case)", median(() => countChangedLines(before, shuffled))],
  ["parseProposal, 100 KB answer in fences and prose", median(() => parseProposal(`Here:\n\`\`\`json\n${wellFormed}\n\`\`\`\nDone.`))],
  ["parseProposal, 20,000 unclosed braces", median(() => parseProposal(`${"{".repeat(20_000)}x`))],
  ["parseProposal, 5,000 nested unfinished objects", median(() => parseProposal('{"a":'.repeat(5000)))],
];

console.log(`Core parsing, median of ${RUNS} runs after one warm-up; baseline JSON.parse of the 100 KB answer: ${baseline.toFixed(2)} ms.\n`);
console.log("| case | median ms | vs JSON.parse baseline |");
console.log("| --- | ---: | ---: |");
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / baseline).toFixed(0)}× |`);
