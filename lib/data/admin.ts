// Tenant administration: the council's users and teams (no case content).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { Role } from "@/lib/domain/roles";
import { changedFields, LINK_LIFETIME_HOURS, passwordProblem, userChangeRefusal, type TeamKind } from "@/lib/domain/user-admin";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";

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

// ---------------------------------------------------------------------------------------------
// Managing users (decision 0017): add, change, switch off, unlock, and links to choose a password.

export type AdminUserInput = {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  fte: number;
  employment: "PERMANENT" | "AGENCY";
  caseloadCap: number | null;
  sweRegistration: string | null;
};

export type AdminUserDetail = AdminUserRow & {
  teamId: string | null;
  caseloadCap: number | null;
  sweRegistration: string | null;
  failedLoginCount: number;
  createdAt: Date;
  /** the version the edit form was loaded at */
  version: string;
  openAllocations: number;
  /** the newest link to choose a password, if one was made */
  latestLink: { purpose: "INVITE" | "RESET"; createdAt: Date; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null;
};

/** A link's secret, shown once: the council's id (so the link finds its council) and 32 random bytes. */
export type PasswordLinkToken = string;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

export async function listTeamsForAdmin(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  assertCan(ctx, "admin:users", "manage users");
  return withTenant(ctx.tenantId, (tx) => tx.team.findMany({ where: { tenantId: ctx.tenantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }));
}

export async function getUserForAdmin(ctx: Ctx, userIdInput: string): Promise<AdminUserDetail> {
  assertCan(ctx, "admin:users", "manage users");
  const userId = parseId(userIdInput, "user");
  return withTenant(ctx.tenantId, async (tx) => {
    const u = await tx.user.findFirst({
      where: { tenantId: ctx.tenantId, id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        teamId: true,
        fte: true,
        employment: true,
        caseloadCap: true,
        sweRegistration: true,
        active: true,
        failedLoginCount: true,
        lockedUntil: true,
        lastLoginAt: true,
        createdAt: true,
        updatedAt: true,
        team: { select: { name: true } },
      },
    });
    if (!u) throw notFoundError("user");
    // one connection per transaction: queries one after another
    const openAllocations = await tx.allocation.count({ where: { tenantId: ctx.tenantId, workerId: userId, endDate: null } });
    const latestLink = await tx.passwordLink.findFirst({
      where: { tenantId: ctx.tenantId, userId },
      orderBy: { createdAt: "desc" },
      select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
    });
    await recordAudit(tx, ctx, { action: "user.viewed", entityType: "user", entityId: userId });
    const { updatedAt, team, ...rest } = u;
    return { ...rest, fte: Number(u.fte), team: team?.name ?? null, version: updatedAt.toISOString(), openAllocations, latestLink };
  });
}

export type AdminTeamRow = { id: string; name: string; kind: TeamKind; activeMembers: number };

export async function listTeamsOverview(ctx: Ctx): Promise<AdminTeamRow[]> {
  assertCan(ctx, "admin:users", "manage teams");
  return withTenant(ctx.tenantId, async (tx) => {
    const teams = await tx.team.findMany({
      where: { tenantId: ctx.tenantId },
      select: { id: true, name: true, kind: true, _count: { select: { members: { where: { active: true } } } } },
      orderBy: { name: "asc" },
    });
    return teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, activeMembers: t._count.members }));
  });
}

/** A new team; names are unique within the council. */
export async function createTeam(ctx: Ctx, input: { name: string; kind: TeamKind }): Promise<{ teamId: string }> {
  assertCan(ctx, "admin:users", "manage teams");
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const team = await tx.team.create({ data: { tenantId: ctx.tenantId, name: input.name, kind: input.kind }, select: { id: true } });
      await recordAudit(tx, ctx, { action: "team.created", entityType: "team", entityId: team.id, details: { name: input.name, kind: input.kind } });
      return { teamId: team.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid("name", "The council already has a team with this name. Choose another name.");
    throw error;
  }
}

async function checkTeam(tx: Tx, tenantId: string, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { tenantId, id: teamId }, select: { id: true } });
  if (!team) throw invalid("teamId", "Choose a team from the list");
}

/** Emails are unique across the whole service: sign-in finds the council from the address. */
async function checkEmailFree(tx: Tx, email: string, exceptUserId?: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.login_email', ${email}, true)`;
  const existing = await tx.loginIdentity.findUnique({ where: { email }, select: { userId: true } });
  if (existing && existing.userId !== exceptUserId) throw emailTaken();
}

const emailTaken = () =>
  invalid(
    "email",
    "There is already a Continuum account with this email address, in this council or another. Each person needs their own work email address; if they have moved from another council, ask the Continuum service desk to move their account.",
  );

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * A new link for a user to choose a password; only the newest works, so an earlier one handed to the
 * wrong person stops working. Inside the caller's council transaction. `createdBy` is null when the
 * platform operator made it (npm run tenant:create).
 */
export async function issuePasswordLink(
  tx: Tx,
  link: { tenantId: string; userId: string; createdBy: string | null; purpose: "INVITE" | "RESET"; now: Date },
): Promise<PasswordLinkToken> {
  const { tenantId, userId, now } = link;
  await tx.passwordLink.updateMany({ where: { tenantId, userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const token = `${tenantId}.${randomBytes(32).toString("base64url")}`;
  await tx.passwordLink.create({
    data: { tenantId, userId, purpose: link.purpose, tokenHash: sha256(token), createdBy: link.createdBy, createdAt: now, expiresAt: new Date(now.getTime() + LINK_LIFETIME_HOURS[link.purpose] * 3_600_000) },
  });
  return token;
}

/** A password nobody knows, for an account whose user will choose theirs through a link. */
export const unknownPasswordHash = () => hashPassword(randomBytes(32).toString("base64url"));

const makeLink = (tx: Tx, ctx: Ctx, userId: string, purpose: "INVITE" | "RESET", now: Date) =>
  issuePasswordLink(tx, { tenantId: ctx.tenantId, userId, createdBy: ctx.userId, purpose, now });

/** Adds a user with no password they know, and a link for them to choose one (shown once). */
export async function createUser(ctx: Ctx, input: AdminUserInput, now = new Date()): Promise<{ userId: string; token: PasswordLinkToken }> {
  assertCan(ctx, "admin:users", "manage users");
  const email = input.email.trim().toLowerCase();
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      await checkTeam(tx, ctx.tenantId, input.teamId);
      await checkEmailFree(tx, email);
      const user = await tx.user.create({
        data: {
          tenantId: ctx.tenantId,
          name: input.name,
          email,
          // Nobody knows this password: the user chooses theirs through the link.
          passwordHash: await unknownPasswordHash(),
          role: input.role,
          teamId: input.teamId,
          fte: input.fte,
          employment: input.employment,
          caseloadCap: input.caseloadCap,
          sweRegistration: input.sweRegistration,
        },
        select: { id: true },
      });
      await tx.loginIdentity.create({ data: { email, tenantId: ctx.tenantId, userId: user.id } });
      const token = await makeLink(tx, ctx, user.id, "INVITE", now);
      await recordAudit(tx, ctx, {
        action: "user.created",
        entityType: "user",
        entityId: user.id,
        details: { name: input.name, email, role: input.role, teamId: input.teamId, fte: input.fte, employment: input.employment, caseloadCap: input.caseloadCap, sweRegistration: input.sweRegistration },
      });
      return { userId: user.id, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(); // added at the same moment elsewhere
    throw error;
  }
}

/** Changes a user; refused if someone else changed them since the form was loaded. */
export async function updateUser(ctx: Ctx, userIdInput: string, input: AdminUserInput & { active: boolean; version: string }): Promise<void> {
  assertCan(ctx, "admin:users", "manage users");
  const userId = parseId(userIdInput, "user");
  const email = input.email.trim().toLowerCase();
  try {
    await withTenant(ctx.tenantId, async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM app_user WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${userId}::uuid FOR UPDATE`;
      if (rows.length === 0) throw notFoundError("user");
      const before = await tx.user.findUniqueOrThrow({
        where: { tenantId_id: { tenantId: ctx.tenantId, id: userId } },
        select: { name: true, email: true, role: true, teamId: true, fte: true, employment: true, caseloadCap: true, sweRegistration: true, active: true, updatedAt: true },
      });
      if (before.updatedAt.toISOString() !== input.version)
        throw new AppError(
          "CONFLICT",
          "Someone else changed this user after you opened the page, so your changes were not saved (nothing was overwritten). What you typed is still here: reload the page to see their changes, then make yours again.",
        );
      await checkTeam(tx, ctx.tenantId, input.teamId);
      if (email !== before.email) await checkEmailFree(tx, email, userId);
      const otherActiveAdmins = await tx.user.count({ where: { tenantId: ctx.tenantId, role: "TENANT_ADMIN", active: true, id: { not: userId } } });
      const openAllocations = await tx.allocation.count({ where: { tenantId: ctx.tenantId, workerId: userId, endDate: null } });
      const refusal = userChangeRefusal({
        actorId: ctx.userId,
        targetId: userId,
        before: { role: before.role, active: before.active },
        after: { role: input.role, active: input.active },
        otherActiveAdmins,
        openAllocations,
      });
      if (refusal) throw invalid(refusal.field, refusal.message);

      const after = {
        name: input.name,
        email,
        role: input.role,
        teamId: input.teamId,
        fte: input.fte,
        employment: input.employment,
        caseloadCap: input.caseloadCap,
        sweRegistration: input.sweRegistration,
        active: input.active,
      };
      const changes = changedFields({ ...before, fte: Number(before.fte), updatedAt: undefined }, { ...after, updatedAt: undefined });
      if (Object.keys(changes).length === 0) return;
      const at = new Date();
      // switched off, any session ends and stays ended if the account is switched on again
      const sessionsValidFrom = before.active && !input.active ? { sessionsValidFrom: at } : {};
      await tx.user.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: userId } }, data: { ...after, ...sessionsValidFrom, updatedAt: at } });
      if (email !== before.email) await tx.loginIdentity.update({ where: { email: before.email }, data: { email } });
      if (!input.active && before.active) {
        // A switched-off account's unused links stop working too.
        await tx.passwordLink.updateMany({ where: { tenantId: ctx.tenantId, userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      }
      await recordAudit(tx, ctx, { action: "user.updated", entityType: "user", entityId: userId, details: { changes } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** Lets a locked-out user try again at once (the lock would otherwise end by itself). */
export async function unlockUser(ctx: Ctx, userIdInput: string): Promise<void> {
  assertCan(ctx, "admin:users", "manage users");
  const userId = parseId(userIdInput, "user");
  await withTenant(ctx.tenantId, async (tx) => {
    const { count } = await tx.user.updateMany({ where: { tenantId: ctx.tenantId, id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
    if (count === 0) throw notFoundError("user");
    await recordAudit(tx, ctx, { action: "user.unlocked", entityType: "user", entityId: userId });
  });
}

/** A new link for a user to choose a password (they forgot it, or the first link expired). */
export async function createPasswordLink(ctx: Ctx, userIdInput: string, now = new Date()): Promise<PasswordLinkToken> {
  assertCan(ctx, "admin:users", "manage users");
  const userId = parseId(userIdInput, "user");
  return withTenant(ctx.tenantId, async (tx) => {
    const user = await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: userId }, select: { active: true, lastLoginAt: true } });
    if (!user) throw notFoundError("user");
    if (!user.active) throw new AppError("REFUSED", "This account is switched off. Switch it on first, then make a link.");
    const purpose = user.lastLoginAt ? "RESET" : "INVITE";
    const token = await makeLink(tx, ctx, userId, purpose, now);
    await recordAudit(tx, ctx, { action: "user.password_link_created", entityType: "user", entityId: userId, details: { purpose } });
    return token;
  });
}

// ---------------------------------------------------------------------------------------------
// Choosing a password through a link: nobody is signed in, so the link's council id sets the tenant.

export type PasswordLinkCheck =
  | { ok: true; tenantId: string; userId: string; name: string; email: string; purpose: "INVITE" | "RESET" }
  | { ok: false; message: string };

const LINK_NOT_VALID =
  "This link does not work: it may have been used already, replaced by a newer one, or copied wrongly. Ask your council's Continuum administrator for a new link.";
const LINK_EXPIRED = "This link has expired. Ask your council's Continuum administrator for a new one.";

function splitToken(token: string): { tenantId: string; hash: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/.exec(token.trim());
  return match ? { tenantId: match[1]!, hash: sha256(token.trim()) } : null;
}

async function findLink(tx: Tx, tenantId: string, hash: string, now: Date) {
  const link = await tx.passwordLink.findFirst({
    where: { tenantId, tokenHash: hash },
    select: { id: true, purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { id: true, name: true, email: true, active: true } } },
  });
  if (!link || link.usedAt || link.revokedAt || !link.user.active) return { ok: false as const, message: LINK_NOT_VALID };
  if (link.expiresAt <= now) return { ok: false as const, message: LINK_EXPIRED };
  return { ok: true as const, link };
}

export async function checkPasswordLink(token: string, now = new Date()): Promise<PasswordLinkCheck> {
  const parts = splitToken(token);
  if (!parts) return { ok: false, message: LINK_NOT_VALID };
  return withTenant(parts.tenantId, async (tx) => {
    const found = await findLink(tx, parts.tenantId, parts.hash, now);
    if (!found.ok) return found;
    const { link } = found;
    return { ok: true, tenantId: parts.tenantId, userId: link.user.id, name: link.user.name, email: link.user.email, purpose: link.purpose };
  });
}

/** Sets the password, uses up the link and lifts any lock. The user then signs in as usual. */
export async function setPasswordWithLink(token: string, password: string, meta: { ip?: string; now?: Date } = {}): Promise<{ email: string }> {
  const now = meta.now ?? new Date();
  const parts = splitToken(token);
  if (!parts) throw new AppError("REFUSED", LINK_NOT_VALID);
  return withTenant(parts.tenantId, async (tx) => {
    // Lock the link so two sends of the form cannot both use it.
    await tx.$queryRaw`SELECT id FROM password_link WHERE tenant_id = ${parts.tenantId}::uuid AND token_hash = ${parts.hash} FOR UPDATE`;
    const found = await findLink(tx, parts.tenantId, parts.hash, now);
    if (!found.ok) throw new AppError("REFUSED", found.message);
    const { link } = found;
    const problem = passwordProblem(password, link.user.email);
    if (problem) throw invalid("password", problem);
    await tx.user.update({
      where: { tenantId_id: { tenantId: parts.tenantId, id: link.user.id } },
      // sessions started with the old password end
      data: { passwordHash: await hashPassword(password), failedLoginCount: 0, lockedUntil: null, sessionsValidFrom: now },
    });
    await tx.passwordLink.update({ where: { tenantId_id: { tenantId: parts.tenantId, id: link.id } }, data: { usedAt: now } });
    await recordAudit(tx, { tenantId: parts.tenantId, userId: link.user.id, ip: meta.ip }, { action: "user.password_set", entityType: "user", entityId: link.user.id, details: { purpose: link.purpose } });
    return { email: link.user.email };
  });
}
