// The demo data is deterministic and has what the demo and the e2e tests rely on.
import { describe, expect, it } from "vitest";
import { addDays } from "../../lib/domain/dates";
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

      it("has visits to most open cases, by their lead worker, seeing the case's children, never in the future nor before the case opened; some cases behind, some not visited", () => {
        const visited = new Set(seed.visits.map((v) => v.caseId));
        const allocated = openCases.filter((c) => seed.allocations.some((a) => a.caseId === c.id && a.roleOnCase === "LEAD" && !a.endDate));
        expect(visited.size / allocated.length).toBeGreaterThan(0.7);
        expect(visited.size).toBeLessThan(allocated.length);
        for (const v of seed.visits) {
          const c = seed.cases.find((x) => x.id === v.caseId)!;
          expect(c.status).toBe("OPEN");
          expect(v.visitedAt.slice(0, 10) < today && v.visitedAt.slice(0, 10) >= c.openedOn, v.visitedAt).toBe(true);
          expect(seed.allocations.some((a) => a.caseId === c.id && a.workerId === v.recordedById && a.roleOnCase === "LEAD")).toBe(true);
          const children = seed.caseChildren.filter((cc) => cc.caseId === c.id).map((cc) => cc.personId);
          expect(v.children.length).toBeGreaterThan(0);
          expect(v.children.every((ch) => children.includes(ch.personId))).toBe(true);
        }
        // the last visit to some cases is well past their level's interval
        const last = new Map<string, string>();
        for (const v of seed.visits) if ((last.get(v.caseId) ?? "") < v.visitedAt) last.set(v.caseId, v.visitedAt);
        const behind = [...last.entries()].filter(([caseId, at]) => {
          const level = seed.cases.find((x) => x.id === caseId)!.level;
          const days = (Date.parse(today) - Date.parse(at.slice(0, 10))) / 86_400_000;
          return days > ({ CHILD_PROTECTION: 9, LOOKED_AFTER: 35, CARE_LEAVER: 42 } as Record<string, number>)[level]! * 1.2 || days > 25 && !["CHILD_PROTECTION", "LOOKED_AFTER", "CARE_LEAVER"].includes(level);
        });
        expect(behind.length).toBeGreaterThan(0);
        expect(behind.length).toBeLessThan(last.size / 2);
      });

      it("has re-referrals: children referred in the last year whose earlier case, in the same family, closed before it", () => {
        const episodes = seed.statutory.episodes;
        const reReferred = episodes.filter((e) =>
          episodes.some((earlier) => earlier.personId === e.personId && earlier.id !== e.id && earlier.closureDate !== null && earlier.closureDate < e.referralDate && e.referralDate <= addDays(earlier.referralDate, 365)),
        );
        expect(reReferred.length).toBeGreaterThan(0);
        for (const e of reReferred) {
          const earlier = episodes.find((x) => x.personId === e.personId && x.id !== e.id)!;
          const [now, then] = [seed.cases.find((c) => c.id === e.caseId)!, seed.cases.find((c) => c.id === earlier.caseId)!];
          expect(then).toMatchObject({ status: "CLOSED", familyId: now.familyId, closedOn: earlier.closureDate });
          expect(seed.statutory.assessments.some((a) => a.cinEpisodeId === earlier.id && a.authorisedDate! <= earlier.closureDate!)).toBe(true);
        }
      });

      it("has contacts waiting at the front door about children of known families", () => {
        expect(seed.contacts.length).toBeGreaterThanOrEqual(2);
        for (const contact of seed.contacts) {
          expect(contact.childIds.length).toBeGreaterThan(0);
          const members = seed.familyMembers.filter((m) => m.familyId === contact.familyId).map((m) => m.personId);
          expect(contact.childIds.every((id) => members.includes(id))).toBe(true);
          expect(contact.receivedOn <= today).toBe(true);
        }
      });

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

      it("has its own foster households (one to three places, never over), agencies and a home, and every placement with a carer and located", () => {
        const st = seed.statutory;
        const kinds = (kind: string) => st.carers.filter((c) => c.kind === kind);
        const households = kinds("FOSTER_HOUSEHOLD");
        expect(households.length).toBeGreaterThanOrEqual(5);
        expect(new Set(st.carers.map((c) => c.name)).size).toBe(st.carers.length);
        expect(new Set(households.map((c) => c.approvedPlaces))).toEqual(new Set([1, 2, 3]));
        expect(households.every((c) => c.provider === "PR1" && c.laCode === council.laCode && c.ageFrom! <= c.ageTo!)).toBe(true);
        expect(kinds("FOSTERING_AGENCY").map((c) => c.provider)).toEqual(["PR4", "PR4"]);
        expect(kinds("RESIDENTIAL")).toHaveLength(1);
        expect(st.carers.some((c) => c.laCode !== council.laCode)).toBe(true);
        const byId = new Map(st.carers.map((c) => [c.id, c]));
        for (const e of st.careEpisodes) {
          const carer = byId.get(e.carerId!);
          expect(carer, e.id).toBeDefined();
          expect(e).toMatchObject({ placementPostcode: carer!.postcode, placementLaCode: carer!.laCode, placementLatitude: carer!.latitude, homeLatitude: expect.any(Number) });
          // in-house fostering is with the council's households; agency fostering with an agency
          if (e.provider === "PR1") expect(carer!.kind).toBe("FOSTER_HOUSEHOLD");
          if (e.provider === "PR4" && e.place.startsWith("U")) expect(carer!.kind).toBe("FOSTERING_AGENCY");
          // mainstream carers, not relatives or friends (U1–U3)
          if (carer!.kind !== "RESIDENTIAL") expect(["U4", "U6"]).toContain(e.place);
        }
        for (const c of households) {
          const placed = st.careEpisodes.filter((e) => e.carerId === c.id && e.endDate === null).length;
          expect(placed, c.name).toBeLessThanOrEqual(c.approvedPlaces!);
        }
      });

      it("leaves a household with room near a child in agency foster care, for Find a placement", () => {
        const st = seed.statutory;
        const dob = new Map(seed.people.map((p) => [p.id, p.dateOfBirth]));
        const inAgency = st.careEpisodes.filter((e) => e.endDate === null && e.provider === "PR4" && e.place === "U6");
        expect(inAgency.length).toBeGreaterThan(0);
        const placed = (id: string) => st.careEpisodes.filter((e) => e.carerId === id && e.endDate === null).length;
        for (const e of inAgency) {
          const age = Math.floor((Date.parse(today) - Date.parse(dob.get(e.personId)!)) / (365.25 * 86_400_000));
          const room = st.carers.filter((c) => c.kind === "FOSTER_HOUSEHOLD" && placed(c.id) < c.approvedPlaces! && c.ageFrom! <= age && age <= c.ageTo!);
          expect(room.length, `a household for a child of ${age}`).toBeGreaterThan(0);
          // within about 25 miles of home (0.01° of latitude ≈ 0.69 miles)
          const miles = Math.min(...room.map((c) => Math.hypot((c.latitude - e.homeLatitude!) * 69, (c.longitude - e.homeLongitude!) * 43)));
          expect(miles).toBeLessThan(30);
        }
      });
    });
  }
});
