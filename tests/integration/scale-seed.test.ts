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

    // placements have carers and locations; no household holds more children than its places
    const placements = await withTenant(tenantId, async (tx) => {
      const [row] = await tx.$queryRaw<{ episodes: number; with_carer: number; located: number; overfull: number; households: number }[]>`
        SELECT (SELECT count(*)::int FROM care_episode) AS episodes,
               (SELECT count(*)::int FROM care_episode WHERE carer_id IS NOT NULL) AS with_carer,
               (SELECT count(*)::int FROM care_episode WHERE home_latitude IS NOT NULL AND placement_latitude IS NOT NULL) AS located,
               (SELECT count(*)::int FROM carer c WHERE c.kind = 'FOSTER_HOUSEHOLD'
                  AND c.approved_places < (SELECT count(*) FROM care_episode e WHERE e.carer_id = c.id AND e.end_date IS NULL)) AS overfull,
               (SELECT count(*)::int FROM carer WHERE kind = 'FOSTER_HOUSEHOLD') AS households`;
      return row!;
    });
    expect(placements.households).toBe(p.teams * 12);
    expect(placements.episodes).toBeGreaterThan(0);
    expect(placements.with_carer).toBeGreaterThan(placements.episodes * 0.9);
    expect(placements.located).toBe(placements.with_carer);
    expect(placements.overfull).toBe(0);

    const worker = await withTenant(tenantId, (tx) => tx.user.findFirstOrThrow({ where: { tenantId, role: "SOCIAL_WORKER" }, select: { id: true, teamId: true } }));
    const child = await withTenant(tenantId, (tx) => tx.person.findFirstOrThrow({ where: { tenantId, kind: "CHILD" }, select: { laChildId: true, id: true } }));
    const found = await searchPeople({ tenantId, userId: worker.id, role: "SOCIAL_WORKER", teamId: worker.teamId, name: "w", tenantName: "t" }, child.laChildId!);
    expect(found.people[0]).toMatchObject({ id: child.id });

    await expect(withClient(database.appUrl, (c) => seedScale(c, "scale-test", p))).rejects.toThrow(/already exists/);
  });

  it("generates the same council twice: the same rows, figures and dates", async () => {
    const p = PROFILES.small!;
    const fingerprint = async (slug: string) => {
      const tenantId = await withClient(database.appUrl, (c) => seedScale(c, slug, p));
      return withTenant(tenantId, async (tx) => {
        const rows = await tx.$queryRaw<Record<string, string>[]>`
          SELECT (SELECT count(*) || ':' || md5(string_agg(referral_date || primary_need_code || coalesce(closure_date::text, ''), ',' ORDER BY person_id, referral_date)) FROM cin_episode) AS referrals,
                 (SELECT count(*) || ':' || md5(string_agg(start_date || coalesce(authorised_date::text, ''), ',' ORDER BY person_id, start_date)) FROM assessment) AS assessments,
                 (SELECT count(*) || ':' || md5(string_agg(start_date || coalesce(end_date::text, ''), ',' ORDER BY person_id, start_date)) FROM cp_plan) AS plans,
                 (SELECT count(*) || ':' || md5(string_agg(start_date || place || coalesce(provider, '') || weekly_cost || coalesce(carer_id::text, '') || coalesce(home_latitude::text, ''), ',' ORDER BY person_id, start_date)) FROM care_episode) AS placements,
                 (SELECT count(*) || ':' || md5(string_agg(visited_at || type::text || significant, ',' ORDER BY id)) FROM visit) AS visits,
                 (SELECT count(*) || ':' || md5(string_agg(first_name || last_name || date_of_birth || sex, ',' ORDER BY id)) FROM person) AS people`;
        return rows[0];
      });
    };
    const first = await fingerprint("scale-same-1");
    expect(await fingerprint("scale-same-2")).toEqual(first);
  });
});
