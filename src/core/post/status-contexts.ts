// Status contexts prd-bot posts. The auditor's is set pending by the webhook app as a commit status (a check
// run belongs to the app that made it, so a workflow could not finish it); whatever posts the final result
// finishes that commit status (jobs/shared/post-status.ts, postFinalStatus).
export const AUDITOR_CONTEXT = "prd-bot/auditor";
