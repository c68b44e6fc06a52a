import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@vtt/source'] },
  ssr: { resolve: { conditions: ['@vtt/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
