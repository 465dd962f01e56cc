// Signing in: find the council by email, check the password, count failures, lock after too many.
import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import type { Ctx } from "@/lib/auth/context";
import { findLoginIdentity, withTenant } from "@/lib/db/tenant";
import { afterFailedSignIn, isLocked, lockedMessage, WRONG_CREDENTIALS_MESSAGE } from "@/lib/domain/sign-in";
import { parseTenantSettings } from "@/lib/domain/tenant-settings";
import type { Role } from "@/lib/domain/roles";
import { recordAudit } from "./audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SignedInUser = { id: string; tenantId: string; role: Role; name: string; email: string };
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; code: "INVALID" | "LOCKED" | "DISABLED" | "THROTTLED"; message: string };

// Throttling of failed attempts per client address (generous: a whole council office may share one
// address) and per email address (also for addresses nobody has), on top of the account lock, which
// lives in the database. In memory: each app instance throttles on its own.
const failuresPerAddress = new RateLimiterMemory({ keyPrefix: "signin-ip", points: 100, duration: 15 * 60 });
const failuresPerEmail = new RateLimiterMemory({ keyPrefix: "signin-email", points: 10, duration: 5 * 60 });

async function throttled(ip: string, email: string): Promise<boolean> {
  const [byIp, byEmail] = await Promise.all([failuresPerAddress.get(ip), failuresPerEmail.get(email)]);
  return (byIp?.consumedPoints ?? 0) >= 100 || (byEmail?.consumedPoints ?? 0) >= 10;
}

async function countFailure(ip: string, email: string): Promise<void> {
  await Promise.all([failuresPerAddress.penalty(ip, 1), failuresPerEmail.penalty(email, 1)]);
}

const THROTTLED = "Too many failed sign-in attempts. Wait 15 minutes, then try again.";

export async function signInWithPassword(emailInput: string, password: string, meta: { ip?: string; now?: Date } = {}): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const now = meta.now ?? new Date();
  const ip = meta.ip ?? "unknown";
  if (await throttled(ip, email)) return { ok: false, code: "THROTTLED", message: THROTTLED };
  const result = await checkCredentials(email, password, ip, now);
  if (!result.ok) await countFailure(ip, email);
  return result;
}

async function checkCredentials(email: string, password: string, ip: string, now: Date): Promise<SignInResult> {

  const identity = await findLoginIdentity(email);
  if (!identity) {
    await verifyPassword(await decoyHash(), password); // same time as a real check
    return { ok: false, code: "INVALID", message: WRONG_CREDENTIALS_MESSAGE };
  }

  const user = await withTenant(identity.tenantId, (tx) =>
    tx.user.findFirst({
      where: { tenantId: identity.tenantId, id: identity.userId },
      select: { id: true, tenantId: true, role: true, name: true, email: true, passwordHash: true, active: true, failedLoginCount: true, lockedUntil: true },
    }),
  );
  if (!user) return { ok: false, code: "INVALID", message: WRONG_CREDENTIALS_MESSAGE };

  const passwordMatches = await verifyPassword(user.passwordHash, password);
  const auditCtx: Pick<Ctx, "tenantId" | "userId" | "ip"> = { tenantId: user.tenantId, userId: user.id, ip };

  return withTenant(user.tenantId, async (tx) => {
    // Re-read under a row lock so simultaneous attempts count one by one.
    const rows = await tx.$queryRaw<{ failed_login_count: number; locked_until: Date | null; active: boolean }[]>`
      SELECT failed_login_count, locked_until, active FROM app_user
      WHERE tenant_id = ${user.tenantId}::uuid AND id = ${user.id}::uuid FOR UPDATE`;
    const current = rows[0]!;
    if (!current.active) {
      // Only someone who knows the password learns the account exists and is switched off; a wrong
      // password gets the same answer as an address nobody has (no count, no lock: nothing to protect).
      if (!passwordMatches) {
        await recordAudit(tx, auditCtx, { action: "auth.sign_in_failed", entityType: "user", entityId: user.id, details: { reason: "disabled" } });
        return { ok: false, code: "INVALID", message: WRONG_CREDENTIALS_MESSAGE };
      }
      await recordAudit(tx, auditCtx, { action: "auth.sign_in_refused", entityType: "user", entityId: user.id, details: { reason: "disabled" } });
      return { ok: false, code: "DISABLED", message: "This account is switched off. Ask your administrator if you still need it." };
    }
    if (isLocked(current.locked_until, now)) {
      await recordAudit(tx, auditCtx, { action: "auth.sign_in_refused", entityType: "user", entityId: user.id, details: { reason: "locked" } });
      return { ok: false, code: "LOCKED", message: lockedMessage(current.locked_until!) };
    }
    if (!passwordMatches) {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { settings: true } });
      const policy = parseTenantSettings(tenant.settings).security;
      const next = afterFailedSignIn({ failedCount: current.failed_login_count, lockedUntil: current.locked_until }, policy, now);
      await tx.user.update({
        where: { tenantId_id: { tenantId: user.tenantId, id: user.id } },
        data: { failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil },
      });
      await recordAudit(tx, auditCtx, { action: "auth.sign_in_failed", entityType: "user", entityId: user.id, details: { failedCount: next.failedCount } });
      if (next.justLocked) {
        await recordAudit(tx, auditCtx, {
          action: "auth.account_locked",
          entityType: "user",
          entityId: user.id,
          details: { failedCount: next.failedCount, lockedUntil: next.lockedUntil!.toISOString() },
        });
        return { ok: false, code: "LOCKED", message: lockedMessage(next.lockedUntil!) };
      }
      return { ok: false, code: "INVALID", message: WRONG_CREDENTIALS_MESSAGE };
    }
    await tx.user.update({
      where: { tenantId_id: { tenantId: user.tenantId, id: user.id } },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
    });
    await recordAudit(tx, auditCtx, { action: "auth.signed_in", entityType: "user", entityId: user.id });
    return { ok: true, user: { id: user.id, tenantId: user.tenantId, role: user.role, name: user.name, email: user.email } };
  });
}

/**
 * The signed-in user's context, re-read on every request so role changes and switched-off accounts
 * apply at once. A session that began before the user's password was changed, or before the account
 * was switched off, has ended (decision 0017).
 */
/**
 * The context of a signed-in session, or null when it has ended: the account was switched off, its
 * password was set after this sign-in, or this session was signed out.
 */
export async function loadSessionContext(tenantId: string, userId: string, signedInAt: Date, sessionId: string): Promise<Ctx | null> {
  if (!UUID.test(sessionId)) return null;
  return withTenant(tenantId, async (tx) => {
    const user = await tx.user.findFirst({
      where: { tenantId, id: userId, active: true, OR: [{ sessionsValidFrom: null }, { sessionsValidFrom: { lte: signedInAt } }] },
      select: { id: true, role: true, teamId: true, name: true, tenant: { select: { name: true } } },
    });
    if (!user) return null;
    if (await tx.endedSession.findUnique({ where: { tenantId_sessionId: { tenantId, sessionId } }, select: { sessionId: true } })) return null;
    return { tenantId, userId: user.id, role: user.role, teamId: user.teamId, name: user.name, tenantName: user.tenant.name };
  });
}

/** Ends the session on the server too, so a copy of its token kept from before is refused. */
export async function recordSignOut(tenantId: string, userId: string, sessionId: string | undefined, expiresAt: Date): Promise<void> {
  await withTenant(tenantId, async (tx) => {
    if (sessionId && UUID.test(sessionId)) {
      await tx.endedSession.createMany({ data: [{ tenantId, sessionId, userId, expiresAt }], skipDuplicates: true });
      // sessions that would have expired by now need no record
      await tx.endedSession.deleteMany({ where: { tenantId, expiresAt: { lt: new Date() } } });
    }
    await recordAudit(tx, { tenantId, userId }, { action: "auth.signed_out", entityType: "user", entityId: userId });
  });
}
