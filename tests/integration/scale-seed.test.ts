// npm run seed:scale's generator, run with the small profile: a whole council in one transaction,
// through the application role, confined to that council.
import { describe, expect, it } from "vitest";
import { searchPeople } from "../../lib/data/search";
import { PROFILES } from "../../lib/db/scale-profiles";
import { seedScale } from "../../lib/db/scale-seed";
import { withTenant } from "../../lib/db/tenant";
import { withClient } from "../support/database";
import { createTenant } from "../support/factories";
import { database } from "./setup";

describe("seedScale", () => {
  it("generates the profile's council, all rows in it, searchable, and refuses an existing slug", async () => {
    const other = await createTenant();
    const p = PROFILES.small!;
    const tenantId = await withClient(database.appUrl, (c) => seedScale(c, "scale-test", p));
    const counts = await withTenant(tenantId, async (tx) => ({
      people: await tx.person.count({ where: { tenantId } }),
      families: await tx.family.count({ where: { tenantId } }),
      cases: await tx.case.count({ where: { tenantId } }),
      open: await tx.case.count({ where: { tenantId, status: "OPEN" } }),
      workers: await tx.user.count({ where: { tenantId, role: { in: ["SOCIAL_WORKER", "FAMILY_KEYWORKER", "NEWLY_QUALIFIED_SOCIAL_WORKER", "SENIOR_PRACTITIONER"] } } }),
      openUnallocated: await tx.case.count({ where: { tenantId, status: "OPEN", allocations: { none: { endDate: null } } } }),
    }));
    expect(counts).toEqual({ people: p.people, families: p.families, cases: p.cases, open: p.openCases, workers: p.practitioners, openUnallocated: 0 });
    expect(await withTenant(other.id, (tx) => tx.person.count())).toBe(0);

    const worker = await withTenant(tenantId, (tx) => tx.user.findFirstOrThrow({ where: { tenantId, role: "SOCIAL_WORKER" }, select: { id: true, teamId: true } }));
    const child = await withTenant(tenantId, (tx) => tx.person.findFirstOrThrow({ where: { tenantId, kind: "CHILD" }, select: { laChildId: true, id: true } }));
    const found = await searchPeople({ tenantId, userId: worker.id, role: "SOCIAL_WORKER", teamId: worker.teamId, name: "w", tenantName: "t" }, child.laChildId!);
    expect(found.people[0]?.id).toBe(child.id);

    await expect(withClient(database.appUrl, (c) => seedScale(c, "scale-test", p))).rejects.toThrow(/already exists/);
  });
});
