import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: fast unit/component tests (node by default; DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment) and end-to-end tests that drive real browsers against
// the built extension (`npm test` builds it first).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          environment: 'node',
          // Component tests type through user-event in happy-dom: well under a second idle, several
          // on a busy 2-core CI machine (vitest's default of 5 s is too tight there).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // expect.poll waits for the browser: one round through the page, the content script and the
          // background, well under a second idle but several on a 2-core machine at load 10 (vitest's
          // default is 1 s).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
