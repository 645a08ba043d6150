// The floor for `sendsheet check FILE... --json`: core's check of each file, every message
// written out (to /dev/null), in one plain Node process started for it. Bundled before it runs
// (check-many.bench.ts), so that it starts as Node does.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { writeVerdictJson } from '../core/verdict-json';
import { nodeCheckOptions } from '../electron/base/native-text';

const out = openSync('/dev/null', 'w');
for (const file of process.argv.slice(2)) {
  const name = `${basename(file)}.ready`;
  const bytes = readFileSync(file);
  writeVerdictJson({ name, bytes }, nodeCheckOptions, (chunk) => writeSync(out, chunk), {
    file,
    name,
  });
}
closeSync(out);
