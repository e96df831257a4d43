import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/ports/forge.ts
var ForgeError = class extends Error {
  status;
  operation;
  constructor(operation, message, status) {
    super(`${operation}: ${message}`);
    this.name = "ForgeError";
    this.operation = operation;
    this.status = status;
  }
};
var UnsupportedError = class extends ForgeError {
  constructor(operation, message) {
    super(operation, message);
    this.name = "UnsupportedError";
  }
};

export {
  ForgeError,
  UnsupportedError
};
