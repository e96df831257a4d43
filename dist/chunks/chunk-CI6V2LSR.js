import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/ports/workspace.ts
var PushRejectedError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PushRejectedError";
  }
};
var NotTextError = class extends Error {
  constructor(path) {
    super(`${path} is not valid UTF-8 text (another encoding, or binary); the bot only reads and rewrites UTF-8 files, so it leaves this one alone`);
    this.path = path;
    this.name = "NotTextError";
  }
  path;
};
var NotACheckoutError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "NotACheckoutError";
  }
};

export {
  PushRejectedError,
  NotTextError,
  NotACheckoutError
};
