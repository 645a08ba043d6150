import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '*.test.ts',
      'bench/**/*.test.ts',
      'core/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    // Only a test that hangs gets near these; no test counts on them to measure anything.
    // Hooks start servers and processes, which on a busy machine can take seconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CI reads the counts from the JSON report for its summary line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
