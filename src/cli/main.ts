#!/usr/bin/env node
// Entry point of the `prd-bot` command (bundled to dist/cli.js); everything testable is in run-cli.ts.
import { processIo } from "./io.js";
import { main } from "./run-cli.js";

process.exitCode = await main(process.argv.slice(2), processIo());
