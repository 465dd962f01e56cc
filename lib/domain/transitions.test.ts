import { describe, expect, it } from "vitest";
import { LEVELS } from "./roles";
import { allowedTargets, kindOf, refusalFor, statutoryEndings, transitionEffects, validateTransition, type CurrentAllocation, type Target } from "./transitions";

const today = "2026-11-20";

describe("the state machine", () => {
  it("allows exactly these moves", () => {
    const table = Object.fromEntries(LEVELS.map((l) => [l, Object.fromEntries(allowedTargets(l).map((m) => [m.target, m.kind]))]));
    expect(table).toEqual({
      EARLY_HELP: { SUPPORT: "LEVEL_CHANGE", CHILD_IN_NEED: "STEP_UP", CHILD_PROTECTION: "STEP_UP", CLOSED: "CLOSURE" },
      SUPPORT: { EARLY_HELP: "STEP_DOWN", CHILD_IN_NEED: "STEP_UP", CHILD_PROTECTION: "STEP_UP", CLOSED: "CLOSURE" },
      CHILD_IN_NEED: { SUPPORT: "STEP_DOWN", CHILD_PROTECTION: "LEVEL_CHANGE", LOOKED_AFTER: "LEVEL_CHANGE", CLOSED: "CLOSURE" },
      CHILD_PROTECTION: { CHILD_IN_NEED: "STEP_DOWN", LOOKED_AFTER: "LEVEL_CHANGE", CLOSED: "CLOSURE" },
      LOOKED_AFTER: { CHILD_IN_NEED: "LEVEL_CHANGE", CARE_LEAVER: "LEVEL_CHANGE", CLOSED: "CLOSURE" },
      CARE_LEAVER: { CLOSED: "CLOSURE" },
    });
  });

  it("refuses every other move, saying what is possible instead", () => {
    const targets: Target[] = [...LEVELS, "CLOSED"];
    let refused = 0;
    for (const from of LEVELS) {
      for (const to of targets) {
        if (kindOf(from, to)) continue;
        refused++;
        const result = validateTransition({ from, to, reason: "r", today });
        expect(result.ok, `${from} → ${to}`).toBe(false);
      }
    }
    expect(refused).toBe(6 * 7 - 19);
    expect(refusalFor("CHILD_PROTECTION", "EARLY_HELP")).toBe(
      "A case at Child protection cannot move to Early help directly. From Child protection it can: step-down to Child in need, change of level to Looked after, closure to Closed.",
    );
    expect(refusalFor("SUPPORT", "SUPPORT")).toBe("The case is already at Support.");
  });
});

describe("requirements", () => {
  const keyworker = { id: "kw", role: "FAMILY_KEYWORKER" as const };
  const socialWorker = { id: "sw", role: "SOCIAL_WORKER" as const };

  it("a step-up needs a reason", () => {
    expect(validateTransition({ from: "SUPPORT", to: "CHILD_IN_NEED", reason: "Escalating neglect", today })).toEqual({ ok: true, kind: "STEP_UP" });
    expect(validateTransition({ from: "SUPPORT", to: "CHILD_IN_NEED", reason: " ", today })).toEqual({
      ok: false,
      problems: [{ field: "reason", message: "Give the reason for the step-up" }],
    });
  });

  it("a step-down needs the rationale, a review held before it, the lead professional and the family told", () => {
    const result = validateTransition({ from: "CHILD_IN_NEED", to: "SUPPORT", reason: "", today });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: "reason", message: "Record the rationale for stepping down" },
        { field: "reviewHeldOn", message: "Enter the date of the CIN review held before the step-down" },
        { field: "leadProfessionalId", message: "Choose the lead professional after the step-down" },
        { field: "familyInformed", message: "Tell the family before the step-down, then confirm it here" },
      ],
    });
    expect(
      validateTransition({ from: "CHILD_IN_NEED", to: "SUPPORT", reason: "Plan achieved", reviewHeldOn: "2026-11-18", leadProfessional: keyworker, familyInformed: true, today }),
    ).toEqual({ ok: true, kind: "STEP_DOWN" });
  });

  it("a review in the future does not count", () => {
    const result = validateTransition({ from: "CHILD_PROTECTION", to: "CHILD_IN_NEED", reason: "r", reviewHeldOn: "2026-11-21", leadProfessional: socialWorker, familyInformed: true, today });
    expect(result).toEqual({ ok: false, problems: [{ field: "reviewHeldOn", message: "The CP review must have been held already: a step-down follows the review" }] });
  });

  it("CP → CIN keeps a social worker as lead professional", () => {
    const result = validateTransition({ from: "CHILD_PROTECTION", to: "CHILD_IN_NEED", reason: "r", reviewHeldOn: "2026-11-01", leadProfessional: keyworker, familyInformed: true, today });
    expect(result).toEqual({ ok: false, problems: [{ field: "leadProfessionalId", message: "At Child in need the lead professional must be a social worker" }] });
  });

  it("a step-down to Support or Early help is led by a family keyworker; nobody who holds no cases can lead", () => {
    const down = (to: "SUPPORT" | "EARLY_HELP", from: "CHILD_IN_NEED" | "SUPPORT", lead: { id: string; role: "SOCIAL_WORKER" | "SENIOR_FAMILY_KEYWORKER" | "TEAM_MANAGER" | "TENANT_ADMIN" }) =>
      validateTransition({ from, to, reason: "r", reviewHeldOn: "2026-11-01", leadProfessional: lead, familyInformed: true, today });
    expect(down("SUPPORT", "CHILD_IN_NEED", socialWorker)).toEqual({
      ok: false,
      problems: [{ field: "leadProfessionalId", message: "At Support the lead professional is a family keyworker: the social worker's allocation ends with the step-down" }],
    });
    expect(down("EARLY_HELP", "SUPPORT", { id: "skw", role: "SENIOR_FAMILY_KEYWORKER" })).toEqual({ ok: true, kind: "STEP_DOWN" });
    for (const role of ["TEAM_MANAGER", "TENANT_ADMIN"] as const) {
      expect(down("SUPPORT", "CHILD_IN_NEED", { id: "m", role })).toEqual({
        ok: false,
        problems: [{ field: "leadProfessionalId", message: "The lead professional must be a practitioner who holds cases: choose a keyworker or social worker" }],
      });
    }
  });

  it("a closure needs a DfE reason RC1–RC9", () => {
    expect(validateTransition({ from: "CHILD_IN_NEED", to: "CLOSED", reason: "Done", closureReason: "RC7", today })).toEqual({ ok: true, kind: "CLOSURE" });
    expect(validateTransition({ from: "CHILD_IN_NEED", to: "CLOSED", reason: "Done", closureReason: "RC10", today })).toMatchObject({
      ok: false,
      problems: [{ field: "closureReason" }],
    });
  });
});

describe("effects of approval", () => {
  const kwLead: CurrentAllocation = { id: "a-kw", workerId: "kw", workerRole: "FAMILY_KEYWORKER", roleOnCase: "LEAD" };
  const swLead: CurrentAllocation = { id: "a-sw", workerId: "sw", workerRole: "SOCIAL_WORKER", roleOnCase: "LEAD" };
  const kwCo: CurrentAllocation = { id: "a-kw-co", workerId: "kw", workerRole: "FAMILY_KEYWORKER", roleOnCase: "CO_WORKER" };
  const clinician: CurrentAllocation = { id: "a-cl", workerId: "cl", workerRole: "CLINICIAN", roleOnCase: "CLINICIAN" };

  it("step-up: the social worker leads and the keyworker stays as co-worker", () => {
    expect(transitionEffects({ kind: "STEP_UP", to: "CHILD_IN_NEED", allocations: [kwLead], newSocialWorkerId: "sw" })).toEqual({
      level: "CHILD_IN_NEED",
      closeCase: false,
      end: [{ allocationId: "a-kw", reason: "Stepped up to Child in need" }],
      create: [
        { workerId: "sw", roleOnCase: "LEAD" },
        { workerId: "kw", roleOnCase: "CO_WORKER" },
      ],
    });
  });

  it("step-down to Support: the keyworker leads and the social worker's allocation ends; a clinician stays", () => {
    expect(transitionEffects({ kind: "STEP_DOWN", to: "SUPPORT", allocations: [swLead, kwCo, clinician], leadProfessionalId: "kw" })).toEqual({
      level: "SUPPORT",
      closeCase: false,
      end: [
        { allocationId: "a-sw", reason: "Stepped down to Support" },
        { allocationId: "a-kw-co", reason: "Stepped down to Support" },
      ],
      create: [{ workerId: "kw", roleOnCase: "LEAD" }],
    });
  });

  it("step-down CP → CIN with the same social worker changes only the level", () => {
    expect(transitionEffects({ kind: "STEP_DOWN", to: "CHILD_IN_NEED", allocations: [swLead, kwCo], leadProfessionalId: "sw" })).toEqual({
      level: "CHILD_IN_NEED",
      closeCase: false,
      end: [],
      create: [],
    });
  });

  it("closure ends every allocation", () => {
    expect(transitionEffects({ kind: "CLOSURE", to: "CLOSED", allocations: [swLead, kwCo] })).toEqual({
      level: null,
      closeCase: true,
      end: [
        { allocationId: "a-sw", reason: "Case closed" },
        { allocationId: "a-kw-co", reason: "Case closed" },
      ],
      create: [],
    });
  });

  it("a level change moves the level only", () => {
    expect(transitionEffects({ kind: "LEVEL_CHANGE", to: "CHILD_PROTECTION", allocations: [swLead] })).toEqual({ level: "CHILD_PROTECTION", closeCase: false, end: [], create: [] });
  });
});

describe("statutory records on approval", () => {
  it("closing ends every running plan and episode; stepping down from CP ends the CP plan; leaving social care ends CIN plans and episodes", () => {
    const all = { cpPlans: true, cinPlans: true, cinEpisodes: true, refuseOpenCare: true };
    expect(statutoryEndings("CHILD_PROTECTION", "CLOSED")).toEqual(all);
    expect(statutoryEndings("LOOKED_AFTER", "CLOSED")).toEqual(all);
    expect(statutoryEndings("CHILD_PROTECTION", "CHILD_IN_NEED")).toEqual({ cpPlans: true, cinPlans: false, cinEpisodes: false, refuseOpenCare: true });
    expect(statutoryEndings("CHILD_IN_NEED", "SUPPORT")).toEqual(all);
    expect(statutoryEndings("SUPPORT", "EARLY_HELP")).toEqual(all);
  });

  it("moving up keeps everything running; only a move to Looked after may leave a care period open", () => {
    expect(statutoryEndings("CHILD_IN_NEED", "CHILD_PROTECTION")).toEqual({ cpPlans: false, cinPlans: false, cinEpisodes: false, refuseOpenCare: true });
    expect(statutoryEndings("CHILD_PROTECTION", "LOOKED_AFTER")).toEqual({ cpPlans: false, cinPlans: false, cinEpisodes: false, refuseOpenCare: false });
    expect(statutoryEndings("LOOKED_AFTER", "CARE_LEAVER").refuseOpenCare).toBe(true);
    expect(statutoryEndings("LOOKED_AFTER", "CHILD_IN_NEED").refuseOpenCare).toBe(true);
  });
});
