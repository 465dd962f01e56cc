// Step-up, step-down, level change and closure: requested by a practitioner, decided by a manager,
// applied atomically.
import { beforeAll, describe, expect, it } from "vitest";
import { decideTransition, getTransition, listAwaitingDecision, listCaseTransitions, requestTransition } from "../../lib/data/transitions";
import { withTenant } from "../../lib/db/tenant";
import { addDays, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

const today = todayInEngland();
const lastWeek = addDays(today, -7);

let tenantId: string;
let teamId: string;
let manager: TestUser;
let assistant: TestUser;
let head: TestUser;
let socialWorker: TestUser;
let keyworker: TestUser;
let otherTeamManager: TestUser;

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  teamId = (await createTeam(tenantId)).id;
  const otherTeam = await createTeam(tenantId);
  manager = await createUser(tenantId, { role: "TEAM_MANAGER", teamId });
  assistant = await createUser(tenantId, { role: "ASSISTANT_TEAM_MANAGER", teamId });
  head = await createUser(tenantId, { role: "HEAD_OF_SERVICE" });
  socialWorker = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId, name: "Sasha Social" });
  keyworker = await createUser(tenantId, { role: "FAMILY_KEYWORKER", teamId, name: "Kit Keyworker" });
  otherTeamManager = await createUser(tenantId, { role: "TEAM_MANAGER", teamId: otherTeam.id });
});

async function caseAt(level: "SUPPORT" | "CHILD_IN_NEED" | "CHILD_PROTECTION", allocations: { worker: TestUser; role: "LEAD" | "CO_WORKER" }[], children = 2) {
  const { family, children: kids } = await createFamily(tenantId, { children: Array.from({ length: children }, () => ({})) });
  const c = await createCase(tenantId, { familyId: family.id, childIds: kids.map((k) => k.id), level, teamId, openedOn: addDays(today, -60) });
  for (const a of allocations) await allocate(tenantId, c.id, a.worker.id, a.role, addDays(today, -60));
  return { caseId: c.id, childIds: kids.map((k) => k.id) };
}

const caseState = (caseId: string) =>
  withTenant(tenantId, async (tx) => {
    const c = await tx.case.findFirstOrThrow({ where: { tenantId, id: caseId }, select: { level: true, status: true, closureReason: true } });
    const allocations = await tx.allocation.findMany({ where: { tenantId, caseId }, select: { workerId: true, roleOnCase: true, endDate: true, endReason: true }, orderBy: { createdAt: "asc" } });
    return { ...c, current: allocations.filter((a) => !a.endDate).map((a) => [a.workerId, a.roleOnCase]), ended: allocations.filter((a) => a.endDate).map((a) => [a.workerId, a.endReason]) };
  });

describe("step-up", () => {
  it("a keyworker asks, a manager approves with a social worker: the social worker leads and the keyworker stays as co-worker", async () => {
    const { caseId } = await caseAt("SUPPORT", [{ worker: keyworker, role: "LEAD" }]);
    const { transitionId } = await requestTransition(ctxFor(keyworker), { caseId, to: "CHILD_IN_NEED", reason: "Neglect worsening despite support" });
    expect((await listAwaitingDecision(ctxFor(manager))).map((r) => r.id)).toContain(transitionId);
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE", newWorkerId: socialWorker.id });
    expect(await caseState(caseId)).toEqual({
      level: "CHILD_IN_NEED",
      status: "OPEN",
      closureReason: null,
      current: [
        [socialWorker.id, "LEAD"],
        [keyworker.id, "CO_WORKER"],
      ],
      ended: [[keyworker.id, "Stepped up to Child in need"]],
    });
    expect((await listAwaitingDecision(ctxFor(manager))).map((r) => r.id)).not.toContain(transitionId);
    const history = await listCaseTransitions(ctxFor(keyworker), caseId);
    expect(history).toEqual([expect.objectContaining({ kind: "STEP_UP", status: "APPROVED", decidedBy: manager.name })]);
  });

  it("applies the cap to the new social worker, unless a team manager overrides with a reason", async () => {
    const capped = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId, caseloadCap: 1, name: "Cara Capped" });
    await caseAt("CHILD_IN_NEED", [{ worker: capped, role: "LEAD" }], 1);
    const { caseId } = await caseAt("SUPPORT", [{ worker: keyworker, role: "LEAD" }]);
    const { transitionId } = await requestTransition(ctxFor(keyworker), { caseId, to: "CHILD_PROTECTION", reason: "Section 47 outcome" });
    await expect(decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE", newWorkerId: capped.id })).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining("Cara Capped would go over their cap"),
    });
    expect((await caseState(caseId)).level).toBe("SUPPORT"); // nothing applied
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE", newWorkerId: capped.id, overrideReason: "Knows the family" });
    expect((await caseState(caseId)).current).toContainEqual([capped.id, "LEAD"]);
  });

  it("needs a social worker to approve", async () => {
    const { caseId } = await caseAt("SUPPORT", [{ worker: keyworker, role: "LEAD" }]);
    const { transitionId } = await requestTransition(ctxFor(keyworker), { caseId, to: "CHILD_IN_NEED", reason: "r" });
    await expect(decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { newWorkerId: expect.any(Array) } });
  });

  it("refuses a manager's choice of a worker who is not a social worker, or not in this council, and changes nothing", async () => {
    const { caseId } = await caseAt("SUPPORT", [{ worker: keyworker, role: "LEAD" }]);
    const { transitionId } = await requestTransition(ctxFor(keyworker), { caseId, to: "CHILD_IN_NEED", reason: "r" });
    const clinician = await createUser(tenantId, { role: "CLINICIAN", teamId });
    const elsewhere = await createUser((await createTenant()).id, { role: "SOCIAL_WORKER" });
    for (const worker of [keyworker, clinician, elsewhere]) {
      await expect(decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE", newWorkerId: worker.id })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { newWorkerId: ["Choose a social worker from the list"] },
      });
    }
    expect(await caseState(caseId)).toMatchObject({ level: "SUPPORT", current: [[keyworker.id, "LEAD"]], ended: [] });
  });
});

describe("step-down", () => {
  it("CIN → Support: the keyworker becomes lead, the social worker's allocation ends, CIN episodes close", async () => {
    const { caseId, childIds } = await caseAt("CHILD_IN_NEED", [
      { worker: socialWorker, role: "LEAD" },
      { worker: keyworker, role: "CO_WORKER" },
    ]);
    await withTenant(tenantId, (tx) =>
      tx.cinEpisode.createMany({ data: childIds.map((personId) => ({ tenantId, personId, caseId, referralDate: fromIsoDate(addDays(today, -60)), referralSource: "2A", primaryNeedCode: "N1" })) }),
    );
    const { transitionId } = await requestTransition(ctxFor(socialWorker), {
      caseId,
      to: "SUPPORT",
      reason: "Plan achieved; family engaging",
      reviewHeldOn: lastWeek,
      leadProfessionalId: keyworker.id,
      familyInformed: true,
    });
    await decideTransition(ctxFor(assistant), { transitionId, decision: "APPROVE", comment: "Agreed at review" });
    const state = await caseState(caseId);
    expect(state.level).toBe("SUPPORT");
    expect(state.current).toEqual([[keyworker.id, "LEAD"]]);
    expect(state.ended).toEqual(
      expect.arrayContaining([
        [socialWorker.id, "Stepped down to Support"],
        [keyworker.id, "Stepped down to Support"],
      ]),
    );
    const episodes = await withTenant(tenantId, (tx) => tx.cinEpisode.findMany({ where: { tenantId, caseId }, select: { closureReason: true, closureDate: true } }));
    expect(episodes).toEqual(childIds.map(() => ({ closureReason: "RC7", closureDate: fromIsoDate(today) })));
  });

  it("CP → CIN ends the child protection plan and keeps the CIN episode open", async () => {
    const { caseId, childIds } = await caseAt("CHILD_PROTECTION", [{ worker: socialWorker, role: "LEAD" }], 1);
    await withTenant(tenantId, async (tx) => {
      await tx.cinEpisode.create({ data: { tenantId, personId: childIds[0]!, caseId, referralDate: fromIsoDate(addDays(today, -60)), referralSource: "2A", primaryNeedCode: "N1" } });
      await tx.cpPlan.create({ data: { tenantId, personId: childIds[0]!, caseId, startDate: fromIsoDate(addDays(today, -40)), initialCategory: "EMO", latestCategory: "EMO", recordedById: socialWorker.id } });
    });
    const { transitionId } = await requestTransition(ctxFor(socialWorker), { caseId, to: "CHILD_IN_NEED", reason: "Risks reduced", reviewHeldOn: lastWeek, leadProfessionalId: socialWorker.id, familyInformed: true });
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" });
    const records = await withTenant(tenantId, async (tx) => ({
      plan: await tx.cpPlan.findFirstOrThrow({ where: { tenantId, caseId }, select: { endDate: true } }),
      episode: await tx.cinEpisode.findFirstOrThrow({ where: { tenantId, caseId }, select: { closureDate: true } }),
    }));
    expect(records).toEqual({ plan: { endDate: fromIsoDate(today) }, episode: { closureDate: null } });
  });

  it("CIN → Support is led by a keyworker: a social worker, or someone who holds no cases, is refused as lead", async () => {
    const { caseId } = await caseAt("CHILD_IN_NEED", [{ worker: socialWorker, role: "LEAD" }]);
    const ask = (leadProfessionalId: string) => requestTransition(ctxFor(socialWorker), { caseId, to: "SUPPORT", reason: "Plan achieved", reviewHeldOn: lastWeek, leadProfessionalId, familyInformed: true });
    await expect(ask(socialWorker.id)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { leadProfessionalId: [expect.stringContaining("the lead professional is a family keyworker")] } });
    await expect(ask(manager.id)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { leadProfessionalId: [expect.stringContaining("a practitioner who holds cases")] } });
  });

  it("cannot take effect before the allocations it ends started, and says from when it can", async () => {
    const { caseId } = await caseAt("CHILD_IN_NEED", [{ worker: keyworker, role: "CO_WORKER" }]);
    await allocate(tenantId, caseId, socialWorker.id, "LEAD", addDays(today, -3));
    const { transitionId } = await requestTransition(ctxFor(socialWorker), {
      caseId,
      to: "SUPPORT",
      reason: "Plan achieved",
      reviewHeldOn: addDays(today, -6),
      leadProfessionalId: keyworker.id,
      familyInformed: true,
    });
    await withTenant(tenantId, (tx) => tx.transition.update({ where: { tenantId_id: { tenantId, id: transitionId } }, data: { requestedAt: fromIsoDate(addDays(today, -10)) } }));
    await expect(decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE", effectiveOn: addDays(today, -5) })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("Sasha Social's allocation started on"),
      fieldErrors: { effectiveOn: [expect.stringMatching(/^Enter .+ or later$/)] },
    });
    expect((await caseState(caseId)).level).toBe("CHILD_IN_NEED");
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE", effectiveOn: addDays(today, -3) });
    expect((await caseState(caseId)).level).toBe("SUPPORT");
  });

  it("is refused without the rationale, a review held beforehand, the lead professional and the family told", async () => {
    const { caseId } = await caseAt("CHILD_IN_NEED", [{ worker: socialWorker, role: "LEAD" }]);
    await expect(requestTransition(ctxFor(socialWorker), { caseId, to: "SUPPORT", reason: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        reason: ["Record the rationale for stepping down"],
        reviewHeldOn: ["Enter the date of the CIN review held before the step-down"],
        leadProfessionalId: ["Choose the lead professional after the step-down"],
        familyInformed: ["Tell the family before the step-down, then confirm it here"],
      },
    });
  });
});

describe("refusals", () => {
  it("refuses a move the state machine does not allow, saying what is possible", async () => {
    const { caseId } = await caseAt("CHILD_PROTECTION", [{ worker: socialWorker, role: "LEAD" }]);
    await expect(requestTransition(ctxFor(socialWorker), { caseId, to: "EARLY_HELP", reason: "r" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("cannot move to Early help directly. From Child protection it can: step-down to Child in need"),
    });
  });

  it("allows one open request per case", async () => {
    const { caseId } = await caseAt("CHILD_IN_NEED", [{ worker: socialWorker, role: "LEAD" }]);
    await requestTransition(ctxFor(socialWorker), { caseId, to: "CHILD_PROTECTION", reason: "Strategy discussion held" });
    await expect(requestTransition(ctxFor(socialWorker), { caseId, to: "CLOSED", reason: "r", closureReason: "RC7" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejection needs a comment; a decided request cannot be decided again; nobody approves their own request; other teams' managers cannot decide", async () => {
    const { caseId } = await caseAt("CHILD_IN_NEED", [{ worker: socialWorker, role: "LEAD" }]);
    const { transitionId } = await requestTransition(ctxFor(manager), { caseId, to: "CLOSED", reason: "Needs met", closureReason: "RC7" });
    await expect(decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("another manager") });
    await expect(decideTransition(ctxFor(otherTeamManager), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideTransition(ctxFor(socialWorker), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideTransition(ctxFor(head), { transitionId, decision: "REJECT" })).rejects.toMatchObject({ code: "VALIDATION" });
    await decideTransition(ctxFor(head), { transitionId, decision: "REJECT", comment: "Hold until the review" });
    await expect(decideTransition(ctxFor(assistant), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({ code: "REFUSED" });
    expect((await caseState(caseId)).status).toBe("OPEN");
    expect(await getTransition(ctxFor(socialWorker), transitionId)).toMatchObject({ status: "REJECTED", decisionComment: "Hold until the review" });
  });
});

describe("closure", () => {
  it("closes the case with its reason and ends every allocation and episode", async () => {
    const { caseId, childIds } = await caseAt("CHILD_IN_NEED", [
      { worker: socialWorker, role: "LEAD" },
      { worker: keyworker, role: "CO_WORKER" },
    ]);
    await withTenant(tenantId, (tx) => tx.cinEpisode.create({ data: { tenantId, personId: childIds[0]!, caseId, referralDate: fromIsoDate(addDays(today, -60)), referralSource: "6" } }));
    const { transitionId } = await requestTransition(ctxFor(socialWorker), { caseId, to: "CLOSED", reason: "Family moved away", closureReason: "RC5" });
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" });
    const state = await caseState(caseId);
    expect(state).toMatchObject({ status: "CLOSED", closureReason: "RC5", current: [] });
    expect(state.ended).toEqual([
      [socialWorker.id, "Case closed"],
      [keyworker.id, "Case closed"],
    ]);
    const episode = await withTenant(tenantId, (tx) => tx.cinEpisode.findFirstOrThrow({ where: { tenantId, caseId }, select: { closureReason: true } }));
    expect(episode.closureReason).toBe("RC5");
  });

  it("ends the children's running CP and CIN plans on the day it takes effect, so no review or visit stays due", async () => {
    const { caseId, childIds } = await caseAt("CHILD_PROTECTION", [{ worker: socialWorker, role: "LEAD" }]);
    const started = fromIsoDate(addDays(today, -50));
    await withTenant(tenantId, async (tx) => {
      await tx.cpPlan.create({ data: { tenantId, personId: childIds[0]!, caseId, startDate: started, initialCategory: "NEG", latestCategory: "NEG", recordedById: socialWorker.id } });
      await tx.cinPlan.create({ data: { tenantId, personId: childIds[1]!, caseId, startDate: started, recordedById: socialWorker.id } });
    });
    const { transitionId } = await requestTransition(ctxFor(socialWorker), { caseId, to: "CLOSED", reason: "Child protection plan no longer needed; family moved", closureReason: "RC5" });
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" });
    const plans = await withTenant(tenantId, async (tx) => ({
      cp: await tx.cpPlan.findMany({ where: { tenantId, caseId }, select: { endDate: true } }),
      cin: await tx.cinPlan.findMany({ where: { tenantId, caseId }, select: { endDate: true } }),
    }));
    expect(plans).toEqual({ cp: [{ endDate: fromIsoDate(today) }], cin: [{ endDate: fromIsoDate(today) }] });
  });

  it("is refused while a child is still looked after, naming the child and what to do; nothing changes", async () => {
    const { caseId, childIds } = await caseAt("CHILD_IN_NEED", [{ worker: socialWorker, role: "LEAD" }], 1);
    await withTenant(tenantId, async (tx) => {
      await tx.case.update({ where: { tenantId_id: { tenantId, id: caseId } }, data: { level: "LOOKED_AFTER" } });
      await tx.person.update({ where: { tenantId_id: { tenantId, id: childIds[0]! } }, data: { firstName: "Lola", lastName: "Carr" } });
      await tx.carePeriod.create({ data: { tenantId, personId: childIds[0]!, caseId, startDate: fromIsoDate("2026-01-05") } });
    });
    const { transitionId } = await requestTransition(ctxFor(socialWorker), { caseId, to: "CLOSED", reason: "Adopted", closureReason: "RC1" });
    await expect(decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({
      code: "REFUSED",
      message:
        "A child is still looked after: Lola Carr (since 5 Jan 2026). End the care period on the child's statutory record first, with the date and the reason it ended (the SSDA903 return needs them); then approve this request.",
    });
    expect(await caseState(caseId)).toMatchObject({ status: "OPEN", level: "LOOKED_AFTER", current: [[socialWorker.id, "LEAD"]] });
    await withTenant(tenantId, (tx) => tx.carePeriod.updateMany({ where: { tenantId, caseId }, data: { endDate: fromIsoDate(lastWeek), reasonEnded: "E11" } }));
    await decideTransition(ctxFor(manager), { transitionId, decision: "APPROVE" });
    expect(await caseState(caseId)).toMatchObject({ status: "CLOSED", closureReason: "RC1" });
  });

  it("needs a reason code", async () => {
    const { caseId } = await caseAt("CHILD_IN_NEED", [{ worker: socialWorker, role: "LEAD" }]);
    await expect(requestTransition(ctxFor(socialWorker), { caseId, to: "CLOSED", reason: "Done" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { closureReason: expect.any(Array) } });
  });
});

describe("who sees what", () => {
  it("a team manager sees their team's requests; the head of service sees all", async () => {
    const otherTeam = await createTeam(tenantId);
    const otherWorker = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: otherTeam.id });
    const { family, children } = await createFamily(tenantId);
    const c = await createCase(tenantId, { familyId: family.id, childIds: children.map((k) => k.id), level: "CHILD_IN_NEED", teamId: otherTeam.id });
    await allocate(tenantId, c.id, otherWorker.id);
    const { transitionId } = await requestTransition(ctxFor(otherWorker), { caseId: c.id, to: "CHILD_PROTECTION", reason: "ICPC held" });
    expect((await listAwaitingDecision(ctxFor(manager))).map((r) => r.id)).not.toContain(transitionId);
    expect((await listAwaitingDecision(ctxFor(head))).map((r) => r.id)).toContain(transitionId);
  });

  it("another council's requests are not found and never listed", async () => {
    const other = await createTenant();
    const otherTeam = await createTeam(other.id);
    const theirWorker = await createUser(other.id, { role: "SOCIAL_WORKER", teamId: otherTeam.id });
    const theirHead = await createUser(other.id, { role: "HEAD_OF_SERVICE" });
    const { family, children } = await createFamily(other.id);
    const c = await createCase(other.id, { familyId: family.id, childIds: children.map((k) => k.id), level: "CHILD_IN_NEED", teamId: otherTeam.id });
    await allocate(other.id, c.id, theirWorker.id);
    const { transitionId } = await requestTransition(ctxFor(theirWorker), { caseId: c.id, to: "CHILD_PROTECTION", reason: "r" });
    expect((await listAwaitingDecision(ctxFor(theirHead))).map((r) => r.id)).toEqual([transitionId]);
    expect((await listAwaitingDecision(ctxFor(head))).map((r) => r.id)).not.toContain(transitionId);
    await expect(getTransition(ctxFor(head), transitionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decideTransition(ctxFor(head), { transitionId, decision: "APPROVE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requestTransition(ctxFor(socialWorker), { caseId: c.id, to: "CLOSED", reason: "r", closureReason: "RC7" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCaseTransitions(ctxFor(socialWorker), c.id)).resolves.toEqual([]);
  });
});
