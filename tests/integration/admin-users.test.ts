// A tenant administrator adds and changes users (decision 0017): the new user chooses their own
// password through a one-time link and signs in; edits never overwrite each other silently; the
// council always keeps an administrator; nobody switches off someone who still holds cases; every
// change is audited — and an administrator of one council can neither see nor touch another's users.
import { describe, expect, it } from "vitest";
import {
  checkPasswordLink,
  createPasswordLink,
  createTeam as adminCreateTeam,
  createUser as adminCreateUser,
  getUserForAdmin,
  listTeamsOverview,
  listUsersForAdmin,
  setPasswordWithLink,
  unlockUser,
  updateUser,
  type AdminUserInput,
} from "../../lib/data/admin";
import { loadSessionContext, signInWithPassword } from "../../lib/data/auth";
import { withTenant } from "../../lib/db/tenant";
import { ROLES, type Role } from "../../lib/domain/roles";
import { createAllocatedCase, createTeam, createTenant, createUser, ctxFor, TEST_PASSWORD } from "../support/factories";

/** a session id, as each sign-in gets one */
const SESSION = "5e5510e0-0000-4000-8000-000000000001";

let n = 0;
const input = (over: Partial<AdminUserInput> = {}): AdminUserInput => ({
  name: "Priya Shah",
  email: `priya.shah.${Date.now()}.${++n}@council.example`,
  role: "SOCIAL_WORKER",
  teamId: null,
  fte: 1,
  employment: "PERMANENT",
  caseloadCap: null,
  sweRegistration: "SW123456",
  ...over,
});

async function council() {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id, { kind: "SOCIAL_WORK" });
  const admin = await createUser(tenant.id, { role: "TENANT_ADMIN" });
  return { tenant, team, admin, ctx: ctxFor(admin) };
}

const auditOf = (tenantId: string, entityId: string) =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, entityId }, orderBy: { at: "asc" }, select: { action: true, actorId: true, details: true } }));

const asEdit = async (ctx: ReturnType<typeof ctxFor>, userId: string) => {
  const u = await getUserForAdmin(ctx, userId);
  return {
    version: u.version,
    active: u.active,
    name: u.name,
    email: u.email,
    role: u.role,
    teamId: u.teamId,
    fte: u.fte,
    employment: u.employment,
    caseloadCap: u.caseloadCap,
    sweRegistration: u.sweRegistration,
  };
};

describe("adding a user", () => {
  it("creates them with a link to choose a password; after using it they sign in, and the link is spent", async () => {
    const { tenant, team, ctx, admin } = await council();
    const details = input({ teamId: team.id, fte: 0.6, caseloadCap: 10 });
    const { userId, token } = await adminCreateUser(ctx, details);

    const listed = (await listUsersForAdmin(ctx)).find((u) => u.id === userId)!;
    expect(listed).toMatchObject({ name: "Priya Shah", email: details.email, role: "SOCIAL_WORKER", fte: 0.6, active: true });
    // nobody knows the password it was created with
    expect((await signInWithPassword(details.email, TEST_PASSWORD)).ok).toBe(false);

    const check = await checkPasswordLink(token);
    expect(check).toMatchObject({ ok: true, name: "Priya Shah", email: details.email, purpose: "INVITE" });

    await expect(setPasswordWithLink(token, "short")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { password: [expect.stringMatching(/at least 12/)] } });
    await setPasswordWithLink(token, "teapot river lantern");
    const signedIn = await signInWithPassword(details.email, "teapot river lantern");
    expect(signedIn).toMatchObject({ ok: true, user: { id: userId, tenantId: tenant.id, role: "SOCIAL_WORKER" } });

    // used once only
    expect(await checkPasswordLink(token)).toMatchObject({ ok: false, message: expect.stringMatching(/used already/) });
    await expect(setPasswordWithLink(token, "another three words")).rejects.toMatchObject({ code: "REFUSED" });

    const audit = await auditOf(tenant.id, userId);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["user.created", "user.password_set", "auth.signed_in"]));
    expect(audit.find((a) => a.action === "user.created")).toMatchObject({ actorId: admin.id, details: expect.objectContaining({ email: details.email, role: "SOCIAL_WORKER" }) });
    // the secret is never stored, only its hash
    const stored = await withTenant(tenant.id, (tx) => tx.passwordLink.findMany({ where: { tenantId: tenant.id, userId } }));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.split(".")[1]);
  });

  it("refuses an email address that has an account in any council, saying so on the field", async () => {
    const a = await council();
    const b = await council();
    const taken = await createUser(b.tenant.id, { role: "SOCIAL_WORKER" });
    await expect(adminCreateUser(a.ctx, input({ email: taken.email.toUpperCase() }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: [expect.stringMatching(/already a Continuum account with this email address/)] },
    });
    const existing = await adminCreateUser(a.ctx, input());
    const again = await getUserForAdmin(a.ctx, existing.userId);
    await expect(adminCreateUser(a.ctx, input({ email: again.email }))).rejects.toMatchObject({ fieldErrors: { email: expect.any(Array) } });
  });

  it("refuses a team of another council as if it did not exist", async () => {
    const a = await council();
    const b = await council();
    await expect(adminCreateUser(a.ctx, input({ teamId: b.team.id }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { teamId: ["Choose a team from the list"] } });
  });
});

describe("links to choose a password", () => {
  it("expire, and a newer link stops the older one working", async () => {
    const { ctx } = await council();
    const { userId, token: first } = await adminCreateUser(ctx, input());
    const second = await createPasswordLink(ctx, userId);
    expect(await checkPasswordLink(first)).toMatchObject({ ok: false });
    expect(await checkPasswordLink(second)).toMatchObject({ ok: true });
    const eightDays = new Date(Date.now() + 8 * 24 * 3_600_000);
    expect(await checkPasswordLink(second, eightDays)).toEqual({ ok: false, message: expect.stringMatching(/expired/) });
    await expect(setPasswordWithLink(second, "teapot river lantern", { now: eightDays })).rejects.toMatchObject({ message: expect.stringMatching(/expired/) });
  });

  it("do not work for another council, or once the account is switched off", async () => {
    const a = await council();
    const b = await council();
    const { userId, token } = await adminCreateUser(a.ctx, input());
    // the same secret presented as another council's link finds nothing
    const forged = `${b.tenant.id}.${token.split(".")[1]}`;
    expect(await checkPasswordLink(forged)).toMatchObject({ ok: false });
    expect(await checkPasswordLink("not-a-link")).toMatchObject({ ok: false });

    await updateUser(a.ctx, userId, { ...(await asEdit(a.ctx, userId)), active: false });
    expect(await checkPasswordLink(token)).toMatchObject({ ok: false });
    await expect(createPasswordLink(a.ctx, userId)).rejects.toMatchObject({ code: "REFUSED", message: expect.stringMatching(/switched off/) });
  });

  it("a reset link lets a locked-out user choose a new password and lifts the lock", async () => {
    const { tenant, ctx } = await council();
    const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    for (let i = 0; i < 5; i++) await signInWithPassword(worker.email, "wrong password", { ip: `10.0.0.${i}` });
    expect((await signInWithPassword(worker.email, TEST_PASSWORD, { ip: "10.0.1.1" })).ok).toBe(false);
    const token = await createPasswordLink(ctx, worker.id);
    await setPasswordWithLink(token, "kettle harbour violin");
    expect((await signInWithPassword(worker.email, "kettle harbour violin", { ip: "10.0.1.2" })).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("a session begun before a new password is chosen ends; one begun after works", async () => {
    const { tenant, ctx } = await council();
    const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    const signedIn = new Date(Date.now() - 60_000);
    expect(await loadSessionContext(tenant.id, worker.id, signedIn, SESSION)).toMatchObject({ userId: worker.id });
    await setPasswordWithLink(await createPasswordLink(ctx, worker.id), "kettle harbour violin");
    expect(await loadSessionContext(tenant.id, worker.id, signedIn, SESSION)).toBeNull();
    expect(await loadSessionContext(tenant.id, worker.id, new Date(Date.now() + 1000), SESSION)).toMatchObject({ userId: worker.id });
  });

  it("switched off and on again, the sessions from before stay ended", async () => {
    const { tenant, ctx } = await council();
    const worker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER" });
    const signedIn = new Date(Date.now() - 60_000);
    await updateUser(ctx, worker.id, { ...(await asEdit(ctx, worker.id)), active: false });
    await updateUser(ctx, worker.id, { ...(await asEdit(ctx, worker.id)), active: true });
    expect(await loadSessionContext(tenant.id, worker.id, signedIn, SESSION)).toBeNull();
    expect(await signInWithPassword(worker.email, TEST_PASSWORD, { ip: "10.0.4.1" })).toMatchObject({ ok: true });
  });
});

describe("changing a user", () => {
  it("saves the change and audits what changed, from and to", async () => {
    const { tenant, team, ctx } = await council();
    const { userId } = await adminCreateUser(ctx, input());
    const form = await asEdit(ctx, userId);
    await updateUser(ctx, userId, { ...form, role: "SENIOR_PRACTITIONER", teamId: team.id, fte: 0.8, employment: "AGENCY" });
    const after = await getUserForAdmin(ctx, userId);
    expect(after).toMatchObject({ role: "SENIOR_PRACTITIONER", teamId: team.id, fte: 0.8, employment: "AGENCY", sweRegistration: "SW123456" });
    const updated = (await auditOf(tenant.id, userId)).find((a) => a.action === "user.updated")!;
    expect(updated.details).toMatchObject({
      changes: { role: { from: "SOCIAL_WORKER", to: "SENIOR_PRACTITIONER" }, fte: { from: 1, to: 0.8 }, employment: { from: "PERMANENT", to: "AGENCY" }, teamId: { from: null, to: team.id } },
    });
    expect(Object.keys((updated.details as { changes: object }).changes).sort()).toEqual(["employment", "fte", "role", "teamId"]);
  });

  it("a second administrator's save over an older version is refused and nothing is overwritten", async () => {
    const { tenant, ctx } = await council();
    const other = ctxFor(await createUser(tenant.id, { role: "TENANT_ADMIN" }));
    const { userId } = await adminCreateUser(ctx, input());
    const mine = await asEdit(ctx, userId);
    const theirs = await asEdit(other, userId);
    await updateUser(other, userId, { ...theirs, fte: 0.5 });
    await expect(updateUser(ctx, userId, { ...mine, caseloadCap: 8 })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Someone else changed this user/) });
    expect(await getUserForAdmin(ctx, userId)).toMatchObject({ fte: 0.5, caseloadCap: null });
  });

  it("a changed email address is the one they sign in with", async () => {
    const { ctx } = await council();
    const { userId, token } = await adminCreateUser(ctx, input());
    await setPasswordWithLink(token, "teapot river lantern");
    const form = await asEdit(ctx, userId);
    const newEmail = `renamed.${Date.now()}@council.example`;
    await updateUser(ctx, userId, { ...form, email: newEmail });
    expect((await signInWithPassword(form.email, "teapot river lantern")).ok).toBe(false);
    expect((await signInWithPassword(newEmail, "teapot river lantern")).ok).toBe(true);
  });

  it("keeps the council's only administrator, and nobody switches off their own account", async () => {
    const { admin, ctx } = await council();
    const self = await asEdit(ctx, admin.id);
    await expect(updateUser(ctx, admin.id, { ...self, role: "HEAD_OF_SERVICE" })).rejects.toMatchObject({ fieldErrors: { role: [expect.stringMatching(/only tenant administrator/)] } });
    await expect(updateUser(ctx, admin.id, { ...self, active: false })).rejects.toMatchObject({ fieldErrors: { active: [expect.stringMatching(/your own account/)] } });
    expect(await getUserForAdmin(ctx, admin.id)).toMatchObject({ role: "TENANT_ADMIN", active: true });
  });

  it("refuses switching off a worker who still holds cases; once reallocated, they can be, and cannot sign in", async () => {
    const { tenant, team, ctx } = await council();
    const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
    const made = await createAllocatedCase(tenant.id, worker, "CHILD_IN_NEED", 2);
    const form = await asEdit(ctx, worker.id);
    await expect(updateUser(ctx, worker.id, { ...form, active: false })).rejects.toMatchObject({
      fieldErrors: { active: ["They still hold 1 open allocation to cases. Ask their team manager to reallocate them first, then switch the account off."] },
    });
    await withTenant(tenant.id, (tx) => tx.allocation.updateMany({ where: { tenantId: tenant.id, caseId: made.case.id }, data: { endDate: new Date(), endReason: "Moved team" } }));
    await updateUser(ctx, worker.id, { ...form, active: false });
    expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: false, code: "DISABLED" });
  });

  it("an administrator can unlock a locked-out account, audited", async () => {
    const { tenant, ctx } = await council();
    const worker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER" });
    for (let i = 0; i < 5; i++) await signInWithPassword(worker.email, "wrong password", { ip: `10.0.2.${i}` });
    expect(await signInWithPassword(worker.email, TEST_PASSWORD, { ip: "10.0.3.1" })).toMatchObject({ ok: false, code: "LOCKED" });
    await unlockUser(ctx, worker.id);
    expect(await signInWithPassword(worker.email, TEST_PASSWORD, { ip: "10.0.3.2" })).toMatchObject({ ok: true });
    expect((await auditOf(tenant.id, worker.id)).map((a) => a.action)).toContain("user.unlocked");
  });
});

describe("teams", () => {
  it("an administrator adds a team, audited; a second team of the same name is refused on the name", async () => {
    const { tenant, ctx } = await council();
    const { teamId } = await adminCreateTeam(ctx, { name: "Children in Care East", kind: "CHILDREN_IN_CARE" });
    const { userId } = await adminCreateUser(ctx, input({ teamId }));
    expect((await listTeamsOverview(ctx)).find((t) => t.id === teamId)).toEqual({ id: teamId, name: "Children in Care East", kind: "CHILDREN_IN_CARE", activeMembers: 1 });
    expect((await auditOf(tenant.id, teamId)).map((a) => a.action)).toEqual(["team.created"]);
    await expect(adminCreateTeam(ctx, { name: "Children in Care East", kind: "SOCIAL_WORK" })).rejects.toMatchObject({ fieldErrors: { name: [expect.stringMatching(/already has a team with this name/)] } });
    // a switched-off user no longer counts
    await updateUser(ctx, userId, { ...(await asEdit(ctx, userId)), active: false });
    expect((await listTeamsOverview(ctx)).find((t) => t.id === teamId)?.activeMembers).toBe(0);
  });

  it("another council may use the same name, and sees none of this council's teams", async () => {
    const a = await council();
    const b = await council();
    const { teamId } = await adminCreateTeam(a.ctx, { name: "Front Door", kind: "FRONT_DOOR" });
    await adminCreateTeam(b.ctx, { name: "Front Door", kind: "FRONT_DOOR" });
    expect((await listTeamsOverview(b.ctx)).map((t) => t.id)).not.toContain(teamId);
  });
});

describe("who may manage users", () => {
  it.each(ROLES.filter((r) => r !== "TENANT_ADMIN"))("a %s may not", async (role) => {
    const { tenant, admin } = await council();
    const someone = ctxFor(await createUser(tenant.id, { role: role as Role }));
    await expect(listUsersForAdmin(someone)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adminCreateUser(someone, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUserForAdmin(someone, admin.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPasswordLink(someone, admin.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unlockUser(someone, admin.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTeamsOverview(someone)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adminCreateTeam(someone, { name: "Shadow team", kind: "MIXED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an administrator of another council finds none of this council's users", async () => {
    const a = await council();
    const b = await council();
    const { userId } = await adminCreateUser(a.ctx, input());
    const form = await asEdit(a.ctx, userId);
    expect((await listUsersForAdmin(b.ctx)).map((u) => u.id)).not.toContain(userId);
    await expect(getUserForAdmin(b.ctx, userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateUser(b.ctx, userId, { ...form, role: "TENANT_ADMIN" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unlockUser(b.ctx, userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createPasswordLink(b.ctx, userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getUserForAdmin(a.ctx, userId)).toMatchObject({ role: "SOCIAL_WORKER" });
  });
});
