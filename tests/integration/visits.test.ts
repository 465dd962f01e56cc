// Recording visits: one visit per form however often it is sent, only the case's children, only open
// cases, and another council's cases and visits are never reachable.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listVisitsForCase, recordVisit, type RecordVisitInput } from "../../lib/data/visits";
import { withTenant } from "../../lib/db/tenant";
import { addDays, todayInEngland } from "../../lib/domain/dates";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; worker: TestUser; keyworker: TestUser; caseId: string; childIds: string[] };

/** An open case with `children` children, opened a week ago (so visits an hour ago fit, even just after midnight). */
async function openCase(tenantId: string, worker: TestUser, children: number) {
  const { family, children: kids } = await createFamily(tenantId, { children: Array.from({ length: children }, () => ({})) });
  const c = await createCase(tenantId, { familyId: family.id, childIds: kids.map((k) => k.id), openedOn: addDays(todayInEngland(), -7), teamId: worker.teamId });
  await allocate(tenantId, c.id, worker.id, "LEAD", addDays(todayInEngland(), -7));
  return { case: c, children: kids };
}

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const keyworker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id });
  const made = await openCase(tenant.id, worker, 2);
  return { tenantId: tenant.id, worker, keyworker, caseId: made.case.id, childIds: made.children.map((c) => c.id) };
}

let a: Council;
let b: Council;

beforeAll(async () => {
  a = await makeCouncil();
  b = await makeCouncil();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

function visitOn(council: Council, overrides: Partial<RecordVisitInput> = {}): RecordVisitInput {
  return {
    caseId: council.caseId,
    idempotencyKey: randomUUID(),
    visitedAt: minutesAgo(30),
    type: "HOME",
    children: [
      { personId: council.childIds[0]!, seenAlone: true },
      { personId: council.childIds[1]!, seenAlone: false },
    ],
    othersPresent: "Mum and Gran",
    note: "Home warm and tidy; Mum managing the school run. Amy talked about her new friends.",
    wishesAndFeelings: "I want Gran to keep picking me up.",
    significant: true,
    ...overrides,
  };
}

async function visitsWithKey(tenantId: string, key: string) {
  return withTenant(tenantId, (tx) => tx.visit.count({ where: { tenantId, idempotencyKey: key } }));
}

describe("recording a visit", () => {
  it("records who was seen and alone, who else was there, the note and the child's words, and audits it", async () => {
    const input = visitOn(a, { visitedAt: new Date("2020-01-01T00:00:00Z") });
    // a case opened last week cannot have been visited years ago
    await expect(recordVisit(ctxFor(a.keyworker), input)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { visitDate: [expect.stringMatching(/on or after the day the case was opened/)] } });

    const visitedAt = minutesAgo(45);
    visitedAt.setSeconds(0, 0);
    const saved = await recordVisit(ctxFor(a.keyworker), { ...input, visitedAt });
    expect(saved).toMatchObject({ caseId: a.caseId, created: true });

    const { visits } = await listVisitsForCase(ctxFor(a.worker), a.caseId);
    const visit = visits.find((v) => v.id === saved.visitId)!;
    expect(visit).toMatchObject({
      visitedAt: visitedAt.toISOString(),
      type: "HOME",
      othersPresent: "Mum and Gran",
      note: input.note,
      wishesAndFeelings: "I want Gran to keep picking me up.",
      significant: true,
      recordedBy: a.keyworker.name,
    });
    expect(Object.fromEntries(visit.children.map((c) => [c.id, c.seenAlone]))).toEqual({ [a.childIds[0]!]: true, [a.childIds[1]!]: false });

    const audit = await withTenant(a.tenantId, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: a.tenantId, action: "visit.recorded", entityId: saved.visitId }, select: { actorId: true, caseId: true } }),
    );
    expect(audit).toEqual([{ actorId: a.keyworker.id, caseId: a.caseId }]);
  });

  it("records a visit where no child was seen, and one that was not significant", async () => {
    const saved = await recordVisit(ctxFor(a.worker), visitOn(a, { type: "PHONE", children: [], significant: false, othersPresent: "", wishesAndFeelings: "  " }));
    const { visits } = await listVisitsForCase(ctxFor(a.worker), a.caseId);
    expect(visits.find((v) => v.id === saved.visitId)).toMatchObject({ type: "PHONE", children: [], significant: false, othersPresent: null, wishesAndFeelings: null });
  });

  it("lists the case's visits newest first, with how many there are", async () => {
    const c = await openCase(a.tenantId, a.worker, 1);
    const kid = c.children[0]!.id;
    const base = { caseId: c.case.id, children: [{ personId: kid, seenAlone: false }] };
    const older = await recordVisit(ctxFor(a.worker), visitOn(a, { ...base, visitedAt: minutesAgo(120), note: "older" }));
    const newest = await recordVisit(ctxFor(a.worker), visitOn(a, { ...base, visitedAt: minutesAgo(5), note: "newest" }));
    const middle = await recordVisit(ctxFor(a.worker), visitOn(a, { ...base, visitedAt: minutesAgo(60), note: "middle" }));
    const all = await listVisitsForCase(ctxFor(a.worker), c.case.id);
    expect(all.visits.map((v) => v.id)).toEqual([newest.visitId, middle.visitId, older.visitId]);
    expect(all.total).toBe(3);
    const recent = await listVisitsForCase(ctxFor(a.worker), c.case.id, { limit: 2 });
    expect(recent).toMatchObject({ total: 3, visits: [{ note: "newest" }, { note: "middle" }] });
  });

  it("refuses a note that is empty, a time in the future and an unknown type", async () => {
    await expect(recordVisit(ctxFor(a.worker), visitOn(a, { note: "   " }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { note: [expect.any(String)] } });
    await expect(recordVisit(ctxFor(a.worker), visitOn(a, { visitedAt: new Date(Date.now() + 10 * 60_000) }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { visitTime: ["The date and time of the visit must be now or in the past"] },
    });
    await expect(recordVisit(ctxFor(a.worker), visitOn(a, { type: "PIGEON" as never }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { type: [expect.any(String)] } });
  });

  it("refuses children who are not part of the case, and records nothing", async () => {
    const other = await createFamily(a.tenantId);
    const input = visitOn(a, { children: [{ personId: a.childIds[0]!, seenAlone: false }, { personId: other.children[0]!.id, seenAlone: true }] });
    await expect(recordVisit(ctxFor(a.worker), input)).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/Only children who are part of this case can be recorded as seen/),
      fieldErrors: { children: [expect.any(String)] },
    });
    // an adult of the family is not one of the case's children either
    const adult = await withTenant(a.tenantId, (tx) => tx.person.findFirstOrThrow({ where: { tenantId: a.tenantId, kind: "ADULT" }, select: { id: true } }));
    await expect(recordVisit(ctxFor(a.worker), visitOn(a, { children: [{ personId: adult.id, seenAlone: false }] }))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await visitsWithKey(a.tenantId, input.idempotencyKey)).toBe(0);
  });

  it("refuses a visit on a closed case", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const closed = await createCase(a.tenantId, { familyId: family.id, childIds: children.map((c) => c.id), status: "CLOSED", openedOn: "2025-01-06", closedOn: "2025-06-30" });
    await expect(recordVisit(ctxFor(a.worker), visitOn(a, { caseId: closed.id, children: [] }))).rejects.toMatchObject({ code: "REFUSED", message: expect.stringMatching(/closed/) });
  });

  it("needs the visit:record permission", async () => {
    const admin = await createUser(a.tenantId, { role: "TENANT_ADMIN" });
    await expect(recordVisit(ctxFor(admin), visitOn(a))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listVisitsForCase(ctxFor(admin), a.caseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the same visit sent twice is one visit", () => {
  it("one after the other: the second answers with the first visit", async () => {
    const input = visitOn(a);
    const first = await recordVisit(ctxFor(a.keyworker), input);
    // a retry after a dropped connection: the same form, as the browser sends it again
    const again = await recordVisit(ctxFor(a.keyworker), { ...input, note: `${input.note}\r\n`, children: [...input.children].reverse() });
    expect(first.created).toBe(true);
    expect(again).toEqual({ visitId: first.visitId, caseId: a.caseId, created: false });
    expect(await visitsWithKey(a.tenantId, input.idempotencyKey)).toBe(1);
    const audits = await withTenant(a.tenantId, (tx) => tx.auditEvent.count({ where: { tenantId: a.tenantId, action: "visit.recorded", entityId: first.visitId } }));
    expect(audits).toBe(1);
  });

  it("at the same moment (a double tap): one visit, and both answers name it", async () => {
    for (let round = 0; round < 5; round++) {
      const input = visitOn(a);
      const answers = await Promise.all([recordVisit(ctxFor(a.keyworker), input), recordVisit(ctxFor(a.keyworker), input), recordVisit(ctxFor(a.keyworker), input)]);
      expect(new Set(answers.map((r) => r.visitId)).size).toBe(1);
      expect(answers.filter((r) => r.created)).toHaveLength(1);
      expect(await visitsWithKey(a.tenantId, input.idempotencyKey)).toBe(1);
      const children = await withTenant(a.tenantId, (tx) => tx.visitChild.count({ where: { tenantId: a.tenantId, visitId: answers[0]!.visitId } }));
      expect(children).toBe(2);
    }
  });

  it("a different visit sent with a used key (a form reused after going back) is refused, not dropped or merged", async () => {
    const input = visitOn(a);
    const first = await recordVisit(ctxFor(a.keyworker), input);
    const error = await recordVisit(ctxFor(a.keyworker), { ...input, note: "Another visit, logged from the same form after going back" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already recorded a visit/),
      details: { alreadyRecorded: { visitId: first.visitId, type: "HOME", visitedAt: input.visitedAt.toISOString() } },
    });
    const { visits } = await listVisitsForCase(ctxFor(a.worker), a.caseId);
    expect(visits.find((v) => v.id === first.visitId)?.note).toBe(input.note);
    expect(await visitsWithKey(a.tenantId, input.idempotencyKey)).toBe(1);
  });

  it("a key already used on another case is refused, not answered with that case's visit", async () => {
    const input = visitOn(a);
    await recordVisit(ctxFor(a.worker), input);
    const c = await openCase(a.tenantId, a.worker, 1);
    await expect(recordVisit(ctxFor(a.worker), { ...input, caseId: c.case.id, children: [] })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("council A cannot touch council B's visits", () => {
  it("recording a visit on B's case is not found, and writes nothing", async () => {
    const input = visitOn(b);
    await expect(recordVisit(ctxFor(a.worker), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // even when naming A's own children
    await expect(recordVisit(ctxFor(a.worker), { ...input, children: [{ personId: a.childIds[0]!, seenAlone: false }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await visitsWithKey(b.tenantId, input.idempotencyKey)).toBe(0);
    expect(await visitsWithKey(a.tenantId, input.idempotencyKey)).toBe(0);
  });

  it("recording a visit on A's case naming B's children is refused", async () => {
    await expect(recordVisit(ctxFor(a.worker), visitOn(a, { children: [{ personId: b.childIds[0]!, seenAlone: false }] }))).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("listing B's visits is not found, and B's visits never appear in A's lists", async () => {
    const bVisit = await recordVisit(ctxFor(b.worker), visitOn(b, { note: "Council B's visit" }));
    await expect(listVisitsForCase(ctxFor(a.worker), b.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { visits } = await listVisitsForCase(ctxFor(a.worker), a.caseId);
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.map((v) => v.id)).not.toContain(bVisit.visitId);
    expect(visits.map((v) => v.note)).not.toContain("Council B's visit");
    await expect(listVisitsForCase(ctxFor(b.worker), b.caseId)).resolves.toMatchObject({ visits: expect.arrayContaining([expect.objectContaining({ id: bVisit.visitId })]) });
  });

  it("B's idempotency key sent to A makes A's own visit: keys are per council", async () => {
    const input = visitOn(b);
    const inB = await recordVisit(ctxFor(b.worker), input);
    const inA = await recordVisit(ctxFor(a.worker), { ...visitOn(a), idempotencyKey: input.idempotencyKey });
    expect(inA.created).toBe(true);
    expect(inA.visitId).not.toBe(inB.visitId);
  });
});
