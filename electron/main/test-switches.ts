/**
 * Switches that exist only for headless tests. The desktop window never serves the test
 * controls (it has no route for them, and the app's contract has no method for them); started
 * with one of these anyway, it refuses to start rather than seem to accept it.
 */
const TEST_ONLY = ['--test-controls', '--controls-port'];

/** Why the window refuses `argv` (a process's whole argv), or null when it may start. */
export function refusedTestSwitch(argv: readonly string[]): string | null {
  const found = argv.slice(1).find((arg) => TEST_ONLY.includes(arg.split('=')[0]!));
  return found === undefined
    ? null
    : `${found.split('=')[0]} is for headless tests ("sendsheet app --test-controls"), never for the desktop app.`;
}
