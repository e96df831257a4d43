// Entry point of the Action (bundled to dist/index.js); the whole flow, and its only catch, is in runner.ts.
import { runAction } from "./runner.js";

await runAction();
