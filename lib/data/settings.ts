import "server-only";
import type { Tx } from "@/lib/db/tenant";
import { parseTenantSettings, type TenantSettings } from "@/lib/domain/tenant-settings";

/** The council's settings with defaults filled (inside the caller's tenant transaction). */
export async function loadSettings(tx: Tx, tenantId: string): Promise<TenantSettings> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  return parseTenantSettings(tenant.settings);
}
