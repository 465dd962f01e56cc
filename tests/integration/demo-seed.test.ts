// The demo councils load into an empty database through the application role, with statutory
// history for every council.
import { describe, expect, it } from "vitest";
import { withPlatformOperator, withTenant } from "../../lib/db/tenant";
import { databaseHasCouncils, seedDemoCouncils } from "../../prisma/seed/index";

describe("demo seed", () => {
  it("loads three councils with casework and statutory history, and refuses to load twice", async () => {
    expect(await databaseHasCouncils()).toBe(false);
    await seedDemoCouncils({ today: "2026-11-20" });
    const tenants = await withPlatformOperator((tx) => tx.tenant.findMany({ select: { id: true, slug: true } }));
    expect(tenants.map((t) => t.slug).sort()).toEqual(["kingsmere", "tamsbridge", "wexcombe"]);
    for (const t of tenants) {
      const counts = await withTenant(t.id, async (tx) => ({
        referrals: await tx.cinEpisode.count(),
        assessments: await tx.assessment.count(),
        s47: await tx.section47.count(),
        cpPlans: await tx.cpPlan.count(),
        cinPlans: await tx.cinPlan.count(),
        carePeriods: await tx.carePeriod.count(),
        careEpisodes: await tx.careEpisode.count(),
        laReviews: await tx.laReview.count(),
        health: await tx.healthAssessment.count(),
      }));
      for (const [kind, n] of Object.entries(counts)) expect(n, `${t.slug} ${kind}`).toBeGreaterThan(0);
    }
    await expect(seedDemoCouncils()).rejects.toThrow(/already holds councils/);
  });
});
