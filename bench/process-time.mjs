// @ts-check
// Preloaded (`node --import ./bench/process-time.mjs ...`) into a process whose whole time is
// measured: at its exit it writes how long it ran, from the process's own start (Node's time
// origin) to its last line, as `process-ms N` on stderr. check.bench.ts reads it from the
// command and from papaparse-process.mjs alike, so that neither side pays the other's start.
process.on('exit', () => process.stderr.write(`\nprocess-ms ${performance.now()}\n`));
