// The one way the application touches tenant data: a transaction that first sets the tenant, so that
// forced row-level security confines every statement in it to that council
// (docs/decisions/0003-tenancy.md).
import { db } from "./client";
import type { Prisma } from "./generated/client";

export type Tx = Prisma.TransactionClient;

export type TxOptions = {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  timeoutMs?: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function withTenant<T>(tenantId: string, work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
  if (!UUID.test(tenantId)) throw new Error("withTenant needs a tenant id");
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return work(tx);
    },
    { isolationLevel: options.isolationLevel, timeout: options.timeoutMs ?? 30_000, maxWait: 10_000 },
  );
}

/** Finds which council an email address belongs to, seeing only that address's directory row. */
export async function findLoginIdentity(email: string): Promise<{ tenantId: string; userId: string } | null> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.login_email', ${email}, true)`;
    return tx.loginIdentity.findUnique({ where: { email }, select: { tenantId: true, userId: true } });
  });
}

/** Platform operator work: sees the list of councils, nothing inside them. */
export async function withPlatformOperator<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.platform_operator', 'on', true)`;
    return work(tx);
  });
}
