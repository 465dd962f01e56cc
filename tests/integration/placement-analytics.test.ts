// The Placements section of the head of service's dashboard (issue 6) on a hand-built council: each
// figure worked out by hand below, checked against getBoroughDashboard, and the in-house share, the
// spend and the children with 3+ placements cross-checked by independent SQL over the same rows.
// Another council's placements, made to differ in every figure, never count.
import { beforeAll, describe, expect, it } from "vitest";
import { getBoroughDashboard } from "../../lib/data/kpis";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate } from "../../lib/domain/dates";
import { createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestTenant, type TestUser } from "../support/factories";

const FY = { kind: "fy" as const, year: 2026 }; // 1 April 2025 – 31 March 2026 (365 days), measured on 31 March 2026
const d = fromIsoDate;
const HOME = { latitude: 51, longitude: -1.8 };
/** a point `n` miles north of HOME: 1° of latitude = 3,958.8 × π ÷ 180 = 69.094 miles */
const north = (n: number) => ({ latitude: 51 + n / 69.094, longitude: -1.8 });

type Place = { latitude: number; longitude: number } | null;
type EpisodeSpec = {
  start: string;
  end?: string;
  place: string;
  provider: string | null;
  carerId?: string | null;
  cost?: number | null;
  legalStatus?: string;
  rne: "S" | "L" | "P" | "T" | "B" | "U";
  placement?: Place;
  la?: string | null;
  avoided?: boolean;
};

/**
 * A looked-after child in their own case, with a period of care, its episodes (home always HOME) and
 * the social work allocations on the case.
 */
async function lookedAfterChild(
  tenant: TestTenant,
  teamId: string,
  spec: { dateOfBirth: string; care: [string, string | null]; episodes: EpisodeSpec[]; allocations?: { workerId: string; start: string; end?: string; role?: "LEAD" | "CO_WORKER" }[] },
) {
  const { family, children } = await createFamily(tenant.id, { children: [{ dateOfBirth: spec.dateOfBirth }] });
  const childId = children[0]!.id;
  const kase = await createCase(tenant.id, { familyId: family.id, childIds: [childId], teamId, level: "LOOKED_AFTER", openedOn: spec.care[0] });
  await withTenant(tenant.id, async (tx) => {
    const t = tenant.id;
    const period = await tx.carePeriod.create({
      data: { tenantId: t, personId: childId, caseId: kase.id, startDate: d(spec.care[0]), endDate: spec.care[1] ? d(spec.care[1]) : null, reasonEnded: spec.care[1] ? "E4A" : null, categoryOfNeed: "N1" },
    });
    for (const e of spec.episodes) {
      await tx.careEpisode.create({
        data: {
          tenantId: t,
          carePeriodId: period.id,
          personId: childId,
          startDate: d(e.start),
          endDate: e.end ? d(e.end) : null,
          legalStatus: e.legalStatus ?? "C2",
          reasonNewEpisode: e.rne,
          place: e.place,
          provider: e.provider,
          carerId: e.carerId ?? null,
          weeklyCost: e.cost ?? null,
          avoidedAgency: e.avoided ?? false,
          homeLatitude: HOME.latitude,
          homeLongitude: HOME.longitude,
          placementLatitude: e.placement?.latitude ?? null,
          placementLongitude: e.placement?.longitude ?? null,
          placementLaCode: e.la ?? null,
        },
      });
    }
    for (const a of spec.allocations ?? []) {
      await tx.allocation.create({
        data: { tenantId: t, caseId: kase.id, workerId: a.workerId, roleOnCase: a.role ?? "LEAD", startDate: d(a.start), endDate: a.end ? d(a.end) : null, endReason: a.end ? "Moved on" : null },
      });
    }
  });
  return childId;
}

async function carer(tenantId: string, spec: { kind: "FOSTER_HOUSEHOLD" | "FOSTERING_AGENCY" | "RESIDENTIAL"; name: string; provider: string; at: { latitude: number; longitude: number }; la: string }) {
  return withTenant(tenantId, (tx) =>
    tx.carer.create({
      data: {
        tenantId,
        kind: spec.kind,
        name: spec.name,
        provider: spec.provider,
        postcode: "TE1 1ST",
        latitude: spec.at.latitude,
        longitude: spec.at.longitude,
        laCode: spec.la,
        ...(spec.kind === "FOSTER_HOUSEHOLD" ? { approvedPlaces: 2, ageFrom: 0, ageTo: 17 } : {}),
      },
      select: { id: true },
    }),
  );
}

let council: TestTenant;
let other: TestTenant;
let head: TestUser;
let sql: <T>(query: string, params?: unknown[]) => Promise<T[]>;

beforeAll(async () => {
  // The council's LA code is 999 (tests/support/factories.ts).
  // carers and placements below are in area when their LA code is the council's own
  council = await createTenant({ name: "Placements council", laCode: "999" });
  const team = await createTeam(council.id, { kind: "CHILDREN_IN_CARE" });
  head = await createUser(council.id, { role: "HEAD_OF_SERVICE" });
  const sw1 = await createUser(council.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const sw2 = await createUser(council.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const sw3 = await createUser(council.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const nqsw = await createUser(council.id, { role: "NEWLY_QUALIFIED_SOCIAL_WORKER", teamId: team.id });
  const senior = await createUser(council.id, { role: "SENIOR_PRACTITIONER", teamId: team.id });
  const keyworker = await createUser(council.id, { role: "FAMILY_KEYWORKER", teamId: team.id });

  const h1 = await carer(council.id, { kind: "FOSTER_HOUSEHOLD", name: "Household one", provider: "PR1", at: north(5), la: "999" });
  const h2 = await carer(council.id, { kind: "FOSTER_HOUSEHOLD", name: "Household two", provider: "PR1", at: north(25), la: "999" });
  const h3 = await carer(council.id, { kind: "FOSTER_HOUSEHOLD", name: "Household three", provider: "PR1", at: north(2), la: "999" });
  const ag1 = await carer(council.id, { kind: "FOSTERING_AGENCY", name: "Agency one", provider: "PR4", at: north(30), la: "998" });
  const ag2 = await carer(council.id, { kind: "FOSTERING_AGENCY", name: "Agency two", provider: "PR5", at: north(40), la: "997" });
  const home = await carer(council.id, { kind: "RESIDENTIAL", name: "A children's home", provider: "PR4", at: north(60), la: "997" });

  // Amy, 11 on 31 Mar 2026: with household one (in-house, £300 a week, 5 miles, LA 999) since 1 Jan
  // 2022; her legal status changed on 1 Sep 2025 (RNE L: the same placement). One social worker.
  await lookedAfterChild(council, team.id, {
    dateOfBirth: "2015-01-01",
    care: ["2022-01-01", null],
    episodes: [
      { start: "2022-01-01", end: "2025-09-01", place: "U4", provider: "PR1", carerId: h1.id, cost: 300, rne: "S", placement: north(5), la: "999" },
      { start: "2025-09-01", place: "U4", provider: "PR1", carerId: h1.id, cost: 300, legalStatus: "C1", rne: "L", placement: north(5), la: "999" },
    ],
    allocations: [{ workerId: sw1.id, start: "2022-01-01" }],
  });
  // Ben, 13: with agency one (PR4, £850, 30 miles, LA 998) from 1 Jan 2023, then from 1 Jun 2025 with
  // household two (in-house, £320, 25 miles, LA 999), found instead of an agency placement. Social
  // workers: sw3 until 1 Jun 2024 (before the year), sw1 to 1 May 2025, sw2 since; a keyworker from
  // 1 Jun 2025 is not a social worker.
  await lookedAfterChild(council, team.id, {
    dateOfBirth: "2012-06-01",
    care: ["2023-01-01", null],
    episodes: [
      { start: "2023-01-01", end: "2025-06-01", place: "U6", provider: "PR4", carerId: ag1.id, cost: 850, rne: "S", placement: north(30), la: "998" },
      { start: "2025-06-01", place: "U6", provider: "PR1", carerId: h2.id, cost: 320, rne: "B", placement: north(25), la: "999", avoided: true },
    ],
    allocations: [
      { workerId: sw3.id, start: "2023-01-01", end: "2024-06-01" },
      { workerId: sw1.id, start: "2024-06-01", end: "2025-05-01" },
      { workerId: sw2.id, start: "2025-05-01" },
      { workerId: keyworker.id, start: "2025-06-01", role: "CO_WORKER" },
    ],
  });
  // Cat, 16: looked after from 10 Apr 2025 with household one (£300); from 1 Jul 2025 in a children's
  // home out of area (PR4, £4,000, no location recorded, LA 997); from 1 Nov 2025 with agency two (PR5,
  // £900, LA 997, no location recorded). Three social workers: sw1, an NQSW, a senior practitioner.
  await lookedAfterChild(council, team.id, {
    dateOfBirth: "2010-03-01",
    care: ["2025-04-10", null],
    episodes: [
      { start: "2025-04-10", end: "2025-07-01", place: "U6", provider: "PR1", carerId: h1.id, cost: 300, rne: "S", placement: north(5), la: "999" },
      { start: "2025-07-01", end: "2025-11-01", place: "K2", provider: "PR4", carerId: home.id, cost: 4000, rne: "B", la: "997" },
      { start: "2025-11-01", place: "U6", provider: "PR5", carerId: ag2.id, cost: 900, rne: "B", la: "997" },
    ],
    allocations: [
      { workerId: sw1.id, start: "2025-04-10", end: "2025-07-01" },
      { workerId: nqsw.id, start: "2025-07-01", end: "2025-12-01" },
      { workerId: senior.id, start: "2025-12-01" },
    ],
  });
  // Dan, 8: placed with his parents (P1, PR0) at home since 15 Jan 2026, no cost, the placement's
  // authority not recorded. No social worker allocated.
  await lookedAfterChild(council, team.id, {
    dateOfBirth: "2018-01-01",
    care: ["2026-01-15", null],
    episodes: [{ start: "2026-01-15", place: "P1", provider: "PR0", rne: "S", placement: HOME }],
  });
  // Eve: looked after from 1 Jan 2024 to 1 Oct 2025 with household three (£310, 2 miles). One social worker.
  await lookedAfterChild(council, team.id, {
    dateOfBirth: "2014-05-05",
    care: ["2024-01-01", "2025-10-01"],
    episodes: [{ start: "2024-01-01", end: "2025-10-01", place: "U4", provider: "PR1", carerId: h3.id, cost: 310, rne: "S", placement: north(2), la: "999" }],
    allocations: [{ workerId: sw2.id, start: "2024-01-01", end: "2025-10-01" }],
  });

  // Another council, with placements that would change every figure: an agency foster placement, an
  // in-house one made instead of an agency one 50 miles away out of area, three social workers.
  other = await createTenant({ name: "Other council", laCode: "996" });
  const otherTeam = await createTeam(other.id);
  const o = await Promise.all([1, 2, 3].map(() => createUser(other.id, { role: "SOCIAL_WORKER", teamId: otherTeam.id })));
  const oh = await carer(other.id, { kind: "FOSTER_HOUSEHOLD", name: "Their household", provider: "PR1", at: north(50), la: "990" });
  await lookedAfterChild(other, otherTeam.id, {
    dateOfBirth: "2012-01-01",
    care: ["2022-06-01", null],
    episodes: [
      { start: "2022-06-01", end: "2025-05-01", place: "U6", provider: "PR4", cost: 1000, rne: "S", placement: north(10), la: "996" },
      { start: "2025-05-01", end: "2025-08-01", place: "K2", provider: "PR5", cost: 5000, rne: "B", placement: north(70), la: "991" },
      { start: "2025-08-01", place: "U4", provider: "PR1", carerId: oh.id, cost: 400, rne: "B", placement: north(50), la: "990", avoided: true },
    ],
    allocations: o.map((w, i) => ({ workerId: w.id, start: ["2025-04-01", "2025-06-01", "2025-09-01"][i]!, end: ["2025-06-01", "2025-09-01", undefined][i] })),
  });
  await lookedAfterChild(other, otherTeam.id, {
    dateOfBirth: "2015-01-01",
    care: ["2025-01-01", null],
    episodes: [{ start: "2025-01-01", place: "U6", provider: "PR5", cost: 950, rne: "S", placement: north(3), la: "996" }],
  });

  const { withClient } = await import("../support/database");
  const { database } = await import("./setup");
  sql = async <T,>(query: string, params: unknown[] = []) => withClient(database.adminUrl, async (client) => (await client.query(query, [council.id, ...params])).rows as T[]);
});

describe("the Placements section of the borough KPIs", () => {
  it("matches the hand-worked figures", async () => {
    const dash = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    const p = dash.placements!;
    expect(p.on).toBe("2026-03-31");

    // open on 31 Mar 2026: Amy (U4, PR1), Ben (U6, PR1), Cat (U6, PR5), Dan (P1, PR0); Eve left care
    expect(p.current).toBe(4);
    expect(p.byType).toEqual({ U4: 1, U6: 2, P1: 1 });
    expect(p.byTypeGroup).toMatchObject({ "fostering-relatives": 0, "fostering-other": 3, parents: 1, homes: 0 });
    expect(p.byProvider).toEqual({ PR0: 1, PR1: 2, PR2: 0, PR3: 0, PR4: 0, PR5: 1, NONE: 0 });

    // in-house share: Amy and Ben with the council's own carers, Cat with an agency → 2 of 3
    expect(p.fostering).toEqual({ inHouse: 2, fostering: 3, agency: 1, share: 2 / 3 });
    expect(dash.figures["in-house-share"]).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });

    // a week now: PR1 300 + 320 = 620, PR5 900 → 1,520; Dan's placement has no cost
    expect(p.weeklySpend).toMatchObject({ PR0: 0, PR1: 620, PR4: 0, PR5: 900 });
    expect(p.weeklyTotal).toBe(1520);
    expect(p.weeklyWithoutCost).toBe(1);

    // over the year, days in it × weekly cost ÷ 7 (the day a placement ends is paid by the next):
    //   PR1: Amy 153 days (1 Apr – 31 Aug) + 212 days (1 Sep – 31 Mar) = 365 × 300 = 15,642.857…
    //        Ben 304 days (1 Jun – 31 Mar) × 320 = 13,897.143…; Cat 82 days (10 Apr – 30 Jun) × 300 = 3,514.286…
    //        Eve 183 days (1 Apr – 30 Sep) × 310 = 8,104.286… → 41,158.571… → 41,158.57
    //   PR4: Ben 61 days (1 Apr – 31 May) × 850 = 7,407.143…; Cat 123 days (1 Jul – 31 Oct) × 4,000 = 70,285.714… → 77,692.86
    //   PR5: Cat 151 days (1 Nov – 31 Mar) × 900 = 19,414.29
    //   total 41,158.571 + 77,692.857 + 19,414.286 = 138,265.714… → 138,265.71; Dan's has no cost
    expect(p.periodSpend).toEqual({ PR0: 0, PR1: 41158.57, PR2: 0, PR3: 0, PR4: 77692.86, PR5: 19414.29, NONE: 0 });
    expect(p.periodTotal).toBe(138265.71);
    expect(p.periodWithoutCost).toBe(1);
    expect(dash.figures["placement-spend"].value).toBe(138265.71);

    // agency placements avoided: Ben's, 304 days = 43.43 weeks × £500 = 21,714.29; open now, £500 a week
    expect(p.avoided).toEqual({ placements: 1, weeks: 43.43, saving: 21714.29, perWeek: 500, now: 1, savingAWeekNow: 500 });

    // distance: Amy 5 miles, Ben 25 (20+), Dan 0; Cat's placement has no location → unknown
    // area: Amy, Ben in 999; Cat in 997 (out of area); Dan's authority not recorded → unknown
    expect(p.distance).toEqual({ twentyMilesOrMore: 1, unknown: 1, outOfArea: 1, areaUnknown: 1 });

    // 3+ placements in the year, of those looked after on 31 Mar: Amy 1 (a change of legal status is
    // not a new placement), Ben 2, Cat 3, Dan 1 → 1 of 4
    expect(dash.figures["stability-short"]).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    // long term: under 16 and looked after since 30 Sep 2023 or before: Amy (since 2022), Ben (since
    // 2023); Cat is 16. With the same carer for 2 years (since 31 Mar 2024): Amy only → 1 of 2
    expect(dash.figures["stability-long"]).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // 3+ social workers in the year, of the 5 looked after in it: Cat (sw1, NQSW, senior practitioner).
    // Ben had 2 (sw3's ended before the year; the keyworker is not a social worker); Dan none, still counted.
    expect(dash.figures["sw-changes"]).toEqual({ numerator: 1, denominator: 5, value: 0.2 });
  });

  it("agrees with independent SQL for the in-house share, the spend and the children with 3+ placements", async () => {
    const dash = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    const p = dash.placements!;

    const [share] = await sql<{ in_house: number; fostering: number }>(
      `SELECT count(*) FILTER (WHERE provider = 'PR1')::int AS in_house, count(*)::int AS fostering FROM care_episode
       WHERE tenant_id = $1 AND place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6') AND start_date <= '2026-03-31' AND (end_date IS NULL OR end_date > '2026-03-31')`,
    );
    expect([p.fostering.inHouse, p.fostering.fostering]).toEqual([share!.in_house, share!.fostering]);

    const spend = await sql<{ provider: string; spend: number }>(
      `SELECT provider, round(sum(weekly_cost * greatest(0, least(coalesce(end_date, '2026-04-01'), '2026-04-01') - greatest(start_date, '2025-04-01')) / 7.0), 2)::float8 AS spend
       FROM care_episode WHERE tenant_id = $1 AND weekly_cost IS NOT NULL GROUP BY provider ORDER BY provider`,
    );
    for (const row of spend) expect(p.periodSpend[row.provider as keyof typeof p.periodSpend]).toBe(row.spend);
    const [total] = await sql<{ total: number }>(
      `SELECT round(sum(weekly_cost * greatest(0, least(coalesce(end_date, '2026-04-01'), '2026-04-01') - greatest(start_date, '2025-04-01')) / 7.0), 2)::float8 AS total
       FROM care_episode WHERE tenant_id = $1`,
    );
    expect(p.periodTotal).toBe(total!.total);

    // a placement is an episode in the year that starts one (not a change of legal status only), or
    // the episode the child was in when the year began
    const [stability] = await sql<{ three_plus: number; looked_after: number }>(
      `WITH at_end AS (
         SELECT DISTINCT person_id FROM care_episode
         WHERE tenant_id = $1 AND start_date <= '2026-03-31' AND (end_date IS NULL OR end_date > '2026-03-31') AND legal_status NOT IN ('V3', 'V4')),
       placements AS (
         SELECT e.person_id, count(*) AS n FROM care_episode e JOIN at_end USING (person_id)
         WHERE e.tenant_id = $1 AND e.start_date <= '2026-03-31' AND (e.end_date IS NULL OR e.end_date > '2025-04-01')
           AND (e.reason_new_episode <> 'L' OR e.start_date <= '2025-04-01')
         GROUP BY e.person_id)
       SELECT (SELECT count(*) FROM placements WHERE n >= 3)::int AS three_plus, (SELECT count(*) FROM at_end)::int AS looked_after`,
    );
    expect([dash.figures["stability-short"].numerator, dash.figures["stability-short"].denominator]).toEqual([stability!.three_plus, stability!.looked_after]);
  });

  it("never counts another council's placements, nor counts ours in theirs", async () => {
    // the figures above were worked out with the other council's children in the database; theirs alone:
    // two children, one in-house instead of an agency (50 miles, in LA 990: out of area), one with an agency
    const theirs = await getBoroughDashboard(ctxFor(await createUser(other.id, { role: "HEAD_OF_SERVICE" })), FY, { refresh: true });
    const p = theirs.placements!;
    expect(p.current).toBe(2);
    expect(p.byProvider).toMatchObject({ PR1: 1, PR5: 1, PR0: 0, PR4: 0 });
    expect(p.fostering).toEqual({ inHouse: 1, fostering: 2, agency: 1, share: 0.5 });
    expect(p.weeklyTotal).toBe(1350);
    expect(p.avoided).toMatchObject({ placements: 1, now: 1 });
    expect(p.distance).toEqual({ twentyMilesOrMore: 1, unknown: 0, outOfArea: 1, areaUnknown: 0 });
    expect(theirs.figures["stability-short"]).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(theirs.figures["sw-changes"]).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // and ours are still ours
    const ours = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    expect(ours.placements).toMatchObject({ current: 4, weeklyTotal: 1520, periodTotal: 138265.71, fostering: { inHouse: 2, fostering: 3 } });
  });

  it("keeps the figures in the snapshot and serves them from it, to administrators too", async () => {
    const first = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    const again = await getBoroughDashboard(ctxFor(head), FY);
    expect(again.computedAt).toBe(first.computedAt);
    expect(again.placements).toEqual(first.placements);
    const admin = await createUser(council.id, { role: "TENANT_ADMIN" });
    const seen = await getBoroughDashboard(ctxFor(admin), FY);
    expect(seen.canSeeCases).toBe(false);
    expect(seen.placements).toEqual(first.placements);
    // the snapshot holds figures only: no child's id
    const [row] = await sql<{ payload: string }>(`SELECT payload::text FROM kpi_snapshot WHERE tenant_id = $1 AND period_key = 'fy-2026'`);
    const [ids] = await sql<{ ids: string[] }>(`SELECT array_agg(id::text) AS ids FROM person WHERE tenant_id = $1`);
    for (const id of ids!.ids) expect(row!.payload).not.toContain(id);
  });

  it("shows a snapshot kept before placements were measured this way as stale, without its placements, until worked out again", async () => {
    await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    await sql(`UPDATE kpi_snapshot SET payload = payload - 'version' WHERE tenant_id = $1 AND period_key = 'fy-2026'`);
    const old = await getBoroughDashboard(ctxFor(head), FY);
    expect(old.stale).toBe(true);
    expect(old.placements).toBeUndefined();
    expect((await getBoroughDashboard(ctxFor(head), FY, { refresh: true })).placements?.current).toBe(4);
  });

  it("takes the saving a week from the council's setting", async () => {
    await sql(`UPDATE tenant SET settings = '{"placements": {"ifaSavingPerWeek": 650}}' WHERE tenant_id = $1`);
    try {
      const dash = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
      // 304 days × 650 ÷ 7 = 28,228.571… → 28,228.57
      expect(dash.placements!.avoided).toMatchObject({ placements: 1, saving: 28228.57, perWeek: 650, savingAWeekNow: 650 });
    } finally {
      await sql(`UPDATE tenant SET settings = '{}' WHERE tenant_id = $1`);
    }
  });
});
