import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/ports/model.ts
var ModelError = class extends Error {
  attempts;
  constructor(message, attempts) {
    super(message);
    this.name = "ModelError";
    this.attempts = attempts;
  }
};

export {
  ModelError
};
