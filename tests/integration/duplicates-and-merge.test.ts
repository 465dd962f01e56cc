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

const d = fromIsoDate;

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

describe("merging records whose plans, care or referrals overlap", () => {
  type Kind = "cp" | "cin" | "care" | "referral";
  /** Amy (kept) and Amie (the duplicate), each in a family and case of her own. */
  async function twoRecords() {
    const a = await council();
    const t = a.tenantId;
    const first = await createFamily(t, { children: [{ firstName: "Amy", lastName: "Roe", dateOfBirth: "2016-04-03" }] });
    const second = await createFamily(t, { children: [{ firstName: "Amie", lastName: "Roe", dateOfBirth: "2016-04-03" }] });
    const keep = first.children[0]!.id;
    const dup = second.children[0]!.id;
    const keepCase = await createCase(t, { familyId: first.family.id, childIds: [keep], teamId: a.teamId, openedOn: "2023-01-01" });
    const dupCase = await createCase(t, { familyId: second.family.id, childIds: [dup], teamId: a.teamId, openedOn: "2023-01-01" });
    return { ...a, keep, dup, keepCase, dupCase };
  }
  type Records = Awaited<ReturnType<typeof twoRecords>>;

  /** One record of a kind for the child on their case, from `start` to `end` (open without). */
  async function give(r: Records, kind: Kind, who: "keep" | "dup", start: string, end: string | null = null) {
    const t = r.tenantId;
    const personId = r[who];
    const caseId = (who === "keep" ? r.keepCase : r.dupCase).id;
    const dates = { startDate: d(start), endDate: end ? d(end) : null };
    await withTenant(t, async (tx) => {
      if (kind === "cp") await tx.cpPlan.create({ data: { tenantId: t, personId, caseId, ...dates, initialCategory: "NEG", latestCategory: "NEG", recordedById: r.worker.id } });
      if (kind === "cin") await tx.cinPlan.create({ data: { tenantId: t, personId, caseId, ...dates, recordedById: r.worker.id } });
      if (kind === "care") {
        const period = await tx.carePeriod.create({ data: { tenantId: t, personId, caseId, ...dates, reasonEnded: end ? "E11" : null, categoryOfNeed: "N1" } });
        await tx.careEpisode.create({ data: { tenantId: t, carePeriodId: period.id, personId, ...dates, legalStatus: "C2", reasonNewEpisode: "S", place: "U1", provider: "PR1" } });
      }
      if (kind === "referral") {
        await tx.cinEpisode.create({ data: { tenantId: t, personId, caseId, referralDate: d(start), referralSource: "2A", closureDate: end ? d(end) : null, closureReason: end ? "RC7" : null } });
      }
    });
  }

  /** Everything either record holds, and whether either was merged: the same before and after a refusal. */
  const state = (r: Records) =>
    withTenant(r.tenantId, async (tx) => {
      const t = r.tenantId;
      const of = (personId: string) =>
        tx.$queryRaw<{ table: string; ids: string[] }[]>`
          SELECT 'cp_plan' AS table, array_agg(id::text ORDER BY id) AS ids FROM cp_plan WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid
          UNION ALL SELECT 'cin_plan', array_agg(id::text ORDER BY id) FROM cin_plan WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid
          UNION ALL SELECT 'care_period', array_agg(id::text ORDER BY id) FROM care_period WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid
          UNION ALL SELECT 'care_episode', array_agg(id::text ORDER BY id) FROM care_episode WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid
          UNION ALL SELECT 'cin_episode', array_agg(id::text ORDER BY id) FROM cin_episode WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid
          UNION ALL SELECT 'case_child', array_agg(case_id::text ORDER BY case_id) FROM case_child WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid
          UNION ALL SELECT 'family_member', array_agg(family_id::text ORDER BY family_id) FROM family_member WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid`;
      return {
        keep: await of(r.keep),
        dup: await of(r.dup),
        people: await tx.person.findMany({ where: { tenantId: t, id: { in: [r.keep, r.dup] } }, select: { id: true, mergedIntoId: true, upn: true, laChildId: true }, orderBy: { id: "asc" } }),
        merges: await tx.personMerge.count({ where: { tenantId: t } }),
        audited: await tx.auditEvent.count({ where: { tenantId: t, action: { in: ["person.merged", "person.merged_away"] } } }),
      };
    });

  const cases: { kind: Kind; keep: [string, string | null]; dup: [string, string | null]; says: (r: Records) => string }[] = [
    {
      kind: "cp",
      keep: ["2025-05-01", null],
      dup: ["2025-09-01", "2026-01-10"],
      says: () => "Amy Roe's child protection plan from 1 May 2025 (not ended) overlaps Amie Roe's from 1 Sept 2025 to 10 Jan 2026: they overlap from 1 Sept 2025 until 10 Jan 2026.",
    },
    {
      kind: "cin",
      keep: ["2025-01-01", "2025-06-01"],
      dup: ["2025-05-01", null],
      says: () => "Amy Roe's child in need plan from 1 Jan 2025 to 1 Jun 2025 overlaps Amie Roe's from 1 May 2025 (not ended): they overlap from 1 May 2025 until 1 Jun 2025.",
    },
    {
      kind: "care",
      keep: ["2024-01-01", null],
      dup: ["2025-02-01", "2025-08-01"],
      says: () => "Amy Roe's period of care from 1 Jan 2024 (not ended) overlaps Amie Roe's from 1 Feb 2025 to 1 Aug 2025: they overlap from 1 Feb 2025 until 1 Aug 2025.",
    },
    {
      kind: "referral",
      keep: ["2025-03-01", null],
      dup: ["2025-06-01", "2025-12-01"],
      says: (r) =>
        `Amy Roe's referral of 1 Mar 2025 on case ${r.keepCase.reference} (still open) overlaps Amie Roe's of 1 Jun 2025 on case ${r.dupCase.reference} (closed 1 Dec 2025): they overlap from 1 Jun 2025 until 1 Dec 2025.`,
    },
  ];

  it.each(cases)("refuses overlapping $kind records before anything is written, saying which overlap and what to do; the page shows it first", async ({ kind, keep, dup, says }) => {
    const r = await twoRecords();
    await give(r, kind, "keep", ...keep);
    await give(r, kind, "dup", ...dup);
    const before = await state(r);

    // the preview shows the overlap before the manager gives a reason
    const page = await getMergePage(ctxFor(r.manager), r.keep, r.dup);
    expect(page.conflicts).toHaveLength(1);
    expect(page.conflicts[0]).toMatchObject({ kept: { startDate: keep[0], endDate: keep[1] }, merged: { startDate: dup[0], endDate: dup[1] } });

    const refused = await mergePeople(ctxFor(r.manager), { survivorId: r.keep, mergedId: r.dup, reason: "Same child" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "REFUSED", details: { kept: { id: r.keep, name: "Amy Roe" }, merged: { id: r.dup, name: "Amie Roe" }, conflicts: [expect.objectContaining({ kind: page.conflicts[0]!.kind })] } });
    const message = (refused as Error).message;
    expect(message).toMatch(/^Amie Roe's record cannot be merged into Amy Roe's yet: .* Nothing has been changed\./);
    expect(message).toContain(says(r));
    expect(message).toContain("First end or correct one of each overlapping pair so that they no longer overlap, usually the one on Amie Roe's record");
    // nothing moved: both records hold what they held, neither is merged, no merge recorded
    expect(await state(r)).toEqual(before);
    expect(before.people.every((p) => p.mergedIntoId === null)).toBe(true);
    expect(before.merges + before.audited).toBe(0);
  });

  it("refuses a placement episode overlap only through its period of care, and lists every overlap at once", async () => {
    const r = await twoRecords();
    for (const kind of ["cp", "care"] as const) {
      await give(r, kind, "keep", "2025-01-01");
      await give(r, kind, "dup", "2025-03-01");
    }
    const refused = await mergePeople(ctxFor(r.manager), { survivorId: r.keep, mergedId: r.dup, reason: "Same child" }).catch((e: unknown) => e);
    expect((refused as { details: { conflicts: { kind: string }[] } }).details.conflicts.map((c) => c.kind)).toEqual(["CP_PLAN", "CARE_PERIOD"]);
    expect((refused as Error).message).toContain("each holds a child protection plan and a period of care for the same dates");
    expect((refused as Error).message).not.toContain("placement episode");
  });

  it("merges histories that follow one another (each ended the day the other began), moving every plan, period of care and referral", async () => {
    const r = await twoRecords();
    for (const kind of ["cp", "cin", "care", "referral"] as const) {
      await give(r, kind, "dup", "2024-01-01", "2024-06-01");
      await give(r, kind, "keep", "2024-06-01");
    }
    expect((await getMergePage(ctxFor(r.manager), r.keep, r.dup)).conflicts).toEqual([]);
    const { moved } = await mergePeople(ctxFor(r.manager), { survivorId: r.keep, mergedId: r.dup, reason: "Same child: care history split across two records" });
    expect(moved).toMatchObject({ "cp_plan.person_id": 1, "cin_plan.person_id": 1, "care_period.person_id": 1, "care_episode.person_id": 1, "cin_episode.person_id": 1 });
    const after = await state(r);
    expect(Object.fromEntries(after.keep.map((row) => [row.table, row.ids.length]))).toEqual({ cp_plan: 2, cin_plan: 2, care_period: 2, care_episode: 2, cin_episode: 2, case_child: 2, family_member: 2 });
    expect(after.dup.every((row) => row.ids === null)).toBe(true);
    expect(after.people.find((p) => p.id === r.dup)!.mergedIntoId).toBe(r.keep);
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
