import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/ports/state.ts
var StateConflictError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "StateConflictError";
  }
};

export {
  StateConflictError
};
