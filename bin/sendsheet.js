#!/usr/bin/env node
// @ts-check
/**
 * The `sendsheet` command of the repository: `npx sendsheet ...` inside it, `npm run -s
 * sendsheet -- ...`, or this file from any folder (by its path, or linked by `npm link`). It runs
 * the bundled command line, building it first when it is missing or a source changed since, so
 * the command starts as plain Node does and never runs stale code.
 */
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_ENTRY, staleness } from './build-cli.js';

const why = staleness();
if (why !== null) {
  process.stderr.write(`sendsheet: building the command line first (${why})...\n`);
  try {
    await buildCli();
  } catch (error) {
    const detail =
      /** @type {{ errors?: { text: string, location?: { file: string, line: number } | null }[] }} */ (
        error
      ).errors;
    const lines = detail?.map(
      (e) => `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`,
    );
    process.stderr.write(
      `sendsheet: the command line does not build:\n${lines?.join('\n') ?? String(error)}\n` +
        '(is the repository installed? run "npm ci" in it.)\n',
    );
    process.exit(2);
  }
}
await import(pathToFileURL(CLI_ENTRY).href);
