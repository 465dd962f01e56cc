// The front door: recording contacts, deciding them, referrals and re-referrals, and one council never
// touching another's contacts.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decideContact, getContactForView, listFamilyContacts, listFrontDoor, listPersonReferrals, recordContact, type NewChild } from "../../lib/data/front-door";
import { nextCaseReference } from "../../lib/data/references";
import { getTeamDashboard } from "../../lib/data/teams";
import { withTenant } from "../../lib/db/tenant";
import { addDays, addMonths, todayInEngland } from "../../lib/domain/dates";
import { createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; slug: string; teamId: string; earlyHelpTeamId: string; worker: TestUser; manager: TestUser; keyworker: TestUser; clinician: TestUser };

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id, { kind: "SOCIAL_WORK" });
  const earlyHelp = await createTeam(tenant.id, { kind: "EARLY_HELP" });
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    teamId: team.id,
    earlyHelpTeamId: earlyHelp.id,
    worker: await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id }),
    manager: await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id }),
    keyworker: await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: earlyHelp.id }),
    clinician: await createUser(tenant.id, { role: "CLINICIAN", teamId: team.id }),
  };
}

const today = todayInEngland();
const child = (firstName: string, overrides: Partial<NewChild> = {}): NewChild => ({ firstName, lastName: "Smith", sex: "F", dateOfBirth: "2018-04-02", expectedDateOfBirth: null, ...overrides });

function sql<T>(tenantId: string, work: Parameters<typeof withTenant<T>>[1]) {
  return withTenant(tenantId, work);
}

/** Opens enough pooled connections that concurrent calls really run side by side. */
async function warmPool(tenantId: string, connections = 12) {
  await Promise.all(Array.from({ length: connections }, () => withTenant(tenantId, (tx) => tx.$executeRaw`SELECT pg_sleep(0.05)`)));
}

/** A contact about children of a known family. */
async function contactAbout(council: Council, familyId: string, childIds: string[], receivedOn: string, source = "2A") {
  const { contactId } = await recordContact(ctxFor(council.worker), { idempotencyKey: randomUUID(), receivedOn, source, reason: "School worried about attendance and bruising", familyId, childIds });
  return contactId;
}

const refer = (council: Council, contactId: string, overrides: { decisionOn?: string; primaryNeedCode?: string; teamId?: string } = {}) =>
  decideContact(ctxFor(council.manager), {
    contactId,
    decision: "REFERRAL",
    decisionOn: overrides.decisionOn ?? today,
    note: "Threshold met for an assessment",
    teamId: overrides.teamId ?? council.teamId,
    primaryNeedCode: overrides.primaryNeedCode ?? "N1",
  });

let a: Council;
let b: Council;

beforeAll(async () => {
  a = await makeCouncil();
  b = await makeCouncil();
});

describe("recording a contact and deciding a referral", () => {
  it("creates the new family's records, opens a case with a reference and starts one CIN episode per child", async () => {
    const receivedOn = addDays(today, -2);
    const recorded = await recordContact(ctxFor(a.worker), {
      idempotencyKey: randomUUID(),
      receivedOn,
      source: "3B",
      reason: "Health visitor concerned about the home conditions",
      newFamily: { name: "Ashdown", address: "1 High Street", postcode: "km14ab", children: [child("Amy", { lastName: "Ashdown" }), child("Ben", { lastName: "Ashdown", sex: "M", dateOfBirth: null, expectedDateOfBirth: addDays(today, 60) })] },
    });
    expect(recorded.created).toBe(true);

    const stored = await sql(a.tenantId, (tx) =>
      tx.contact.findFirstOrThrow({
        where: { id: recorded.contactId },
        select: { source: true, decision: true, recordedById: true, family: { select: { name: true, postcode: true, members: { select: { person: { select: { firstName: true, kind: true, expectedDateOfBirth: true } } } } } }, children: { select: { personId: true } } },
      }),
    );
    expect(stored).toMatchObject({ source: "3B", decision: null, recordedById: a.worker.id, family: { name: "Ashdown family", postcode: "KM1 4AB" } });
    expect(stored.family!.members.map((m) => m.person.firstName).sort()).toEqual(["Amy", "Ben"]);
    expect(stored.children).toHaveLength(2);

    const decided = await refer(a, recorded.contactId, { primaryNeedCode: "N4" });
    expect(decided.openedCase).toBe(true);
    // the council has no references yet: the first two letters of its slug ("council-…")
    expect(decided.caseReference).toMatch(/^CO-\d{5}$/);

    const c = await sql(a.tenantId, (tx) =>
      tx.case.findFirstOrThrow({
        where: { id: decided.caseId! },
        select: { reference: true, level: true, status: true, teamId: true, openedOn: true, children: { select: { personId: true } }, cinEpisodes: { select: { personId: true, referralDate: true, referralSource: true, primaryNeedCode: true, contactId: true, reReferral: true, previousEpisodeId: true } } },
      }),
    );
    expect(c).toMatchObject({ reference: decided.caseReference, level: "CHILD_IN_NEED", status: "OPEN", teamId: a.teamId });
    expect(c.children.map((ch) => ch.personId).sort()).toEqual(stored.children.map((ch) => ch.personId).sort());
    expect(c.cinEpisodes).toHaveLength(2);
    for (const e of c.cinEpisodes) {
      expect(e).toMatchObject({ referralSource: "3B", primaryNeedCode: "N4", contactId: recorded.contactId, reReferral: false, previousEpisodeId: null });
      expect(e.referralDate.toISOString().slice(0, 10)).toBe(receivedOn);
    }

    const audit = await sql(a.tenantId, (tx) =>
      tx.auditEvent.findMany({ where: { OR: [{ entityId: recorded.contactId }, { caseId: decided.caseId }] }, select: { action: true, caseId: true, personId: true } }),
    );
    const count = (action: string) => audit.filter((e) => e.action === action).length;
    expect(count("contact.recorded")).toBe(2);
    expect(count("contact.decided")).toBe(2);
    expect(count("case.opened")).toBe(1);
    expect(count("referral.created")).toBe(2);
    expect(audit.filter((e) => e.action === "referral.created").every((e) => e.caseId === decided.caseId && e.personId)).toBe(true);

    // the contact page shows the decision and the child's episode; its view is audited per child
    const view = await getContactForView(ctxFor(a.worker), recorded.contactId);
    expect(view.decision).toMatchObject({ decision: "REFERRAL", decisionOn: today, case: { id: decided.caseId, reference: decided.caseReference } });
    expect(view.children.every((ch) => ch.episode?.primaryNeedCode === "N4" && !ch.episode.reReferral)).toBe(true);
    const viewed = await sql(a.tenantId, (tx) => tx.auditEvent.count({ where: { action: "contact.viewed", entityId: recorded.contactId, actorId: a.worker.id } }));
    expect(viewed).toBe(2);

    // and each child's page lists the referral
    const referrals = await listPersonReferrals(ctxFor(a.worker), stored.children[0]!.personId);
    expect(referrals).toEqual([expect.objectContaining({ referralDate: receivedOn, source: "3B", primaryNeedCode: "N4", reReferral: false, case: expect.objectContaining({ reference: decided.caseReference }) })]);
  });

  it("flags a second referral for the same child within 12 months, links the earlier episode and attaches to the open case; a sibling is not flagged", async () => {
    const { family, children } = await createFamily(a.tenantId, { children: [{ firstName: "Amy" }, { firstName: "Ben" }] });
    const [amy, ben] = children as [(typeof children)[0], (typeof children)[0]];
    const first = await contactAbout(a, family.id, [amy.id], addDays(today, -100));
    const firstDecision = await refer(a, first, { decisionOn: addDays(today, -99) });
    const [firstEpisode] = await sql(a.tenantId, (tx) => tx.cinEpisode.findMany({ where: { contactId: first }, select: { id: true } }));

    const second = await contactAbout(a, family.id, [amy.id, ben.id], addDays(today, -3), "6");
    // before anyone decides, the worker sees Amy's earlier referral and its case
    const before = await getContactForView(ctxFor(a.manager), second);
    const amyRow = before.children.find((ch) => ch.id === amy.id)!;
    const benRow = before.children.find((ch) => ch.id === ben.id)!;
    expect(amyRow.earlierReferrals).toEqual([{ episodeId: firstEpisode!.id, referralDate: addDays(today, -100), caseId: firstDecision.caseId, caseReference: firstDecision.caseReference }]);
    expect(benRow.earlierReferrals).toEqual([]);
    expect(before.openCase).toMatchObject({ id: firstDecision.caseId, level: "CHILD_IN_NEED" });
    expect(before.canDecide).toBe(true);

    const secondDecision = await refer(a, second, { primaryNeedCode: "N5" });
    expect(secondDecision).toMatchObject({ caseId: firstDecision.caseId, openedCase: false });
    const episodes = await sql(a.tenantId, (tx) => tx.cinEpisode.findMany({ where: { contactId: second }, select: { personId: true, caseId: true, reReferral: true, previousEpisodeId: true, referralSource: true } }));
    expect(episodes.find((e) => e.personId === amy.id)).toMatchObject({ reReferral: true, previousEpisodeId: firstEpisode!.id, caseId: firstDecision.caseId, referralSource: "6" });
    expect(episodes.find((e) => e.personId === ben.id)).toMatchObject({ reReferral: false, previousEpisodeId: null, caseId: firstDecision.caseId });

    // Ben joined the open case; the family still has one case
    const cases = await sql(a.tenantId, (tx) => tx.case.findMany({ where: { familyId: family.id }, select: { id: true, children: { select: { personId: true } } } }));
    expect(cases).toHaveLength(1);
    expect(cases[0]!.children.map((ch) => ch.personId).sort()).toEqual([amy.id, ben.id].sort());

    const amyReferrals = await listPersonReferrals(ctxFor(a.worker), amy.id);
    expect(amyReferrals.map((r) => r.reReferral)).toEqual([true, false]);
    expect(amyReferrals[0]!.previous).toMatchObject({ episodeId: firstEpisode!.id, caseReference: firstDecision.caseReference });
  });

  it("counts an earlier referral in another, closed case, but not one 12 months and a day before", async () => {
    const { family, children } = await createFamily(a.tenantId, { children: [{ firstName: "Cara" }, { firstName: "Dan" }] });
    const [cara, dan] = children as [(typeof children)[0], (typeof children)[0]];
    const closed = await createCase(a.tenantId, { familyId: family.id, childIds: [cara.id, dan.id], openedOn: addMonths(today, -14), status: "CLOSED", closedOn: addDays(today, -30) });
    const receivedOn = addDays(today, -1);
    await sql(a.tenantId, (tx) =>
      tx.cinEpisode.createMany({
        data: [
          // Cara: exactly 12 months before the new referral — counts
          { tenantId: a.tenantId, personId: cara.id, caseId: closed.id, referralDate: new Date(`${addMonths(receivedOn, -12)}T00:00:00Z`), referralSource: "1A" },
          // Dan: 12 months and a day before — does not
          { tenantId: a.tenantId, personId: dan.id, caseId: closed.id, referralDate: new Date(`${addDays(addMonths(receivedOn, -12), -1)}T00:00:00Z`), referralSource: "1A" },
        ],
      }),
    );
    const contactId = await contactAbout(a, family.id, [cara.id, dan.id], receivedOn);
    const view = await getContactForView(ctxFor(a.manager), contactId);
    expect(view.children.find((ch) => ch.id === cara.id)!.earlierReferrals).toEqual([expect.objectContaining({ caseId: closed.id, caseReference: closed.reference })]);
    expect(view.children.find((ch) => ch.id === dan.id)!.earlierReferrals).toEqual([]);
    expect(view.openCase).toBeNull();

    const decided = await refer(a, contactId);
    expect(decided.openedCase).toBe(true);
    expect(decided.caseId).not.toBe(closed.id);
    const episodes = await sql(a.tenantId, (tx) => tx.cinEpisode.findMany({ where: { contactId }, select: { personId: true, reReferral: true, previousEpisode: { select: { caseId: true } } } }));
    expect(episodes.find((e) => e.personId === cara.id)).toMatchObject({ reReferral: true, previousEpisode: { caseId: closed.id } });
    expect(episodes.find((e) => e.personId === dan.id)).toMatchObject({ reReferral: false, previousEpisode: null });
  });

  it("early help opens an early help case; a later referral steps it up to child in need: kept as a step-up, the keyworker stays as co-worker until a social worker leads", async () => {
    const { family, children } = await createFamily(a.tenantId, { children: [{ firstName: "Eve" }] });
    const first = await contactAbout(a, family.id, [children[0]!.id], addDays(today, -20));
    const eh = await decideContact(ctxFor(a.manager), { contactId: first, decision: "EARLY_HELP", decisionOn: addDays(today, -19), note: "Parenting support", teamId: a.earlyHelpTeamId });
    expect(eh.openedCase).toBe(true);
    await sql(a.tenantId, (tx) => tx.allocation.create({ data: { tenantId: a.tenantId, caseId: eh.caseId!, workerId: a.keyworker.id, roleOnCase: "LEAD", startDate: new Date(`${addDays(today, -19)}T00:00:00Z`) } }));
    const ehCase = await sql(a.tenantId, (tx) => tx.case.findFirstOrThrow({ where: { id: eh.caseId! }, select: { level: true, teamId: true } }));
    expect(ehCase).toEqual({ level: "EARLY_HELP", teamId: a.earlyHelpTeamId });
    expect(await sql(a.tenantId, (tx) => tx.cinEpisode.count({ where: { caseId: eh.caseId! } }))).toBe(0);

    const second = await contactAbout(a, family.id, [children[0]!.id], addDays(today, -2));
    const referral = await refer(a, second);
    expect(referral).toMatchObject({ caseId: eh.caseId, openedCase: false });
    const raised = await sql(a.tenantId, (tx) => tx.case.findFirstOrThrow({ where: { id: eh.caseId! }, select: { level: true, teamId: true } }));
    expect(raised).toEqual({ level: "CHILD_IN_NEED", teamId: a.teamId });
    const audit = await sql(a.tenantId, (tx) => tx.auditEvent.findFirst({ where: { action: "case.level-raised", caseId: eh.caseId! }, select: { details: true, actorId: true } }));
    expect(audit).toMatchObject({ actorId: a.manager.id, details: { from: "EARLY_HELP", to: "CHILD_IN_NEED", contactId: second } });
    const steps = await sql(a.tenantId, (tx) => tx.transition.findMany({ where: { caseId: eh.caseId! }, select: { kind: true, fromLevel: true, toLevel: true, status: true, decidedById: true } }));
    expect(steps).toEqual([{ kind: "STEP_UP", fromLevel: "EARLY_HELP", toLevel: "CHILD_IN_NEED", status: "APPROVED", decidedById: a.manager.id }]);
    const allocations = await sql(a.tenantId, (tx) => tx.allocation.findMany({ where: { caseId: eh.caseId!, endDate: null }, select: { workerId: true, roleOnCase: true } }));
    expect(allocations).toEqual([{ workerId: a.keyworker.id, roleOnCase: "CO_WORKER" }]);
    const team = await getTeamDashboard(ctxFor(a.manager), a.teamId);
    expect(team.unallocated.map((c) => c.caseId)).toContain(eh.caseId);
  });

  it("no further action and advice open nothing", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const contactId = await contactAbout(a, family.id, [children[0]!.id], today);
    const decided = await decideContact(ctxFor(a.worker), { contactId, decision: "ADVICE", decisionOn: today, note: "Signposted to the school nurse" });
    expect(decided).toMatchObject({ caseId: null, openedCase: false });
    expect(await sql(a.tenantId, (tx) => tx.case.count({ where: { familyId: family.id } }))).toBe(0);
  });
});

describe("refusals", () => {
  it("records one contact when the same form is sent twice, one after the other or at the same moment", async () => {
    const key = randomUUID();
    const input = { idempotencyKey: key, receivedOn: today, source: "1A", reason: "Grandmother called", newFamily: { name: `Twice${randomUUID().slice(0, 8)}`, children: [child("Fay")] } };
    const first = await recordContact(ctxFor(a.worker), input);
    const again = await recordContact(ctxFor(a.worker), input);
    expect(again).toEqual({ contactId: first.contactId, created: false });
    // the same form's key with other details is not silently taken for the first contact
    await expect(recordContact(ctxFor(a.worker), { ...input, reason: "Neighbour called about shouting" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Reload the page") });
    await expect(recordContact(ctxFor(a.worker), { ...input, source: "2A" })).rejects.toMatchObject({ code: "CONFLICT" });
    // nor, for an existing family, with other children
    const { family, children } = await createFamily(a.tenantId, { children: [{ firstName: "Hal" }, { firstName: "Ivy" }] });
    const known = { idempotencyKey: randomUUID(), receivedOn: today, source: "1A", reason: "Health visitor called", familyId: family.id, childIds: [children[0]!.id] };
    const recorded = await recordContact(ctxFor(a.worker), known);
    expect(await recordContact(ctxFor(a.worker), known)).toEqual({ contactId: recorded.contactId, created: false });
    await expect(recordContact(ctxFor(a.worker), { ...known, childIds: [children[1]!.id] })).rejects.toMatchObject({ code: "CONFLICT" });

    const concurrentKey = randomUUID();
    const name = `Together${randomUUID().slice(0, 8)}`;
    await warmPool(a.tenantId);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => recordContact(ctxFor(a.worker), { ...input, idempotencyKey: concurrentKey, newFamily: { name, children: [child("Gus")] } })),
    );
    expect(new Set(results.map((r) => r.contactId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const counts = await sql(a.tenantId, async (tx) => ({
      contacts: await tx.contact.count({ where: { idempotencyKey: { in: [key, concurrentKey] } } }),
      families: await tx.family.count({ where: { name: { in: [`${input.newFamily.name} family`, `${name} family`] } } }),
    }));
    expect(counts).toEqual({ contacts: 2, families: 2 });
  });

  it("refuses a second decision, also when two managers decide at the same moment", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const contactId = await contactAbout(a, family.id, [children[0]!.id], today);
    await refer(a, contactId);
    await expect(decideContact(ctxFor(a.worker), { contactId, decision: "NO_FURTHER_ACTION", decisionOn: today, note: "Changed my mind" })).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining("already been decided"),
    });

    const other = await createFamily(a.tenantId);
    const raced = await contactAbout(a, other.family.id, [other.children[0]!.id], today);
    await warmPool(a.tenantId);
    const outcomes = await Promise.allSettled([refer(a, raced), refer(a, raced), refer(a, raced)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(["REFUSED", "REFUSED"]);
    const made = await sql(a.tenantId, async (tx) => ({
      cases: await tx.case.count({ where: { familyId: other.family.id } }),
      episodes: await tx.cinEpisode.count({ where: { contactId: raced } }),
    }));
    expect(made).toEqual({ cases: 1, episodes: 1 });
  });

  it("opens one case when several contacts about one family are decided at the same moment", async () => {
    const { family, children } = await createFamily(a.tenantId, { children: [{}, {}, {}, {}] });
    const contacts = await Promise.all(children.map((ch) => contactAbout(a, family.id, [ch.id], today)));
    await warmPool(a.tenantId);
    const decided = await Promise.all(contacts.map((id) => refer(a, id)));
    expect(new Set(decided.map((d) => d.caseId)).size).toBe(1);
    expect(decided.filter((d) => d.openedCase)).toHaveLength(1);
    const cases = await sql(a.tenantId, (tx) => tx.case.findMany({ where: { familyId: family.id }, select: { _count: { select: { children: true } } } }));
    expect(cases).toEqual([{ _count: { children: 4 } }]);
  });

  it("refuses a decision dated before the contact was received, and leaves it undecided", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const contactId = await contactAbout(a, family.id, [children[0]!.id], addDays(today, -3));
    await expect(refer(a, contactId, { decisionOn: addDays(today, -4) })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { decisionOn: [expect.stringContaining("on or after")] } });
    await expect(refer(a, contactId, { decisionOn: addDays(today, 1) })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { decisionOn: [expect.any(String)] } });
    const stored = await sql(a.tenantId, (tx) => tx.contact.findFirstOrThrow({ where: { id: contactId }, select: { decision: true, caseId: true } }));
    expect(stored).toEqual({ decision: null, caseId: null });
  });

  it("refuses a referral without a primary need or a team, and a team from outside the list", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const contactId = await contactAbout(a, family.id, [children[0]!.id], today);
    await expect(decideContact(ctxFor(a.manager), { contactId, decision: "REFERRAL", decisionOn: today, note: "x", teamId: a.teamId })).rejects.toMatchObject({ fieldErrors: { primaryNeedCode: expect.anything() } });
    await expect(decideContact(ctxFor(a.manager), { contactId, decision: "SUPPORT", decisionOn: today, note: "x" })).rejects.toMatchObject({ fieldErrors: { teamId: expect.anything() } });
    await expect(refer(a, contactId, { teamId: b.teamId })).rejects.toMatchObject({ fieldErrors: { teamId: expect.anything() } });
  });

  it("refuses a contact received in the future, a child born in the future and a fifth child", async () => {
    const base = { idempotencyKey: randomUUID(), source: "9", reason: "Anonymous caller" };
    await expect(recordContact(ctxFor(a.worker), { ...base, receivedOn: addDays(today, 1), newFamily: { name: "Future", children: [child("Hal")] } })).rejects.toMatchObject({ fieldErrors: { receivedOn: expect.anything() } });
    await expect(recordContact(ctxFor(a.worker), { ...base, receivedOn: today, newFamily: { name: "Future", children: [child("Hal"), child("Ivy", { dateOfBirth: addDays(today, 2) })] } })).rejects.toMatchObject({
      fieldErrors: { "children.1.date": expect.anything() },
    });
    await expect(recordContact(ctxFor(a.worker), { ...base, receivedOn: today, newFamily: { name: "Many", children: ["A", "B", "C", "D", "E"].map((n) => child(n)) } })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("lets practitioners record but only social workers and managers decide", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const contactId = await recordContact(ctxFor(a.keyworker), { idempotencyKey: randomUUID(), receivedOn: today, source: "5D", reason: "Early help worker worried", familyId: family.id, childIds: [children[0]!.id] });
    expect(contactId.created).toBe(true);
    await expect(refer({ ...a, manager: a.keyworker }, contactId.contactId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listFrontDoor(ctxFor(a.keyworker))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getContactForView(ctxFor(a.keyworker), contactId.contactId)).resolves.toMatchObject({ canDecide: false, teams: [] });
    await expect(contactAbout({ ...a, worker: a.clinician }, family.id, [children[0]!.id], today)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the front door list", () => {
  it("shows contacts awaiting a decision oldest first with working days waiting, and recent decisions", async () => {
    const council = await makeCouncil();
    const { family, children } = await createFamily(council.tenantId);
    const fresh = await contactAbout(council, family.id, [children[0]!.id], today);
    // any seven days in a row hold exactly five weekdays
    const old = await contactAbout(council, family.id, [children[0]!.id], addDays(today, -7));
    const decided = await contactAbout(council, family.id, [children[0]!.id], addDays(today, -1));
    await decideContact(ctxFor(council.manager), { contactId: decided, decision: "NO_FURTHER_ACTION", decisionOn: today, note: "Already known to the school" });

    const list = await listFrontDoor(ctxFor(council.manager));
    expect(list.awaiting.map((c) => [c.id, c.waitingWorkingDays, c.overdue])).toEqual([
      [old, 5, true],
      [fresh, 0, false],
    ]);
    expect(list.awaiting[0]).toMatchObject({ familyId: family.id, children: [`${children[0]!.firstName} ${children[0]!.lastName}`], recordedBy: council.worker.name });
    expect(list.recent).toEqual([expect.objectContaining({ id: decided, decision: "NO_FURTHER_ACTION", decidedBy: council.manager.name, case: null })]);
    expect((await listFamilyContacts(ctxFor(council.worker), family.id)).map((c) => c.id).sort()).toEqual([fresh, old, decided].sort());
  });
});

describe("case references", () => {
  it("continue above the council's highest existing number, with its prefix, and never repeat under concurrency", async () => {
    const council = await makeCouncil();
    const { family, children } = await createFamily(council.tenantId);
    const existing = await createCase(council.tenantId, { familyId: family.id, childIds: [children[0]!.id], status: "CLOSED", openedOn: addDays(today, -300), closedOn: addDays(today, -200) });
    await sql(council.tenantId, (tx) => tx.case.updateMany({ where: { id: existing.id }, data: { reference: "QQ-00150" } }));
    expect(await sql(council.tenantId, (tx) => nextCaseReference(tx, council.tenantId))).toBe("QQ-00151");
    const refs = await Promise.all(Array.from({ length: 8 }, () => sql(council.tenantId, (tx) => nextCaseReference(tx, council.tenantId))));
    expect(new Set(refs).size).toBe(8);
    expect(refs.every((r) => /^QQ-001(5[2-9]|60)$/.test(r))).toBe(true);
  });

  it("skip a number that is already taken", async () => {
    const council = await makeCouncil();
    const { family, children } = await createFamily(council.tenantId);
    const first = await sql(council.tenantId, (tx) => nextCaseReference(tx, council.tenantId));
    const [prefix, n] = first.split("-") as [string, string];
    const taken = `${prefix}-${String(Number(n) + 1).padStart(5, "0")}`;
    const c = await createCase(council.tenantId, { familyId: family.id, childIds: [children[0]!.id] });
    await sql(council.tenantId, (tx) => tx.case.updateMany({ where: { id: c.id }, data: { reference: taken } }));
    expect(await sql(council.tenantId, (tx) => nextCaseReference(tx, council.tenantId))).toBe(`${prefix}-${String(Number(n) + 2).padStart(5, "0")}`);
  });
});

describe("LA child ids", () => {
  const contactAboutNew = (ctx: ReturnType<typeof ctxFor>, lastName: string, children: { firstName: string; dateOfBirth: string | null; expectedDateOfBirth?: string | null }[]) =>
    recordContact(ctx, {
      idempotencyKey: randomUUID(),
      receivedOn: today,
      source: "3B",
      reason: "Health visitor concerned about the home conditions",
      newFamily: { name: lastName, postcode: "KM1 4AB", children: children.map((c) => child(c.firstName, { lastName, dateOfBirth: c.dateOfBirth, expectedDateOfBirth: c.expectedDateOfBirth ?? null })) },
    });
  const laChildIdsOf = async (tenantId: string, contactId: string) =>
    (
      await sql(tenantId, (tx) =>
        tx.contactChild.findMany({ where: { tenantId, contactId }, select: { person: { select: { laChildId: true } } }, orderBy: { person: { firstName: "asc" } } }),
      )
    ).map((c) => c.person.laChildId);

  it("a new child gets the council's next one, as its existing ones are written (case prefix, digits), skipping one typed in by hand", async () => {
    const council = await makeCouncil();
    const t = council.tenantId;
    // the council's records so far: case references ZQ-…, children ZQ000041 and ZQ000007, and one of another shape
    const { family, children } = await createFamily(t, { children: [{}, {}, {}] });
    const existing = await createCase(t, { familyId: family.id, childIds: [children[0]!.id] });
    await sql(t, async (tx) => {
      await tx.case.updateMany({ where: { id: existing.id }, data: { reference: "ZQ-00001" } });
      for (const [i, laChildId] of ["ZQ000041", "ZQ000007", "OLDSYSTEM1"].entries()) await tx.person.updateMany({ where: { id: children[i]!.id }, data: { laChildId } });
    });
    const first = await contactAboutNew(ctxFor(council.worker), "Quenby", [
      { firstName: "Ada", dateOfBirth: "2019-02-03" },
      { firstName: "Bea", dateOfBirth: null, expectedDateOfBirth: addDays(today, 40) },
    ]);
    expect(await laChildIdsOf(t, first.contactId)).toEqual(["ZQ000042", "ZQ000043"]);
    // someone typed the next one in by hand (in small letters): it is skipped, never given twice
    await sql(t, (tx) => tx.person.updateMany({ where: { id: children[2]!.id }, data: { laChildId: "zq000044" } }));
    const second = await contactAboutNew(ctxFor(council.keyworker), "Rowe", [{ firstName: "Cal", dateOfBirth: "2017-05-06" }]);
    expect(await laChildIdsOf(t, second.contactId)).toEqual(["ZQ000045"]);
    // the new record's audit says which id it was given
    const created = await sql(t, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: t, action: "person.created" }, orderBy: { id: "desc" } }));
    expect(created.details).toMatchObject({ laChildId: "ZQ000045" });
  });

  it("is never given twice when contacts are recorded at the same moment, and each council counts its own", async () => {
    const council = await makeCouncil();
    await warmPool(council.tenantId);
    const recorded = await Promise.all(["Ash", "Birch", "Cedar", "Damson"].map((name) => contactAboutNew(ctxFor(council.worker), name, [{ firstName: `${name}kid`, dateOfBirth: "2016-01-01" }])));
    const ids = (await Promise.all(recorded.map((r) => laChildIdsOf(council.tenantId, r.contactId)))).flat();
    // a council with no case references of its own yet: the first letters of its name, 6 digits
    expect(ids.sort()).toEqual(["CO000001", "CO000002", "CO000003", "CO000004"]);
    const other = await makeCouncil();
    const elsewhere = await contactAboutNew(ctxFor(other.worker), "Elm", [{ firstName: "Eve", dateOfBirth: "2016-01-01" }]);
    expect(await laChildIdsOf(other.tenantId, elsewhere.contactId)).toEqual(["CO000001"]);
  });
});

describe("council A cannot touch council B's front door", () => {
  let bContact: string;
  let bFamily: { id: string; childId: string };

  beforeAll(async () => {
    const { family, children } = await createFamily(b.tenantId);
    bFamily = { id: family.id, childId: children[0]!.id };
    bContact = await contactAbout(b, family.id, [children[0]!.id], today);
  });

  it("another council's contact is not found, to view or to decide", async () => {
    await expect(getContactForView(ctxFor(a.manager), bContact)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(refer(a, bContact)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stored = await sql(b.tenantId, (tx) => tx.contact.findFirstOrThrow({ where: { id: bContact }, select: { decision: true } }));
    expect(stored.decision).toBeNull();
    await expect(getContactForView(ctxFor(b.manager), bContact)).resolves.toMatchObject({ id: bContact });
  });

  it("another council's family or child cannot be used when recording", async () => {
    const before = await sql(a.tenantId, (tx) => tx.contact.count());
    await expect(contactAbout(a, bFamily.id, [bFamily.childId], today)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { family } = await createFamily(a.tenantId);
    await expect(contactAbout(a, family.id, [bFamily.childId], today)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await sql(a.tenantId, (tx) => tx.contact.count())).toBe(before);
    expect(await sql(b.tenantId, (tx) => tx.contact.count({ where: { familyId: bFamily.id } }))).toBe(1);
  });

  it("the front door list never shows another council's contacts", async () => {
    const list = await listFrontDoor(ctxFor(a.manager));
    const ids = [...list.awaiting, ...list.recent].map((c) => c.id);
    expect(ids).not.toContain(bContact);
    const aContacts = await sql(a.tenantId, (tx) => tx.contact.findMany({ select: { id: true } }));
    const own = new Set(aContacts.map((c) => c.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => own.has(id))).toBe(true);
    await expect(listFamilyContacts(ctxFor(a.worker), bFamily.id)).resolves.toEqual([]);
    await expect(listPersonReferrals(ctxFor(a.worker), bFamily.childId)).resolves.toEqual([]);
  });
});
