// Test tiers by location: unit tests sit beside pure code, integration and browser tests live in tests/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./tests/summaryReporter.ts"],
    // Two files at a time on the two cores: an integration file waits on its servers, PostgreSQL and the emulator, and
    // a browser file on Chromium, about half the time, so one at a time left a core idle (eight integration files on
    // both stores: 128 s → 90 s). Browser files are independent (each its own server, store and Chromium).
    maxWorkers: 2,
    projects: [
      { test: { name: "unit", include: ["api/**/*.test.ts", "tabs/src/**/*.test.ts"], environment: "node", setupFiles: ["tabs/src/shared/i18n/testLanguages.ts"] } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/pgliteTemplate.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/pgliteTemplate.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
