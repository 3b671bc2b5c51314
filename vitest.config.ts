import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // Audit anchors are signed with a key outside the store; tests never touch the user's own key.
    env: { OMBUD_ANCHOR_KEY_FILE: join(tmpdir(), `ombud-test-anchor-${process.pid}.key`) },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
          environment: 'node',
          // Component tests render and click through happy-dom; on a busy 2-core runner one can take several seconds.
          testTimeout: 20_000,
          // Component tests opt into happy-dom with a `// @vitest-environment happy-dom` comment.
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
