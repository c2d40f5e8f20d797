// Lint rules for the whole repository: TypeScript recommended rules, browser globals for the tab.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "scratch/", "tabs/dist/", "appPackage/build/", ".data/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  { files: ["tabs/**/*.{ts,tsx}"], languageOptions: { globals: { ...globals.browser } } },
  // Tests read loosely typed JSON answers; asserting on them is the point, so `any` is allowed there.
  { files: ["tests/**/*.ts", "**/*.test.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
