// Tenant administration: the council's users and teams (no case content).
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant } from "@/lib/db/tenant";
import type { Role } from "@/lib/domain/roles";

export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  team: string | null;
  fte: number;
  employment: "PERMANENT" | "AGENCY";
  active: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
};

export async function listUsersForAdmin(ctx: Ctx): Promise<AdminUserRow[]> {
  assertCan(ctx, "admin:users", "manage users");
  return withTenant(ctx.tenantId, async (tx) => {
    const users = await tx.user.findMany({
      where: { tenantId: ctx.tenantId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        fte: true,
        employment: true,
        active: true,
        lockedUntil: true,
        lastLoginAt: true,
        team: { select: { name: true } },
      },
      orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
    });
    return users.map((u) => ({ ...u, fte: Number(u.fte), team: u.team?.name ?? null }));
  });
}
