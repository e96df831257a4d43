// One place that turns a failure of the Action into the message core.setFailed shows: known failures get
// what went wrong and how to fix it (the input, permission or workflow line to change); anything else
// keeps its own message. Stack traces stay out: they help nobody reading a workflow log.
import { ForgeError } from "../ports/forge.js";
import { StateConflictError } from "../ports/state.js";

const PERMISSIONS = "contents: write, pull-requests: write and issues: write";

export function describeActionError(error: unknown): string {
  if (!(error instanceof Error)) return `prd-bot failed: ${String(error)}`;
  if (error instanceof ForgeError) return describeForgeError(error);
  if (error instanceof StateConflictError) {
    return `prd-bot could not save its record: ${error.message}. Other runs kept writing the state branch at the same time; give the workflow a concurrency group (concurrency: prd-bot-\${{ github.repository }}) and re-run`;
  }
  if (error.name === "BranchStoreError") {
    const denied = /\b(403|401)\b|denied|not allowed|authentication|could not read username/i.test(error.message);
    return denied
      ? `prd-bot could not write its records to the state branch: ${error.message}. The token needs ${PERMISSIONS} (add a permissions: block to the job, or pass a token that has them)`
      : `prd-bot could not use its state branch: ${error.message}`;
  }
  return error.message;
}

function describeForgeError(error: ForgeError): string {
  switch (error.status) {
    case 401:
      return `the forge refused the token (${error.message}). Pass a valid token: with: token: \${{ github.token }} (the default), or a personal access token from a secret`;
    case 403:
      return `the token may not do this (${error.message}). Give the job ${PERMISSIONS} in its permissions: block, or pass a token that has them`;
    case 404:
      return `not found (${error.message}). Check GITHUB_REPOSITORY and GITHUB_API_URL, and that the token can see the repository`;
    default:
      return `a forge request failed: ${error.message}`;
  }
}
