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

export function assertSignedIn(ctx: Ctx | null): asserts ctx is Ctx {
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to carry on.");
}
