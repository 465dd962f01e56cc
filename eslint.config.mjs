import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/**/*.json"]),
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Only the data layer, the database helpers, the seed and tests may touch Prisma.
    files: ["app/**", "components/**", "lib/actions/**", "lib/domain/**", "lib/auth/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/db/*", "**/lib/db/*", "@prisma/*"], message: "Only lib/data may use the database." },
      ] }],
    },
  },
]);
