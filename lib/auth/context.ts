// The caller's context, passed first to every data function: who, in which council, with which role.
import type { Role } from "@/lib/domain/roles";
import { AppError, forbiddenError } from "@/lib/errors";
import { can, type Permission } from "./permissions";

export type Ctx = {
  tenantId: string;
  userId: string;
  role: Role;
  teamId: string | null;
  name: string;
  tenantName: string;
  /** request metadata for the audit log */
  ip?: string;
};

export function assertCan(ctx: Ctx, permission: Permission, action: string): void {
  if (!can(ctx.role, permission)) throw forbiddenError(action);
}

/** Whether the user manages the team that holds a case: its own managers, or anyone who sees every team (the head of service). */
export function managesTeam(ctx: Ctx, teamId: string | null): boolean {
  return can(ctx.role, "team:view-any") || (ctx.teamId !== null && ctx.teamId === teamId);
}

export function assertSignedIn(ctx: Ctx | null): asserts ctx is Ctx {
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to carry on.");
}
