// Duplicate prevention and merging: likely matches are found before a record is created, and a merge
// moves every part of a duplicate's history to the surviving record in one transaction.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listRecordAccess } from "../../lib/data/audit-log";
import { getChildChronology } from "../../lib/data/chronology";
import { findLikelyDuplicates } from "../../lib/data/duplicates";
import { getMergePage, mergedInto, mergePeople } from "../../lib/data/merge";
import { getPersonForView } from "../../lib/data/people";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate } from "../../lib/domain/dates";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor } from "../support/factories";

async function council() {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const manager = await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id });
  return { tenantId: tenant.id, teamId: team.id, worker, manager };
}

describe("likely duplicates", () => {
  it("finds the same child by close name and date of birth, swapped day and month, or identifier — never across councils", async () => {
    const a = await council();
    const { children } = await createFamily(a.tenantId, { children: [{ firstName: "Jonathan", lastName: "Smith", dateOfBirth: "2015-03-12" }] });
    const existing = children[0]!.id;
    const la = await withTenant(a.tenantId, (tx) => tx.person.findFirstOrThrow({ where: { tenantId: a.tenantId, id: existing }, select: { laChildId: true } }));
    const ids = async (p: Parameters<typeof findLikelyDuplicates>[1]) => (await findLikelyDuplicates(ctxFor(a.worker), p)).map((d) => d.id);
    expect(await ids({ firstName: "Jon", lastName: "Smith", dateOfBirth: "2015-03-12" })).toEqual([existing]);
    expect(await ids({ firstName: "Jonathon", lastName: "Smyth", dateOfBirth: "2015-12-03" })).toEqual([existing]);
    expect(await ids({ firstName: "Anyone", lastName: "Else", laChildId: la.laChildId })).toEqual([existing]);
    expect(await ids({ firstName: "John", lastName: "Smith", dateOfBirth: "2010-01-01" })).toEqual([]);
    expect(await ids({ firstName: "Priya", lastName: "Patel", dateOfBirth: "2015-03-12" })).toEqual([]);
    const [match] = await findLikelyDuplicates(ctxFor(a.worker), { firstName: "Jon", lastName: "Smith", dateOfBirth: "2015-03-12" });
    expect(match!.reasons).toEqual(["same date of birth", "similar name"]);

    const b = await council();
    expect(await findLikelyDuplicates(ctxFor(b.worker), { firstName: "Jonathan", lastName: "Smith", dateOfBirth: "2015-03-12", laChildId: la.laChildId })).toEqual([]);
  });
});

describe("merging two records of one child", () => {
  it("moves contacts, referrals, visits, cases, family membership and relationships to the survivor; the duplicate redirects; the merge is audited", async () => {
    const a = await council();
    const t = a.tenantId;
    // the survivor, with a case
    const first = await createFamily(t, { children: [{ firstName: "Amy", lastName: "Roe", dateOfBirth: "2016-04-03" }] });
    const survivorId = first.children[0]!.id;
    const case1 = await createCase(t, { familyId: first.family.id, childIds: [survivorId], teamId: a.teamId });
    await allocate(t, case1.id, a.worker.id);
    // the duplicate, in another family, with its own case, contact, referral and visit
    const second = await createFamily(t, { children: [{ firstName: "Amie", lastName: "Roe", dateOfBirth: "2016-03-04" }] });
    const duplicateId = second.children[0]!.id;
    const case2 = await createCase(t, { familyId: second.family.id, childIds: [duplicateId], teamId: a.teamId });
    await withTenant(t, async (tx) => {
      const contact = await tx.contact.create({ data: { tenantId: t, receivedOn: fromIsoDate("2026-01-05"), source: "2A", reason: "School concern", recordedById: a.worker.id, idempotencyKey: randomUUID() } });
      await tx.contactChild.create({ data: { tenantId: t, contactId: contact.id, personId: duplicateId } });
      await tx.cinEpisode.create({ data: { tenantId: t, personId: duplicateId, caseId: case2.id, contactId: contact.id, referralDate: fromIsoDate("2026-01-05"), referralSource: "2A" } });
      const visit = await tx.visit.create({ data: { tenantId: t, caseId: case2.id, visitedAt: new Date("2026-01-20T10:00:00Z"), type: "HOME", note: "Seen", recordedById: a.worker.id, idempotencyKey: randomUUID() } });
      await tx.visitChild.create({ data: { tenantId: t, visitId: visit.id, personId: duplicateId, seenAlone: false } });
    });
    // someone looked at the duplicate before the merge
    await getPersonForView(ctxFor(a.worker), duplicateId);

    const page = await getMergePage(ctxFor(a.manager), survivorId);
    expect(page.candidates.map((c) => c.person.id)).toEqual([duplicateId]);

    const { moved } = await mergePeople(ctxFor(a.manager), { survivorId, mergedId: duplicateId, reason: "Same child: school and GP records match" });
    expect(moved).toMatchObject({ "case_child.person_id": 1, "contact_child.person_id": 1, "cin_episode.person_id": 1, "visit_child.person_id": 1, "family_member.person_id": 1 });

    const survivor = await getPersonForView(ctxFor(a.worker), survivorId);
    expect(survivor.cases.map((c) => c.id).sort()).toEqual([case1.id, case2.id].sort());
    expect(survivor.families.map((f) => f.id).sort()).toEqual([first.family.id, second.family.id].sort());
    const chronology = await getChildChronology(ctxFor(a.worker), survivorId);
    expect(chronology.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["referral", "visit", "contact"]));
    expect(await mergedInto(ctxFor(a.worker), duplicateId)).toBe(survivorId);
    const access = await listRecordAccess(ctxFor(a.manager), survivorId);
    expect(access.events.map((e) => e.action)).toEqual(expect.arrayContaining(["person.merged", "person.viewed"]));
    expect((await getMergePage(ctxFor(a.manager), survivorId)).history).toEqual([expect.objectContaining({ mergedId: duplicateId, reason: "Same child: school and GP records match", by: a.manager.name })]);
    const record = await withTenant(t, (tx) => tx.personMerge.findFirstOrThrow({ where: { tenantId: t, mergedId: duplicateId }, select: { survivorId: true, mergedById: true } }));
    expect(record).toEqual({ survivorId, mergedById: a.manager.id });
  });

  it("copes with both records on the same case and visit", async () => {
    const a = await council();
    const t = a.tenantId;
    const { family, children } = await createFamily(t, { children: [{ firstName: "Sam", lastName: "Lee", dateOfBirth: "2014-01-01" }, { firstName: "Samuel", lastName: "Lee", dateOfBirth: "2014-01-01" }] });
    const [keep, dup] = children.map((c) => c.id) as [string, string];
    const c = await createCase(t, { familyId: family.id, childIds: [keep, dup], teamId: a.teamId });
    await withTenant(t, async (tx) => {
      const visit = await tx.visit.create({ data: { tenantId: t, caseId: c.id, visitedAt: new Date(), type: "HOME", note: "Both seen", recordedById: a.worker.id, idempotencyKey: randomUUID() } });
      await tx.visitChild.createMany({ data: [keep, dup].map((personId) => ({ tenantId: t, visitId: visit.id, personId })) });
    });
    await mergePeople(ctxFor(a.manager), { survivorId: keep, mergedId: dup, reason: "Recorded twice at the front door" });
    const rows = await withTenant(t, async (tx) => ({
      caseChildren: await tx.caseChild.findMany({ where: { tenantId: t, caseId: c.id }, select: { personId: true } }),
      visitChildren: await tx.visitChild.count({ where: { tenantId: t, personId: keep } }),
    }));
    expect(rows).toEqual({ caseChildren: [{ personId: keep }], visitChildren: 1 });
  });

  it("is refused for practitioners, for a child with an adult, twice, and across councils", async () => {
    const a = await council();
    const { children, adults } = await createFamily(a.tenantId, { children: [{}, {}], adults: 1 });
    await expect(mergePeople(ctxFor(a.worker), { survivorId: children[0]!.id, mergedId: children[1]!.id, reason: "r" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mergePeople(ctxFor(a.manager), { survivorId: children[0]!.id, mergedId: adults[0]!.id, reason: "r" })).rejects.toMatchObject({ code: "REFUSED" });
    await mergePeople(ctxFor(a.manager), { survivorId: children[0]!.id, mergedId: children[1]!.id, reason: "r" });
    await expect(mergePeople(ctxFor(a.manager), { survivorId: children[0]!.id, mergedId: children[1]!.id, reason: "r" })).rejects.toMatchObject({ code: "REFUSED" });
    const b = await council();
    const theirs = await createFamily(b.tenantId);
    await expect(mergePeople(ctxFor(a.manager), { survivorId: children[0]!.id, mergedId: theirs.children[0]!.id, reason: "r" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMergePage(ctxFor(a.manager), theirs.children[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("duplicate prevention at the front door", () => {
  const contactFor = (child: { firstName: string; lastName: string; dateOfBirth: string; existingPersonId?: string; newPersonReason?: string }) => ({
    idempotencyKey: randomUUID(),
    receivedOn: "2026-11-02",
    source: "2A",
    reason: "School concern",
    newFamily: { name: "Roe", postcode: "KM1 1AA", children: [{ sex: "F" as const, expectedDateOfBirth: null, ...child }] },
  });

  it("shows the likely existing record before creating one, then reuses it or records why a new one is needed", async () => {
    const { recordContact } = await import("../../lib/data/front-door");
    const a = await council();
    const { children } = await createFamily(a.tenantId, { children: [{ firstName: "Amelia", lastName: "Roe", dateOfBirth: "2016-04-03" }] });
    const existing = children[0]!.id;

    const refused = recordContact(ctxFor(a.worker), contactFor({ firstName: "Amelie", lastName: "Roe", dateOfBirth: "2016-04-03" }));
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", details: { duplicates: { 0: [expect.objectContaining({ id: existing })] } } });
    expect(await withTenant(a.tenantId, (tx) => tx.contact.count({ where: { tenantId: a.tenantId } }))).toBe(0);

    const reused = await recordContact(ctxFor(a.worker), contactFor({ firstName: "Amelie", lastName: "Roe", dateOfBirth: "2016-04-03", existingPersonId: existing }));
    const linked = await withTenant(a.tenantId, (tx) => tx.contactChild.findMany({ where: { tenantId: a.tenantId, contactId: reused.contactId }, select: { personId: true } }));
    expect(linked).toEqual([{ personId: existing }]);

    const confirmed = await recordContact(ctxFor(a.worker), contactFor({ firstName: "Amelie", lastName: "Roe", dateOfBirth: "2016-04-03", newPersonReason: "Different parents and school: a cousin" }));
    const created = await withTenant(a.tenantId, (tx) => tx.contactChild.findFirstOrThrow({ where: { tenantId: a.tenantId, contactId: confirmed.contactId }, select: { personId: true } }));
    expect(created.personId).not.toBe(existing);
    const audit = await withTenant(a.tenantId, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "person.created", personId: created.personId }, select: { details: true, actorId: true } }));
    expect(audit).toEqual({ actorId: a.worker.id, details: expect.objectContaining({ newDespiteLikelyMatch: "Different parents and school: a cousin" }) });
  });

  it("never matches a child in another council", async () => {
    const { recordContact } = await import("../../lib/data/front-door");
    const a = await council();
    await createFamily(a.tenantId, { children: [{ firstName: "Zara", lastName: "Quinn", dateOfBirth: "2017-07-07" }] });
    const b = await council();
    const result = await recordContact(ctxFor(b.worker), contactFor({ firstName: "Zara", lastName: "Quinn", dateOfBirth: "2017-07-07" }));
    expect(result.created).toBe(true);
    // and choosing council A's child by id is refused
    const theirs = await withTenant(a.tenantId, (tx) => tx.person.findFirstOrThrow({ where: { tenantId: a.tenantId, firstName: "Zara" }, select: { id: true } }));
    await expect(recordContact(ctxFor(b.worker), contactFor({ firstName: "Zara", lastName: "Quinn", dateOfBirth: "2017-07-07", existingPersonId: theirs.id }))).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
