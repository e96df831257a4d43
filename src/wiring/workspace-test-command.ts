// The test command a checkout implies, when the config names none: its marker files through core's rules.
import { TEST_MARKER_FILES, detectTestCommand } from "../core/detect-test-command.js";
import type { Workspace } from "../ports/workspace.js";

export async function detectWorkspaceTestCommand(workspace: Workspace): Promise<string | undefined> {
  const paths = await workspace.listFiles();
  const markers = new Map<string, string | undefined>();
  for (const marker of TEST_MARKER_FILES) if (paths.includes(marker)) markers.set(marker, await workspace.readFile(marker));
  return detectTestCommand(paths, (file) => markers.get(file));
}
