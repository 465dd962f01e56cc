// Signing in: clear refusals, lock-out after repeated failures, and an audit trail of both.
import { describe, expect, it } from "vitest";
import { loadSessionContext, recordSignOut, signInWithPassword } from "../../lib/data/auth";
import { withTenant } from "../../lib/db/tenant";
import { createTenant, createUser, TEST_PASSWORD } from "../support/factories";

/** a session id, as each sign-in gets one */
const SESSION = "5e5510e0-0000-4000-8000-000000000001";

const auditActions = (tenantId: string, userId: string) =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, entityId: userId }, orderBy: { id: "asc" }, select: { action: true, details: true } }));

describe("signInWithPassword", () => {
  it("signs in with the right password and carries user, council and role", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "TEAM_MANAGER" });
    const result = await signInWithPassword(user.email.toUpperCase(), TEST_PASSWORD, { ip: "10.0.0.1" });
    expect(result).toEqual({ ok: true, user: { id: user.id, tenantId: tenant.id, role: "TEAM_MANAGER", name: user.name, email: user.email } });
    expect((await auditActions(tenant.id, user.id)).map((e) => e.action)).toEqual(["auth.signed_in"]);
  });

  it("gives the same clear message for a wrong password and an unknown address", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    const wrong = await signInWithPassword(user.email, "not the password", { ip: "10.0.0.2" });
    const unknown = await signInWithPassword("nobody@nowhere.example", TEST_PASSWORD, { ip: "10.0.0.2" });
    expect(wrong).toMatchObject({ ok: false, code: "INVALID" });
    expect(unknown).toEqual(wrong);
    expect(wrong.ok === false && wrong.message).toMatch(/email address or password is not right/);
  });

  it("locks the account after five failures, refuses even the right password while locked, audits the lock, and unlocks after the lock time", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    const start = new Date();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await signInWithPassword(user.email, `wrong-${i}`, { ip: "10.0.0.3", now: start }));
    expect(results.slice(0, 4).map((r) => r.ok === false && r.code)).toEqual(["INVALID", "INVALID", "INVALID", "INVALID"]);
    expect(results[4]).toMatchObject({ ok: false, code: "LOCKED" });
    expect(results[4]!.ok === false && results[4]!.message).toMatch(/locked after too many failed sign-in attempts/);

    const whileLocked = await signInWithPassword(user.email, TEST_PASSWORD, { ip: "10.0.0.3", now: new Date(start.getTime() + 10 * 60_000) });
    expect(whileLocked).toMatchObject({ ok: false, code: "LOCKED" });

    const events = await auditActions(tenant.id, user.id);
    expect(events.map((e) => e.action)).toEqual([
      "auth.sign_in_failed",
      "auth.sign_in_failed",
      "auth.sign_in_failed",
      "auth.sign_in_failed",
      "auth.sign_in_failed",
      "auth.account_locked",
      "auth.sign_in_refused",
    ]);
    expect(events[5]!.details).toMatchObject({ failedCount: 5 });

    const later = await signInWithPassword(user.email, TEST_PASSWORD, { ip: "10.0.0.3", now: new Date(start.getTime() + 31 * 60_000) });
    expect(later).toMatchObject({ ok: true });
  });

  it("uses the council's own lock-out setting", async () => {
    const tenant = await createTenant({ settings: { security: { lockAfterFailedSignIns: 3, lockMinutes: 60 } } });
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await signInWithPassword(user.email, "nope", { ip: "10.0.0.4" })) as { code?: string });
    expect(codes.map((c) => c.code)).toEqual(["INVALID", "INVALID", "LOCKED"]);
  });

  it("refuses a switched-off account, and its existing session stops working", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER", active: false });
    expect(await signInWithPassword(user.email, TEST_PASSWORD, { ip: "10.0.0.5" })).toMatchObject({ ok: false, code: "DISABLED" });
    expect(await loadSessionContext(tenant.id, user.id, new Date(), SESSION)).toBeNull();
  });

  it("says an account is switched off only to someone with its password; a wrong one gets the unknown address's answer", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER", active: false });
    const wrong = await signInWithPassword(user.email, "not the password", { ip: "10.0.0.6" });
    const unknown = await signInWithPassword("nobody-at-all@nowhere.example", "not the password", { ip: "10.0.0.6" });
    expect(wrong).toEqual({ ok: false, code: "INVALID", message: expect.stringMatching(/email address or password is not right/) });
    expect(wrong).toEqual(unknown);
    expect(JSON.stringify(wrong)).not.toMatch(/switched off/i);

    // many wrong passwords neither lock it (the lock message would give it away) nor change the answer
    for (let i = 0; i < 6; i++) expect(await signInWithPassword(user.email, `wrong-${i}`, { ip: "10.0.0.6" })).toEqual(unknown);
    const right = await signInWithPassword(user.email, TEST_PASSWORD, { ip: "10.0.0.6" });
    expect(right).toMatchObject({ ok: false, code: "DISABLED", message: expect.stringMatching(/switched off/) });

    const row = await withTenant(tenant.id, (tx) => tx.user.findFirstOrThrow({ where: { tenantId: tenant.id, id: user.id }, select: { failedLoginCount: true, lockedUntil: true } }));
    expect(row).toEqual({ failedLoginCount: 0, lockedUntil: null });
    const events = await auditActions(tenant.id, user.id);
    expect(events.map((e) => e.action)).toEqual([...Array(7).fill("auth.sign_in_failed"), "auth.sign_in_refused"]);
    expect(events.map((e) => e.details)).toEqual([...Array(7).fill({ reason: "disabled", ip: "10.0.0.6" }), { reason: "disabled", ip: "10.0.0.6" }]);
  });

  it("a switched-off account that was locked before still answers a wrong password like an unknown address", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    for (let i = 0; i < 5; i++) await signInWithPassword(user.email, `wrong-${i}`, { ip: "10.0.0.7" });
    await withTenant(tenant.id, (tx) => tx.user.update({ where: { tenantId_id: { tenantId: tenant.id, id: user.id } }, data: { active: false } }));
    expect(await signInWithPassword(user.email, "still wrong", { ip: "10.0.0.7" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await signInWithPassword(user.email, TEST_PASSWORD, { ip: "10.0.0.7" })).toMatchObject({ ok: false, code: "DISABLED" });
  });

  it("throttles an address that keeps failing, whichever accounts it tries", async () => {
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await signInWithPassword("stuffing@nowhere.example", "guess", { ip: "10.9.9.9" }));
    expect(results.at(-1)).toMatchObject({ ok: false, code: "THROTTLED" });
  });

  it("signing out ends that session on the server, not the person's other sessions, and is audited", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    const laptop = "5e5510e0-0000-4000-8000-0000000000aa";
    const phone = "5e5510e0-0000-4000-8000-0000000000bb";
    const signedIn = new Date(Date.now() - 60_000);
    expect(await loadSessionContext(tenant.id, user.id, signedIn, laptop)).toMatchObject({ userId: user.id });
    await recordSignOut(tenant.id, user.id, laptop, new Date(Date.now() + 3_600_000));
    // a copy of the laptop's token kept from before is refused; the phone carries on
    expect(await loadSessionContext(tenant.id, user.id, signedIn, laptop)).toBeNull();
    expect(await loadSessionContext(tenant.id, user.id, signedIn, phone)).toMatchObject({ userId: user.id });
    // a token without a session id (from before they had one) is refused too
    expect(await loadSessionContext(tenant.id, user.id, signedIn, "")).toBeNull();
    // signing out twice (two tabs) is fine
    await recordSignOut(tenant.id, user.id, laptop, new Date(Date.now() + 3_600_000));
    expect((await auditActions(tenant.id, user.id)).filter((a) => a.action === "auth.signed_out")).toHaveLength(2);
    // another council's session of the same id is not ended by it
    const other = await createTenant();
    const otherUser = await createUser(other.id, { role: "SOCIAL_WORKER" });
    expect(await loadSessionContext(other.id, otherUser.id, signedIn, laptop)).toMatchObject({ userId: otherUser.id });
  });

  it("re-reads the role on every request, so a change applies at once", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    await withTenant(tenant.id, (tx) => tx.user.update({ where: { tenantId_id: { tenantId: tenant.id, id: user.id } }, data: { role: "SENIOR_PRACTITIONER" } }));
    expect(await loadSessionContext(tenant.id, user.id, new Date(), SESSION)).toMatchObject({ role: "SENIOR_PRACTITIONER", tenantId: tenant.id });
  });
});
