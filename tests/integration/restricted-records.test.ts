// Restricted records (decision 0019): once a manager restricts a family, only the workers on its
// cases, the managers of the teams holding them, the head of service and people named may open the
// family, its people, its cases and what they hold; everyone else is refused naming whom to ask, and
// searches, the duplicate check and the front door show only that a restricted record exists.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { listRecordAccess } from "../../lib/data/audit-log";
import { getCaseSummaryForEdit, saveCaseSummary } from "../../lib/data/case-summary";
import { getCaseForView } from "../../lib/data/cases";
import { getChildChronology } from "../../lib/data/chronology";
import { getFamilyForView } from "../../lib/data/families";
import { listFrontDoor, recordContact } from "../../lib/data/front-door";
import { getMergePage } from "../../lib/data/merge";
import { getPersonForView } from "../../lib/data/people";
import { getChildPlacements } from "../../lib/data/placements";
import { decideAccessRequest, listAccessRequestsForMe, requestAccess } from "../../lib/data/access-requests";
import { getFamilyAccessPage, getRestrictionNotice, grantAccess, liftRestriction, restrictFamily, revokeAccess } from "../../lib/data/restricted";
import { searchPeople } from "../../lib/data/search";
import { getStatutoryRecord, recordAssessment } from "../../lib/data/statutory";
import { getCaseTimescales } from "../../lib/data/timescales";
import { requestTransition } from "../../lib/data/transitions";
import { getVisitForm, listVisitsForCase, recordVisit } from "../../lib/data/visits";
import { withTenant } from "../../lib/db/tenant";
import { addDays, todayInEngland } from "../../lib/domain/dates";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

let tenantId: string;
let managerA: TestUser; // manages team A, which holds the family's case
let workerA: TestUser; // allocated to it
let colleagueA: TestUser; // in team A, not on the case
let managerB: TestUser;
let workerB: TestUser;
let head: TestUser;
let admin: TestUser;
let familyId: string;
let childId: string;
let caseId: string;

const today = todayInEngland();

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  const teamA = await createTeam(tenantId);
  const teamB = await createTeam(tenantId);
  managerA = await createUser(tenantId, { role: "TEAM_MANAGER", teamId: teamA.id, name: "Maya Manager" });
  workerA = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: teamA.id });
  colleagueA = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: teamA.id });
  managerB = await createUser(tenantId, { role: "TEAM_MANAGER", teamId: teamB.id });
  workerB = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: teamB.id, name: "Ben Other" });
  head = await createUser(tenantId, { role: "HEAD_OF_SERVICE" });
  admin = await createUser(tenantId, { role: "TENANT_ADMIN" });
  const made = await createFamily(tenantId, { name: "Quill", children: [{ firstName: "Rosalind", lastName: "Quill", dateOfBirth: "2014-09-30" }] });
  familyId = made.family.id;
  childId = made.children[0]!.id;
  caseId = (await createCase(tenantId, { familyId, childIds: [childId], teamId: teamA.id, level: "CHILD_IN_NEED", openedOn: addDays(today, -30) })).id;
  await allocate(tenantId, caseId, workerA.id, "LEAD", addDays(today, -30));
});

const restricted = { code: "FORBIDDEN", message: "This record is restricted. If you need it for your work, ask Maya Manager for access." };

/** Every way into the family's records: each must refuse a user who may not open them. */
function everyWayIn(ctx: Ctx) {
  return {
    family: () => getFamilyForView(ctx, familyId),
    person: () => getPersonForView(ctx, childId),
    case: () => getCaseForView(ctx, caseId),
    chronology: () => getChildChronology(ctx, childId),
    statutory: () => getStatutoryRecord(ctx, childId),
    placements: () => getChildPlacements(ctx, childId),
    timescales: () => getCaseTimescales(ctx, caseId),
    visits: () => listVisitsForCase(ctx, caseId),
    visitForm: () => getVisitForm(ctx, caseId),
    recordVisit: () =>
      recordVisit(ctx, { caseId, idempotencyKey: randomUUID(), visitedAt: new Date(), type: "HOME", children: [{ personId: childId, seenAlone: false }], note: "n", significant: false }),
    summary: () => getCaseSummaryForEdit(ctx, caseId),
    saveSummary: () => saveCaseSummary(ctx, { caseId, baseVersion: 0, purpose: "p", worries: "w", workingWell: "ww", nextSteps: "n", safetyScale: 5 }),
    assessment: () => recordAssessment(ctx, { personId: childId, caseId, startDate: today, factors: [] }),
    transition: () => requestTransition(ctx, { caseId, to: "CHILD_PROTECTION", reason: "r" }),
    accessPage: () => getFamilyAccessPage(ctx, familyId),
  };
}

describe("restricting a family's records", () => {
  it("is for the head of service or a manager of a team holding its case, with a reason; it is audited", async () => {
    await expect(restrictFamily(ctxFor(workerA), { familyId, reason: "Parent is a council social worker" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictFamily(ctxFor(managerB), { familyId, reason: "Parent is a council social worker" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restrictFamily(ctxFor(managerA), { familyId, reason: "  " })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: expect.any(Array) } });
    // before: anyone who works on cases opens it
    await getCaseForView(ctxFor(workerB), caseId);

    await restrictFamily(ctxFor(managerA), { familyId, reason: "Parent is a council social worker" });
    await expect(restrictFamily(ctxFor(managerA), { familyId, reason: "again" })).rejects.toMatchObject({ code: "REFUSED" });
    const audit = await withTenant(tenantId, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId, action: "family.restricted", entityId: familyId } }));
    expect(audit).toMatchObject({ actorId: managerA.id, details: { reason: "Parent is a council social worker" } });
  });

  it("refuses everyone else every way in, naming whom to ask, and writes nothing", async () => {
    for (const user of [workerB, managerB, colleagueA]) {
      for (const [name, open] of Object.entries(everyWayIn(ctxFor(user)))) {
        await expect(open(), `${user.role} ${name}`).rejects.toMatchObject({ ...restricted, details: { restrictedFamilyId: familyId } });
      }
    }
    expect(await withTenant(tenantId, (tx) => tx.visit.count({ where: { tenantId, caseId } }))).toBe(0);
    expect(await withTenant(tenantId, (tx) => tx.assessment.count({ where: { tenantId, caseId } }))).toBe(0);
    // another team's manager does not see its access log either; an administrator, who opens no records, does
    await expect(listRecordAccess(ctxFor(managerB), childId)).rejects.toMatchObject(restricted);
    expect((await listRecordAccess(ctxFor(admin), childId)).person.id).toBe(childId);
  });

  it("lets the allocated worker, their team's manager and the head of service in", async () => {
    for (const user of [workerA, managerA, head]) {
      expect((await getCaseForView(ctxFor(user), caseId)).id).toBe(caseId);
      expect((await getPersonForView(ctxFor(user), childId)).id).toBe(childId);
      expect((await getFamilyAccessPage(ctxFor(user), familyId)).restricted).toBe(true);
    }
    expect((await getFamilyAccessPage(ctxFor(workerA), familyId)).access).toBe("allocated");
    expect((await getFamilyAccessPage(ctxFor(managerA), familyId)).canManage).toBe(true);
    expect((await getFamilyAccessPage(ctxFor(workerA), familyId)).canManage).toBe(false);
  });

  it("shows a search only that a restricted record matches, and whom to ask; the allocated worker sees the child", async () => {
    const forOther = await searchPeople(ctxFor(workerB), "Rosalind Quill 30/09/2014");
    expect(forOther.people[0]).toEqual({ restricted: true, familyId, message: restricted.message });
    expect(JSON.stringify([forOther.people, forOther.families])).not.toMatch(/Rosalind|2014-09-30|TE1 1ST/);
    expect(forOther.families.filter((f) => "restricted" in f)).toEqual([]);
    const families = await searchPeople(ctxFor(workerB), "Quill");
    expect(families.families).toContainEqual({ restricted: true, familyId, message: restricted.message });
    const forWorker = await searchPeople(ctxFor(workerA), "Rosalind Quill 30/09/2014");
    expect(forWorker.people[0]).toMatchObject({ id: childId, name: "Rosalind Quill" });
  });

  it("at the front door, shows only that a restricted record may match; its contacts are listed without names", async () => {
    const contact = (child: object) => ({
      idempotencyKey: randomUUID(),
      receivedOn: today,
      source: "1B",
      reason: "School concern",
      newFamily: { name: "Quill", postcode: "TE1 1ST", children: [{ firstName: "Rosalind", lastName: "Quill", sex: "F" as const, dateOfBirth: "2014-09-30", expectedDateOfBirth: null, ...child }] },
    });
    const refused = await recordContact(ctxFor(workerB), contact({})).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT" });
    const matches = (refused as { details: { duplicates: Record<number, { id: string; name: string; restricted?: string }[]> } }).details.duplicates[0]!;
    expect(matches).toEqual([expect.objectContaining({ id: "", name: "", restricted: restricted.message })]);
    // choosing the restricted child by its id is refused too
    await expect(recordContact(ctxFor(workerB), contact({ existingPersonId: childId }))).rejects.toMatchObject(restricted);
    // the allocated worker records a contact about the family; another team's manager sees it listed, nameless
    await recordContact(ctxFor(workerA), { idempotencyKey: randomUUID(), receivedOn: today, source: "1B", reason: "School concern", familyId, childIds: [childId] });
    const frontDoor = await listFrontDoor(ctxFor(managerB));
    const listed = frontDoor.awaiting.find((c) => c.familyId === familyId)!;
    expect(listed).toMatchObject({ familyName: "Restricted record", children: [] });
    expect((await listFrontDoor(ctxFor(managerA))).awaiting.find((c) => c.familyId === familyId)).toMatchObject({ familyName: "Quill family", children: ["Rosalind Quill"] });
  });

  it("the restricted-record page says whom to ask and records the attempt; for someone allowed there is nothing to say", async () => {
    expect(await getRestrictionNotice(ctxFor(workerB), familyId)).toEqual({ familyId, message: restricted.message, request: null });
    const attempt = await withTenant(tenantId, (tx) => tx.auditEvent.findFirst({ where: { tenantId, action: "restricted.refused", actorId: workerB.id, entityId: familyId } }));
    expect(attempt).not.toBeNull();
    expect(await getRestrictionNotice(ctxFor(workerA), familyId)).toBeNull();
  });

  it("a named person may open it until removed; lifting the restriction opens it to all and clears the list; all audited", async () => {
    await expect(grantAccess(ctxFor(managerB), { familyId, userId: workerB.id, reason: "Duty cover" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantAccess(ctxFor(managerA), { familyId, userId: workerB.id, reason: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { accessReason: expect.any(Array) } });
    await expect(grantAccess(ctxFor(managerA), { familyId, userId: admin.id, reason: "x" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { userId: expect.any(Array) } });
    await grantAccess(ctxFor(managerA), { familyId, userId: workerB.id, reason: "Duty cover" });
    expect((await getCaseForView(ctxFor(workerB), caseId)).id).toBe(caseId);
    expect((await getFamilyAccessPage(ctxFor(managerA), familyId)).named).toEqual([expect.objectContaining({ userId: workerB.id, name: "Ben Other", reason: "Duty cover", grantedBy: "Maya Manager" })]);
    expect((await searchPeople(ctxFor(workerB), "Rosalind Quill")).people[0]).toMatchObject({ id: childId });

    await revokeAccess(ctxFor(managerA), { familyId, userId: workerB.id });
    await expect(getCaseForView(ctxFor(workerB), caseId)).rejects.toMatchObject(restricted);
    await expect(revokeAccess(ctxFor(managerA), { familyId, userId: workerB.id })).rejects.toMatchObject({ code: "REFUSED" });

    await grantAccess(ctxFor(head), { familyId, userId: colleagueA.id, reason: "Second opinion" });
    await expect(liftRestriction(ctxFor(managerA), { familyId, reason: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    await liftRestriction(ctxFor(managerA), { familyId, reason: "Parent has left the council" });
    expect((await getCaseForView(ctxFor(workerB), caseId)).id).toBe(caseId);
    expect(await withTenant(tenantId, (tx) => tx.familyAccess.count({ where: { tenantId, familyId } }))).toBe(0);
    const actions = await withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, entityId: familyId, action: { startsWith: "family." } }, orderBy: { id: "asc" }, select: { action: true } }));
    expect(actions.map((a) => a.action).filter((a) => a !== "family.viewed")).toEqual([
      "family.restricted",
      "family.access-granted",
      "family.access-revoked",
      "family.access-granted",
      "family.restriction-lifted",
    ]);
  });

  it("a merge offers no candidate from a restricted family the manager may not open", async () => {
    const twin = await createFamily(tenantId, { name: "Quil", children: [{ firstName: "Rosalind", lastName: "Quil", dateOfBirth: "2014-09-30" }] });
    await restrictFamily(ctxFor(head), { familyId, reason: "Again restricted" });
    const page = await getMergePage(ctxFor(managerB), twin.children[0]!.id);
    expect(page.candidates.map((c) => c.person.id)).not.toContain(childId);
    expect((await getMergePage(ctxFor(head), twin.children[0]!.id)).candidates.map((c) => c.person.id)).toContain(childId);
    await liftRestriction(ctxFor(head), { familyId, reason: "Done" });
  });
});

describe("asking for access", () => {
  const requestOf = async (user: TestUser) => (await getRestrictionNotice(ctxFor(user), familyId))?.request ?? null;
  const waitingFor = async (user: TestUser) => (await listAccessRequestsForMe(ctxFor(user))).filter((r) => r.familyId === familyId).map((r) => [r.requestedBy.name, r.reason]);

  it("a worker asks with a reason, once at a time; the family's managers and the head of service see it waiting, no one else", async () => {
    await restrictFamily(ctxFor(managerA), { familyId, reason: "Parent works in the service" });
    await expect(requestAccess(ctxFor(workerB), { familyId, reason: " " })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["Say why you need these records"] } });
    await expect(requestAccess(ctxFor(workerA), { familyId, reason: "Mine" })).rejects.toMatchObject({ code: "REFUSED", message: "You can already open these records: go to the family's page." });
    // two tabs at once: one request
    const sent = await Promise.allSettled([requestAccess(ctxFor(workerB), { familyId, reason: "Duty call from the school" }), requestAccess(ctxFor(workerB), { familyId, reason: "Duty call from the school" })]);
    expect(sent.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((sent.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "REFUSED", message: expect.stringMatching(/^You asked on .* and a manager has not decided yet/) });
    expect(await requestOf(workerB)).toMatchObject({ status: "PENDING", decidedBy: null });

    expect(await waitingFor(managerA)).toEqual([["Ben Other", "Duty call from the school"]]);
    expect(await waitingFor(head)).toEqual([["Ben Other", "Duty call from the school"]]);
    expect(await waitingFor(managerB)).toEqual([]);
    expect(await waitingFor(workerA)).toEqual([]);
    expect((await getFamilyAccessPage(ctxFor(managerA), familyId)).requests).toEqual([expect.objectContaining({ reason: "Duty call from the school", requestedBy: expect.objectContaining({ id: workerB.id }) })]);
    // still no way in while it waits
    await expect(getCaseForView(ctxFor(workerB), caseId)).rejects.toMatchObject(restricted);
  });

  it("declining needs a note the worker reads; a decided request cannot be decided again; asking again and being let in opens the records", async () => {
    const [pending] = await listAccessRequestsForMe(ctxFor(managerA));
    await expect(decideAccessRequest(ctxFor(managerB), { requestId: pending!.id, decision: "GRANT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideAccessRequest(ctxFor(workerA), { requestId: pending!.id, decision: "GRANT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideAccessRequest(ctxFor(managerA), { requestId: pending!.id, decision: "DECLINE", note: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { note: expect.any(Array) } });
    await decideAccessRequest(ctxFor(managerA), { requestId: pending!.id, decision: "DECLINE", note: "Call me and I will pass the message on" });
    expect(await requestOf(workerB)).toMatchObject({ status: "DECLINED", decidedBy: "Maya Manager", decisionNote: "Call me and I will pass the message on" });
    await expect(decideAccessRequest(ctxFor(head), { requestId: pending!.id, decision: "GRANT" })).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("Maya Manager has already answered this request (declined)") });
    await expect(getCaseForView(ctxFor(workerB), caseId)).rejects.toMatchObject(restricted);

    await requestAccess(ctxFor(workerB), { familyId, reason: "The manager asked me to visit tomorrow" });
    const [again] = await listAccessRequestsForMe(ctxFor(head));
    await decideAccessRequest(ctxFor(head), { requestId: again!.id, decision: "GRANT" });
    expect((await getCaseForView(ctxFor(workerB), caseId)).id).toBe(caseId);
    expect(await getRestrictionNotice(ctxFor(workerB), familyId)).toBeNull();
    expect((await getFamilyAccessPage(ctxFor(managerA), familyId)).named).toEqual([expect.objectContaining({ userId: workerB.id, reason: "The manager asked me to visit tomorrow" })]);
    expect(await waitingFor(managerA)).toEqual([]);
    await revokeAccess(ctxFor(managerA), { familyId, userId: workerB.id });
  });

  it("naming someone by hand answers their request; lifting the restriction closes those still waiting; all audited", async () => {
    await requestAccess(ctxFor(colleagueA), { familyId, reason: "Covering for a colleague" });
    await grantAccess(ctxFor(managerA), { familyId, userId: colleagueA.id, reason: "Covering" });
    expect(await withTenant(tenantId, (tx) => tx.accessRequest.findFirst({ where: { tenantId, requestedById: colleagueA.id }, select: { status: true, decidedById: true } }))).toEqual({
      status: "GRANTED",
      decidedById: managerA.id,
    });
    await requestAccess(ctxFor(managerB), { familyId, reason: "Transfer planning" });
    await liftRestriction(ctxFor(managerA), { familyId, reason: "No longer needed" });
    expect(await withTenant(tenantId, (tx) => tx.accessRequest.findFirst({ where: { tenantId, requestedById: managerB.id }, select: { status: true } }))).toEqual({ status: "CLOSED" });
    await expect(requestAccess(ctxFor(managerB), { familyId, reason: "x" })).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("not restricted") });
    const actions = await withTenant(tenantId, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId, entityId: familyId, action: { in: ["family.access-requested", "family.access-declined", "family.access-granted"] } }, orderBy: { id: "asc" }, select: { action: true, actorId: true } }),
    );
    expect(actions.map((a) => a.action).slice(-7)).toEqual([
      "family.access-requested",
      "family.access-declined",
      "family.access-requested",
      "family.access-granted",
      "family.access-requested",
      "family.access-granted",
      "family.access-requested",
    ]);
  });
});

describe("isolation", () => {
  it("another council can neither restrict, name, lift nor see the restriction of this council's family, nor name its own people on it", async () => {
    const other = await createTenant();
    const otherTeam = await createTeam(other.id);
    const otherHead = await createUser(other.id, { role: "HEAD_OF_SERVICE" });
    const otherWorker = await createUser(other.id, { role: "SOCIAL_WORKER", teamId: otherTeam.id });
    await expect(restrictFamily(ctxFor(otherHead), { familyId, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFamilyAccessPage(ctxFor(otherHead), familyId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getRestrictionNotice(ctxFor(otherWorker), familyId)).toBeNull();
    await restrictFamily(ctxFor(head), { familyId, reason: "Restricted" });
    await expect(grantAccess(ctxFor(otherHead), { familyId, userId: otherWorker.id, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(grantAccess(ctxFor(head), { familyId, userId: otherWorker.id, reason: "x" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(liftRestriction(ctxFor(otherHead), { familyId, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getRestrictionNotice(ctxFor(otherWorker), familyId)).toBeNull();
    expect((await searchPeople(ctxFor(otherWorker), "Rosalind Quill")).people).toEqual([]);
    // nor ask to open it, nor see or answer this council's requests
    await expect(requestAccess(ctxFor(otherWorker), { familyId, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await requestAccess(ctxFor(workerB), { familyId, reason: "Needed" });
    const [mine] = await listAccessRequestsForMe(ctxFor(head));
    expect(await listAccessRequestsForMe(ctxFor(otherHead))).toEqual([]);
    await expect(decideAccessRequest(ctxFor(otherHead), { requestId: mine!.id, decision: "GRANT" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await withTenant(other.id, (tx) => tx.accessRequest.count())).toBe(0);
  });
});
