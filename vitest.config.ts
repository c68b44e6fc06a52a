import { defineConfig } from 'vitest/config';

// On CI the JSON reporter also writes the counts that .ci/run prints.
const reporters = process.env['CI']
  ? ['default', ['json', { outputFile: '.ci/test-results.json' }]]
  : ['default'];

export default defineConfig({
  resolve: { conditions: ['@vtt/source'] },
  ssr: { resolve: { conditions: ['@vtt/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: reporters as never,
  },
});
