// The Prisma client, connected as the application role (never the owner). Created on first use so
// scripts and tests can set APP_DATABASE_URL first.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

const globalForPrisma = globalThis as unknown as { continuumPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.continuumPrisma) {
    const connectionString = process.env.APP_DATABASE_URL;
    if (!connectionString) {
      throw new Error("APP_DATABASE_URL is not set. Start Continuum with `npm start`, or see README \"Configuration\".");
    }
    const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) });
    globalForPrisma.continuumPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.continuumPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.continuumPrisma?.$disconnect();
  globalForPrisma.continuumPrisma = undefined;
}
