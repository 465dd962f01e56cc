// A child's identifiers and equality details for the CIN census and SSDA903
// (docs/decisions/0021-child-identifiers.md): the form's save is checked, audited, refused when stale,
// for a wrong UPN or one another child holds, and from another council or a role without person:edit.
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { getChildIdentifiersForEdit, IDENTIFIERS_CHANGED, saveChildIdentifiers, type IdentifiersConflict, type SaveIdentifiersInput } from "../../lib/data/child-identifiers";
import { restrictFamily } from "../../lib/data/restricted";
import { withTenant } from "../../lib/db/tenant";
import { addDays, formatDate, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { upnCheckLetter } from "../../lib/domain/identifiers";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; worker: TestUser; other: TestUser; manager: TestUser; head: TestUser; keyworker: TestUser; clinician: TestUser; admin: TestUser };

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id, { kind: "SOCIAL_WORK" });
  const otherTeam = await createTeam(tenant.id, { kind: "SOCIAL_WORK" });
  return {
    tenantId: tenant.id,
    worker: await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id }),
    other: await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: otherTeam.id }),
    manager: await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id }),
    head: await createUser(tenant.id, { role: "HEAD_OF_SERVICE" }),
    keyworker: await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id }),
    clinician: await createUser(tenant.id, { role: "CLINICIAN", teamId: team.id }),
    admin: await createUser(tenant.id, { role: "TENANT_ADMIN" }),
  };
}

let serial = 100;
/** A valid UPN nobody else in these tests has: the check letter worked out for 12 fresh characters. */
function freshUpn(): string {
  const rest = `9${String(serial++).padStart(10, "0")}7`;
  return `${upnCheckLetter(rest)}${rest}`;
}

/** A child in a family with an open case held by the council's team. */
async function makeChild(council: Council, overrides: { laChildId?: string | null; upn?: string | null; ethnicity?: string | null } = {}) {
  const { family, children } = await createFamily(council.tenantId, { children: [{ dateOfBirth: "2014-09-01" }] });
  const child = children[0]!;
  const c = await createCase(council.tenantId, { familyId: family.id, childIds: [child.id], teamId: council.worker.teamId, openedOn: "2025-01-10" });
  await allocate(council.tenantId, c.id, council.worker.id, "LEAD", "2025-01-10");
  if (Object.keys(overrides).length > 0) {
    await withTenant(council.tenantId, (tx) => tx.person.update({ where: { tenantId_id: { tenantId: council.tenantId, id: child.id } }, data: overrides }));
  }
  return { ...child, familyId: family.id, caseId: c.id, name: `${child.firstName} ${child.lastName}` };
}

const stored = (tenantId: string, personId: string) =>
  withTenant(tenantId, (tx) =>
    tx.person.findFirstOrThrow({ where: { tenantId, id: personId }, select: { ethnicity: true, upn: true, laChildId: true, sex: true, dateOfBirth: true, expectedDateOfBirth: true } }),
  );

const auditOf = (tenantId: string, personId: string) =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, personId, action: IDENTIFIERS_CHANGED }, orderBy: { id: "asc" } }));

/** The form as loaded, with some answers changed. */
async function formFor(ctx: Ctx, personId: string, answers: Partial<SaveIdentifiersInput> = {}): Promise<SaveIdentifiersInput> {
  const loaded = await getChildIdentifiersForEdit(ctx, personId);
  const v = loaded.values;
  return {
    personId,
    version: loaded.version,
    dateOfBirth: v.dateOfBirth,
    expectedDateOfBirth: v.expectedDateOfBirth,
    sex: v.sex,
    ethnicity: v.ethnicity ?? "NOBT",
    upn: v.upn ?? "",
    laChildId: v.laChildId ?? "",
    ...answers,
  };
}

let a: Council;
let b: Council;

beforeAll(async () => {
  a = await makeCouncil();
  b = await makeCouncil();
});

describe("changing a child's identifiers and equality details", () => {
  it("saves the changes, in capitals without spaces, and audits what changed", async () => {
    const child = await makeChild(a, { ethnicity: null, upn: null });
    const upn = freshUpn();
    const before = await stored(a.tenantId, child.id);
    const result = await saveChildIdentifiers(ctxFor(a.worker), await formFor(ctxFor(a.worker), child.id, { ethnicity: "MWBC", upn: ` ${upn.toLowerCase().slice(0, 5)} ${upn.slice(5)} `, sex: "M" }));
    expect(result.changes.map((c) => c.field)).toEqual(["sex", "ethnicity", "upn"]);
    expect(await stored(a.tenantId, child.id)).toMatchObject({ ethnicity: "MWBC", upn, sex: "M", laChildId: before.laChildId });
    const events = await auditOf(a.tenantId, child.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: a.worker.id, entityType: "person", entityId: child.id });
    expect(events[0]!.details).toMatchObject({ changes: { sex: { before: "F", after: "M" }, ethnicity: { before: null, after: "MWBC" }, upn: { before: null, after: upn } } });
    // opening the form is a view of the child's record
    const views = await withTenant(a.tenantId, (tx) => tx.auditEvent.count({ where: { tenantId: a.tenantId, personId: child.id, action: "person.viewed", actorId: a.worker.id } }));
    expect(views).toBeGreaterThan(0);
    // sent again unchanged: nothing written, nothing audited
    const again = await saveChildIdentifiers(ctxFor(a.worker), await formFor(ctxFor(a.worker), child.id));
    expect(again.changes).toEqual([]);
    expect(await auditOf(a.tenantId, child.id)).toHaveLength(1);
  });

  it("records the birth of an unborn child: the date of birth replaces the expected date", async () => {
    const child = await makeChild(a);
    await withTenant(a.tenantId, (tx) =>
      tx.person.update({ where: { tenantId_id: { tenantId: a.tenantId, id: child.id } }, data: { dateOfBirth: null, expectedDateOfBirth: fromIsoDate(addDays(todayInEngland(), 20)), sex: "U" } }),
    );
    const born = addDays(todayInEngland(), -1);
    await saveChildIdentifiers(ctxFor(a.manager), await formFor(ctxFor(a.manager), child.id, { dateOfBirth: born, sex: "F" }));
    expect(await stored(a.tenantId, child.id)).toMatchObject({ dateOfBirth: fromIsoDate(born), expectedDateOfBirth: null, sex: "F" });
  });

  it("refuses a UPN whose check letter is wrong, and an LA child id that is not letters and digits, writing nothing", async () => {
    const child = await makeChild(a, { ethnicity: null, upn: null });
    const upn = freshUpn();
    const wrong = `${upn[0] === "A" ? "B" : "A"}${upn.slice(1)}`;
    const form = await formFor(ctxFor(a.worker), child.id, { ethnicity: "WBRI", upn: wrong, laChildId: "WX 12-3" });
    await expect(saveChildIdentifiers(ctxFor(a.worker), form)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { upn: [expect.stringMatching(/check letter/)], laChildId: [expect.stringMatching(/letters and digits only/)] },
    });
    expect(await stored(a.tenantId, child.id)).toMatchObject({ ethnicity: null, upn: null });
    expect(await auditOf(a.tenantId, child.id)).toHaveLength(0);
  });

  it("refuses a UPN or LA child id another child of the council holds, naming them only to someone who may open their record", async () => {
    const holder = await makeChild(a, { upn: freshUpn() });
    const h = await stored(a.tenantId, holder.id);
    const child = await makeChild(a);
    const before = await stored(a.tenantId, child.id);
    const taken = saveChildIdentifiers(ctxFor(a.worker), await formFor(ctxFor(a.worker), child.id, { upn: h.upn!.toLowerCase(), laChildId: h.laChildId!.toLowerCase() }));
    await expect(taken).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        upn: [expect.stringContaining(`UPN ${h.upn} is already recorded for ${holder.name} (born ${formatDate("2014-09-01")}, LA child id ${h.laChildId})`)],
        laChildId: [expect.stringContaining(`is already recorded for ${holder.name}`)],
      },
    });
    expect(await stored(a.tenantId, child.id)).toEqual(before);

    // once the holder's family is restricted, a worker who may not open it is told only that such a record exists, and whom to ask
    await restrictFamily(ctxFor(a.head), { familyId: holder.familyId, reason: "A parent works for the council" });
    const other = await makeChild(a);
    const refused = await saveChildIdentifiers(ctxFor(a.other), await formFor(ctxFor(a.other), other.id, { upn: h.upn! })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { upn: [expect.stringMatching(/another child of the council, whose record is restricted\. This record is restricted\. If you need it for your work, ask/)] } });
    expect(JSON.stringify(refused)).not.toContain(holder.firstName);
  });

  it("gives one UPN to one child only, even when two are saved at the same moment", async () => {
    const [x, y] = [await makeChild(a), await makeChild(a)];
    const upn = freshUpn();
    const forms = [await formFor(ctxFor(a.worker), x.id, { upn }), await formFor(ctxFor(a.manager), y.id, { upn })];
    const results = await Promise.allSettled([saveChildIdentifiers(ctxFor(a.worker), forms[0]!), saveChildIdentifiers(ctxFor(a.manager), forms[1]!)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const holders = await withTenant(a.tenantId, (tx) => tx.person.count({ where: { tenantId: a.tenantId, upn } }));
    expect(holders).toBe(1);
  });

  it("refuses a save from a form loaded before someone else's change, showing theirs; sent again over it, it saves", async () => {
    const child = await makeChild(a, { ethnicity: null, upn: null });
    const mine = await formFor(ctxFor(a.worker), child.id, { ethnicity: "WIRI" });
    const theirUpn = freshUpn();
    await saveChildIdentifiers(ctxFor(a.manager), await formFor(ctxFor(a.manager), child.id, { ethnicity: "WBRI", upn: theirUpn }));

    const refused = (await saveChildIdentifiers(ctxFor(a.worker), mine).catch((e: unknown) => e)) as { code: string; message: string; details: IdentifiersConflict };
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect(refused.message).toContain(`Someone else changed ${child.name}'s details after you opened this page (${a.manager.name}`);
    expect(refused.details.conflict).toMatchObject({ values: { ethnicity: "WBRI", upn: theirUpn }, savedBy: a.manager.name });
    expect(await stored(a.tenantId, child.id)).toMatchObject({ ethnicity: "WBRI", upn: theirUpn });
    expect(await auditOf(a.tenantId, child.id)).toHaveLength(1);

    // having seen theirs, the worker sends theirs again over the newer version: it saves (the UPN they kept too)
    await saveChildIdentifiers(ctxFor(a.worker), { ...mine, upn: theirUpn, version: refused.details.conflict.version });
    expect(await stored(a.tenantId, child.id)).toMatchObject({ ethnicity: "WIRI", upn: theirUpn });
    expect(await auditOf(a.tenantId, child.id)).toHaveLength(2);
  });

  it("is for social workers and managers only, for children only", async () => {
    const child = await makeChild(a);
    const form = await formFor(ctxFor(a.worker), child.id, { ethnicity: "WBRI" });
    for (const user of [a.keyworker, a.clinician, a.admin]) {
      await expect(getChildIdentifiersForEdit(ctxFor(user), child.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveChildIdentifiers(ctxFor(user), form)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const adult = await withTenant(a.tenantId, (tx) => tx.familyMember.findFirstOrThrow({ where: { tenantId: a.tenantId, familyId: child.familyId, person: { kind: "ADULT" } }, select: { personId: true } }));
    await expect(getChildIdentifiersForEdit(ctxFor(a.worker), adult.personId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveChildIdentifiers(ctxFor(a.worker), { ...form, personId: adult.personId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot be seen or changed from another council, which learns nothing of the child", async () => {
    const child = await makeChild(a, { ethnicity: null });
    const before = await stored(a.tenantId, child.id);
    const form = await formFor(ctxFor(a.worker), child.id, { ethnicity: "WBRI" });
    for (const user of [b.worker, b.head]) {
      await expect(getChildIdentifiersForEdit(ctxFor(user), child.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveChildIdentifiers(ctxFor(user), form)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await stored(a.tenantId, child.id)).toEqual(before);
    expect(await auditOf(a.tenantId, child.id)).toHaveLength(0);
    const seenFromB = await withTenant(b.tenantId, (tx) => tx.auditEvent.count({ where: { personId: child.id } }));
    expect(seenFromB).toBe(0);
  });
});
