import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/cli/render-record.ts
function renderCycleRecord(record, stateDir) {
  const lines = [`outcome: ${record.outcome}`, `reason:  ${record.reason}`];
  if (record.gap) lines.push(`gap:     ${record.gap.id} (line ${record.gap.line}) ${record.gap.text}`);
  if (record.files.length > 0) lines.push(`files:   ${record.files.map((file) => `${file.mode} ${file.path}`).join(", ")}`);
  if (record.test) lines.push(`tests:   ${record.test.command}: ${record.test.passed ? "passed" : record.test.timed_out ? "timed out" : `exit ${record.test.exit_code}`}`);
  if (record.model) lines.push(`model:   ${record.model}, ${record.tokens.total} tokens in ${record.calls} call(s)`);
  if (record.branch) lines.push(`branch:  ${record.branch} (${record.commit?.slice(0, 12)})`);
  if (record.pr_url) lines.push(`PR:      ${record.pr_url}`);
  else if (record.pr_body) lines.push("PR body: in the record's pr_body (push the branch and open a draft PR with it)");
  lines.push(`record:  ${stateDir}/cycles/${record.cycle_id}.json`);
  return lines.join("\n");
}

export {
  renderCycleRecord
};
