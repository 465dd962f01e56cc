import { defineConfig } from "prisma/config";

// Only `prisma generate` is used (through scripts/prisma-generate.mjs): migrations are applied by the
// project's own runner (lib/db/migrate.ts), see docs/decisions/0002-migrations.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
