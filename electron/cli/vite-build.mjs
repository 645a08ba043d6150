// Builds the user interface with Vite's JavaScript API, in a Node process of its own, started by
// electron/cli/app-builds.ts: `node vite-build.mjs CONFIG OUT_DIR clean|keep`. Plain JavaScript
// run by plain Node: through tsx, loading Vite alone takes seconds longer, and a long-running
// app should not keep the build tools in its memory afterwards. Prints the files it wrote, as
// JSON, relative to OUT_DIR; on failure, the error's message on stderr and exit code 1.
import { build } from 'vite';

const [configFile, outDir, mode] = process.argv.slice(2);
try {
  const result = await build({
    configFile,
    // The error is thrown, and written once below; warnings are for `vite build` by hand.
    logLevel: 'silent',
    clearScreen: false,
    build: { outDir, emptyOutDir: mode === 'clean' },
  });
  const bundles = Array.isArray(result) ? result : [result];
  const files = bundles.flatMap((bundle) =>
    'output' in bundle ? bundle.output.map((file) => file.fileName) : [],
  );
  process.stdout.write(JSON.stringify(files));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
