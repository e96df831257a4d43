/** A state-branch operation failed for a reason retrying will not fix (auth, network, hook, bad input). */
export class BranchStoreError extends Error {
  constructor(
    message: string,
    readonly branch: string,
  ) {
    super(message);
    this.name = "BranchStoreError";
  }
}
