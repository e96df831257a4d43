import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/diff/parse-patch.ts
var HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parsePatch(patch) {
  const result = { hunks: [], added: [], removed: [], changedLines: [], right: /* @__PURE__ */ new Map(), left: /* @__PURE__ */ new Map() };
  if (!patch) return result;
  const changed = /* @__PURE__ */ new Set();
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const line of patch.split("\n")) {
    const raw = line.endsWith("\r") ? line.slice(0, -1) : line;
    const header = HUNK.exec(raw);
    if (header) {
      const hunk = {
        oldStart: Number(header[1]),
        oldLines: header[2] === void 0 ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === void 0 ? 1 : Number(header[4])
      };
      result.hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
      inHunk = true;
      continue;
    }
    if (!inHunk || raw.startsWith("\\")) continue;
    const hunkIndex = result.hunks.length - 1;
    const mark = raw[0];
    const text = raw.slice(1);
    if (mark === "+") {
      result.added.push({ line: newLine, text });
      result.right.set(newLine, hunkIndex);
      changed.add(newLine);
      newLine += 1;
    } else if (mark === "-") {
      result.removed.push({ line: oldLine, text });
      result.left.set(oldLine, hunkIndex);
      changed.add(Math.max(1, newLine));
      oldLine += 1;
    } else if (mark === " " || raw === "") {
      result.right.set(newLine, hunkIndex);
      result.left.set(oldLine, hunkIndex);
      oldLine += 1;
      newLine += 1;
    } else {
      inHunk = false;
    }
  }
  result.changedLines = [...changed].sort((a, b) => a - b);
  return result;
}

export {
  parsePatch
};
