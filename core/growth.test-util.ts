/**
 * Linear time, proven without a clock limit: a test times the same work on an input and on one
 * `SCALE` times as large, and compares. Linear work grows about 8 times, quadratic work 64
 * times; `LINEAR_LIMIT` sits between, with room for what is not the work's own doing (a large
 * input no longer fits the CPU's caches, a garbage collection falls in one run). A machine twice
 * as slow, or busy, slows both sizes alike, so the ratio holds where a limit in ms fails.
 */

/** How many times larger the second input is than the first. */
export const SCALE = 8;

/** Under this for an input `SCALE` times as large: linear gives about 8, quadratic about 64. */
export const LINEAR_LIMIT = 24;

/** The most turns `growth` takes while its ratio is over `LINEAR_LIMIT`. */
export const MAX_RUNS = 50;

/**
 * The process's CPU time, in milliseconds. A busy machine takes the CPU away for whole time
 * slices, which a wall clock counts and CPU time does not.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(work: () => unknown): number {
  const started = cpuMs();
  work();
  return cpuMs() - started;
}

/**
 * How many times longer the work takes on `SCALE * size` than on `size`: the best of the times
 * of each, taking turns so that both see the same machine. The small input is timed over
 * `SCALE` runs in a row, the same amount of work as one large run: a garbage collection then
 * falls in both alike, where one short run could miss it and look fast. `input` builds the
 * input of a size, untimed; `work` is what is timed on it. A first run of each, not counted,
 * lets V8 compile the code.
 *
 * After `runs` turns, more are taken while the ratio is still over `LINEAR_LIMIT`, up to
 * `MAX_RUNS`. A CI run measured 35 for work that gives 7 here in every run, loaded or not: its
 * first turns can all come while the large input's code is still slow (V8 compiling it again
 * on a thread that a busy machine keeps waiting is the likeliest cause; it was not reproduced
 * here). More turns only lower both bests towards the work's own times, so quadratic work
 * stays near 64 however many are taken, and linear work is not failed for its first turns.
 *
 * Choose `size` so that both inputs cost V8 the same per element: past some sizes an element
 * costs several times more (an array over 128 KiB becomes a large object, and soon outgrows
 * the CPU's caches; what the work keeps alive outgrows V8's young generation, about 16 MiB),
 * and a small input on one side of such a line against a large one on the other measures the
 * line, not the work. Quadratic work shows at any size.
 */
export function growth<Input>(
  input: (size: number) => Input,
  work: (input: Input) => unknown,
  size: number,
  runs = 5,
): number {
  const small = input(size);
  const large = input(size * SCALE);
  const smalls = () => {
    for (let run = 0; run < SCALE; run++) work(small);
  };
  const larges = () => work(large);
  time(smalls);
  time(larges);
  let bestSmalls = Infinity;
  let bestLarge = Infinity;
  // A run too short for the clock counts as the clock's step, not as zero.
  const ratio = () => (SCALE * bestLarge) / Math.max(bestSmalls, 0.001);
  for (let run = 0; run < MAX_RUNS && (run < runs || ratio() >= LINEAR_LIMIT); run++) {
    bestSmalls = Math.min(bestSmalls, time(smalls));
    bestLarge = Math.min(bestLarge, time(larges));
  }
  return ratio();
}
