import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One process per worker for every file (no re-import of the SDKs per file), and a worker per core plus one:
    // most tests wait on child processes and loopback servers, so two cores keep three workers busy.
    isolate: false,
    maxWorkers: 3,
  },
});
