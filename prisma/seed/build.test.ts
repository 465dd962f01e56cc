// The demo data is deterministic and has what the demo and the e2e tests rely on.
import { describe, expect, it } from "vitest";
import { LEVELS, ROLES } from "../../lib/domain/roles";
import { buildCouncil } from "./build";
import { COUNCILS, DEMO_LOGIN_NAMES } from "./councils";

const today = "2026-11-22";
const built = COUNCILS.map((c, i) => buildCouncil(c, 1000 + i, today));

describe("demo councils", () => {
  it("are the same every time for the same seed and date", () => {
    expect(buildCouncil(COUNCILS[0]!, 1000, today)).toEqual(built[0]);
  });

  it("are a county, a London borough and a unitary", () => {
    expect(COUNCILS.map((c) => c.kind)).toEqual(["county", "london-borough", "unitary"]);
  });

  for (const [index, council] of COUNCILS.entries()) {
    describe(council.name, () => {
      const seed = built[index]!;
      const openCases = seed.cases.filter((c) => c.status === "OPEN");

      it("has 20+ workers covering every role, each role with a demo login", () => {
        expect(seed.users.length).toBeGreaterThanOrEqual(20);
        for (const role of ROLES) {
          expect(seed.users.some((u) => u.role === role), role).toBe(true);
          expect(seed.users.filter((u) => u.demoLogin && u.role === role).map((u) => u.email), role).toEqual([`${DEMO_LOGIN_NAMES[role]}@${council.slug}.example`]);
        }
      });

      it("has mixed teams and a children-in-care team", () => {
        expect(seed.teams.some((t) => t.kind === "MIXED")).toBe(true);
        expect(seed.teams.some((t) => t.kind === "CHILDREN_IN_CARE")).toBe(true);
      });

      it("has open cases at every level", () => {
        for (const level of LEVELS) expect(openCases.some((c) => c.level === level), level).toBe(true);
      });

      it("has a keyworker and a social worker together on some cases", () => {
        const roleOf = new Map(seed.users.map((u) => [u.id, u.role]));
        const together = openCases.filter((c) => {
          const roles = seed.allocations.filter((a) => a.caseId === c.id && !a.endDate).map((a) => roleOf.get(a.workerId));
          return roles.some((r) => r === "FAMILY_KEYWORKER" || r === "SENIOR_FAMILY_KEYWORKER") && roles.some((r) => r === "SOCIAL_WORKER" || r === "NEWLY_QUALIFIED_SOCIAL_WORKER" || r === "SENIOR_PRACTITIONER");
        });
        expect(together.length).toBeGreaterThan(0);
      });

      it("puts some workers near or over the cap of 18 (or the council's own cap)", () => {
        const openIds = new Set(openCases.map((c) => c.id));
        const children = new Map<string, number>();
        for (const cc of seed.caseChildren) children.set(cc.caseId, (children.get(cc.caseId) ?? 0) + 1);
        const unitFamilies = (council.settings as { caseload?: { countingUnit?: string } }).caseload?.countingUnit === "FAMILIES";
        const load = new Map<string, number>();
        for (const a of seed.allocations) {
          if (a.endDate || !openIds.has(a.caseId)) continue;
          load.set(a.workerId, (load.get(a.workerId) ?? 0) + (unitFamilies ? 1 : children.get(a.caseId)!));
        }
        const cap = unitFamilies ? 12 : 18;
        const loads = seed.users.filter((u) => u.role === "SOCIAL_WORKER").map((u) => load.get(u.id) ?? 0);
        expect(loads.some((l) => l > cap), `over ${cap}: ${loads}`).toBe(true);
        expect(loads.some((l) => l === cap - 1 || l === cap), `near ${cap}: ${loads}`).toBe(true);
      });

      it("has families with children and adults", () => {
        const kinds = new Map(seed.people.map((p) => [p.id, p.kind]));
        const withBoth = seed.families.filter((f) => {
          const members = seed.familyMembers.filter((m) => m.familyId === f.id).map((m) => kinds.get(m.personId));
          return members.includes("CHILD") && members.includes("ADULT");
        });
        expect(withBoth.length).toBeGreaterThan(seed.families.length / 2);
      });
    });
  }
});
