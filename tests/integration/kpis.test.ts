// Borough KPIs on a hand-built council: each value worked out by hand, and checked against an
// independent SQL query over the same rows.
import Holidays from "date-holidays";
import { beforeAll, describe, expect, it } from "vitest";
import { getCouncilSettings, saveCouncilSettings } from "../../lib/data/council-settings";
import { getBenchmarking, getBoroughDashboard, refreshAllSnapshots, refreshBoroughDashboard } from "../../lib/data/kpis";
import { getCaseTimescales } from "../../lib/data/timescales";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { financialYearOf } from "../../lib/domain/kpis";
import { createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestTenant, type TestUser } from "../support/factories";

const FY = { kind: "fy" as const, year: 2026 }; // 1 April 2025 – 31 March 2026
const d = fromIsoDate;

let tenantId: string;
let head: TestUser;
let sql: <T>(query: string, params?: unknown[]) => Promise<T[]>;

beforeAll(async () => {
  tenantId = (await createTenant({ childPopulation: 10_000 })).id;
  const team = await createTeam(tenantId);
  head = await createUser(tenantId, { role: "HEAD_OF_SERVICE" });
  const sw = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: team.id, fte: 1 });
  await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: team.id, fte: 0.5, employment: "AGENCY" });
  // four children in one family and one case
  const { family, children } = await createFamily(tenantId, { children: [{}, {}, {}, {}] });
  const [a, b, c, e] = children.map((k) => k.id) as [string, string, string, string];
  const kase = await createCase(tenantId, { familyId: family.id, childIds: [a, b, c, e], teamId: team.id, openedOn: "2024-01-01" });
  await withTenant(tenantId, async (tx) => {
    const t = tenantId;
    const ep = (personId: string, referralDate: string, closureDate?: string) =>
      tx.cinEpisode.create({ data: { tenantId: t, personId, caseId: kase.id, referralDate: d(referralDate), referralSource: "2A", closureDate: closureDate ? d(closureDate) : null, closureReason: closureDate ? "RC7" : null } });
    // referrals: a twice (2nd is a re-referral), b twice a year and a day apart, c once in the year, e before the year
    await ep(a, "2024-06-01", "2024-12-01");
    await ep(a, "2025-05-01");
    await ep(b, "2024-04-30", "2024-10-01");
    await ep(b, "2025-05-01", "2026-03-31");
    await ep(c, "2025-09-01");
    await ep(e, "2024-02-01");
    // assessments: 45 working days exactly (on time), 46 (late), one completed before the year
    const as = (startDate: string, authorisedDate: string | null) =>
      tx.assessment.create({ data: { tenantId: t, personId: a, caseId: kase.id, startDate: d(startDate), authorisedDate: authorisedDate ? d(authorisedDate) : null, recordedById: sw.id } });
    await as("2025-12-01", "2026-02-05");
    await as("2025-12-01", "2026-02-06");
    await as("2025-02-01", "2025-03-01");
    // enquiries: conference in 15 working days (on time) and 16 (late)
    await tx.section47.create({ data: { tenantId: t, personId: a, caseId: kase.id, strategyDiscussionDate: d("2025-12-15"), startDate: d("2025-12-15"), icpcDate: d("2026-01-08"), recordedById: sw.id } });
    await tx.section47.create({ data: { tenantId: t, personId: b, caseId: kase.id, strategyDiscussionDate: d("2025-12-15"), startDate: d("2025-12-15"), icpcDate: d("2026-01-09"), recordedById: sw.id } });
    // plans: a's earlier plan, a's repeat in the year; c's ended after exactly two years
    const plan = (personId: string, startDate: string, endDate: string | null) =>
      tx.cpPlan.create({ data: { tenantId: t, personId, caseId: kase.id, startDate: d(startDate), endDate: endDate ? d(endDate) : null, initialCategory: "NEG", latestCategory: "NEG", recordedById: sw.id } });
    await plan(a, "2022-05-01", "2024-05-01");
    await plan(a, "2026-01-08", null);
    await plan(c, "2023-06-01", "2025-06-01");
    // care: e looked after from 2025-06-01 in an in-house foster placement at £300 a week
    const period = await tx.carePeriod.create({ data: { tenantId: t, personId: e, caseId: kase.id, startDate: d("2025-06-01"), categoryOfNeed: "N1" } });
    await tx.careEpisode.create({ data: { tenantId: t, carePeriodId: period.id, personId: e, startDate: d("2025-06-01"), legalStatus: "C2", reasonNewEpisode: "S", place: "U1", provider: "PR1", weeklyCost: 300 } });
    // a fifth child was on the case and taken off it: no longer part of anyone's caseload
    const removed = await tx.person.create({ data: { tenantId: t, kind: "CHILD", firstName: "Removed", lastName: "Child", dateOfBirth: d("2015-01-01") } });
    await tx.caseChild.create({ data: { tenantId: t, caseId: kase.id, personId: removed.id, addedOn: d("2024-01-01"), removedOn: d("2025-01-01") } });
    // sw holds the case: 4 children
    await tx.allocation.create({ data: { tenantId: t, caseId: kase.id, workerId: sw.id, roleOnCase: "LEAD", startDate: d("2024-01-01") } });
  });
  const { withClient } = await import("../support/database");
  const { database } = await import("./setup");
  sql = async <T,>(query: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(query, [tenantId, ...params])).rows as T[]);
});

describe("borough KPIs", () => {
  it("match the hand-worked answers and an independent SQL count", async () => {
    const dash = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    const f = dash.figures;

    // re-referral: in the year a (2025-05-01, re), b (2025-05-01, not: a year and a day), c (first) → 1 of 3
    expect(f["re-referral"]).toMatchObject({ numerator: 1, denominator: 3 });
    const [rr] = await sql<{ n: number; re: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cin_episode p WHERE p.tenant_id = e.tenant_id AND p.person_id = e.person_id
                                             AND p.referral_date < e.referral_date AND p.referral_date >= (e.referral_date - interval '12 months')::date))::int AS re
       FROM cin_episode e WHERE e.tenant_id = $1 AND e.referral_date BETWEEN '2025-04-01' AND '2026-03-31'`,
    );
    expect([f["re-referral"].numerator, f["re-referral"].denominator]).toEqual([rr!.re, rr!.n]);

    // children in need at 31 March 2026: a and c open (b closed that day, e's ended? e's never closed: open) → a, c, e = 3 of 10,000 → 3 per 10,000
    expect(f["children-in-need"]).toMatchObject({ numerator: 3, value: 3 });
    const [cin] = await sql<{ n: number }>(
      `SELECT count(DISTINCT person_id)::int AS n FROM cin_episode WHERE tenant_id = $1 AND referral_date <= '2026-03-31' AND (closure_date IS NULL OR closure_date > '2026-03-31')`,
    );
    expect(f["children-in-need"].numerator).toBe(cin!.n);

    // CP: on a plan at the end: a → 1; repeat: 1 of 1 started; two years: c's plan ended in the year after exactly 2 years → 1 of 1
    expect(f["cp-plans"]).toMatchObject({ numerator: 1, value: 1 });
    expect(f["repeat-cp"]).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(f["cp-two-years"]).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    const [cp] = await sql<{ n: number }>(`SELECT count(DISTINCT person_id)::int AS n FROM cp_plan WHERE tenant_id = $1 AND start_date <= '2026-03-31' AND (end_date IS NULL OR end_date > '2026-03-31')`);
    expect(f["cp-plans"].numerator).toBe(cp!.n);

    // looked after at the end: e → 1 per 10,000; entries: 1
    expect(f["looked-after"]).toMatchObject({ numerator: 1, value: 1 });
    expect(f["entries-to-care"]).toMatchObject({ value: 1 });

    // timeliness, with working days counted independently in SQL from the same bank holidays
    expect(f["assessments-45"]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(f["conferences-15"]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    const holidays = [2025, 2026].flatMap((y) => new Holidays("GB", "ENG").getHolidays(y).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    const [wd] = await sql<{ on_time: number; done: number }>(
      `SELECT count(*) FILTER (WHERE (SELECT count(*) FROM generate_series(a.start_date + 1, a.authorised_date, interval '1 day') g(day)
                                      WHERE extract(isodow FROM g.day) < 6 AND NOT (g.day::date = ANY($2::date[]))) <= 45)::int AS on_time,
              count(*)::int AS done
       FROM assessment a WHERE a.tenant_id = $1 AND a.authorised_date BETWEEN '2025-04-01' AND '2026-03-31'`,
      [holidays],
    );
    expect([f["assessments-45"].numerator, f["assessments-45"].denominator]).toEqual([wd!.on_time, wd!.done]);

    // drift: the one open case, and the median of its days since the last significant intervention is its own
    const [open] = await sql<{ id: string }>(`SELECT id FROM case_file WHERE tenant_id = $1 AND status = 'OPEN'`);
    const { drift } = await getCaseTimescales(ctxFor(head), open!.id);
    expect(f.drift).toMatchObject({ denominator: 1, numerator: drift!.state === "red" ? 1 : 0, detail: `Median ${drift!.days} working days since the last significant intervention` });

    // by worker: sw holds the 4 children at 1 FTE and the open case's drift, and recorded both assessments of the year (1 on time);
    // the agency worker holds nothing and recorded nothing
    const bySw = dash.byWorker!.find((w) => w.figures.caseload?.value === 4)!;
    expect(bySw.figures["assessments-45"]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(bySw.figures.drift).toMatchObject({ denominator: 1, detail: f.drift.detail });
    expect(dash.byWorker!.map((w) => w.figures.caseload?.value).sort()).toEqual([0, 4]);
    expect(dash.byWorker!.find((w) => w !== bySw)!.figures).toMatchObject({ drift: { denominator: 0 }, "assessments-45": { denominator: 0 } });

    // workforce: 4 children held ÷ 1.5 FTE; agency 0.5 ÷ 1.5
    expect(f.caseload.value).toBeCloseTo(4 / 1.5, 5);
    expect(f["agency-rate"].value).toBeCloseTo(1 / 3, 5);

    // placements: e in-house fostering → share 1 of 1; spend 1 June 2025 – 31 March 2026 = 304 days × £300 ÷ 7
    expect(f["in-house-share"]).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(f["placement-spend"].value).toBeCloseTo((304 * 300) / 7, 2);

    // a trend of 24 months for the flow KPIs, and a team row
    expect(dash.trends["re-referral"]).toHaveLength(24);
    expect(dash.byTeam.find((t) => t.figures["children-in-need"]?.numerator === 3)).toBeDefined();
  });

  it("keeps the result as a snapshot and serves it until it is refreshed", async () => {
    const first = await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    const again = await getBoroughDashboard(ctxFor(head), FY);
    expect(again.computedAt).toBe(first.computedAt);
    expect(again.stale).toBe(false);
  });

  it("serves an old snapshot at once, marked stale, until it has been worked out again in the background", async () => {
    await getBoroughDashboard(ctxFor(head), FY, { refresh: true });
    await withTenant(tenantId, (tx) => tx.$executeRaw`UPDATE kpi_snapshot SET computed_at = now() - interval '2 hours' WHERE tenant_id = ${tenantId}::uuid`);
    const old = await getBoroughDashboard(ctxFor(head), FY);
    expect(old.stale).toBe(true);
    await refreshBoroughDashboard(ctxFor(head), FY);
    const fresh = await getBoroughDashboard(ctxFor(head), FY);
    expect(fresh.stale).toBe(false);
    expect(new Date(fresh.computedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(fresh.figures).toEqual(old.figures);
  });

  it("the nightly job works out the financial year and the last 12 months ahead of the first view, and drops snapshots nobody will open again", async () => {
    const t = tenantId;
    const old = new Date(Date.now() - 10 * 86_400_000);
    await withTenant(t, (tx) =>
      tx.kpiSnapshot.createMany({
        data: [
          { tenantId: t, periodKey: "rolling-2026-01-01", payload: {} },
          { tenantId: t, periodKey: "custom-2025-01-01-2025-02-01", payload: {}, computedAt: old },
          { tenantId: t, periodKey: "custom-2025-03-01-2025-04-01", payload: {} },
        ],
      }),
    );
    await refreshAllSnapshots();
    const today = todayInEngland();
    const kept = await withTenant(t, (tx) => tx.kpiSnapshot.findMany({ where: { tenantId: t }, select: { periodKey: true }, orderBy: { periodKey: "asc" } }));
    // earlier financial years stay (fy-2026 was worked out by the tests above); today's rolling year replaces earlier days'
    expect(kept.map((k) => k.periodKey)).toEqual([...new Set(["custom-2025-03-01-2025-04-01", "fy-2026", `fy-${financialYearOf(today).to.slice(0, 4)}`, `rolling-${today}`])].sort());
    // the rolling year opens from the snapshot, fresh
    expect((await getBoroughDashboard(ctxFor(head), { kind: "rolling" })).stale).toBe(false);
  });

  it("is for heads of service and administrators only", async () => {
    const worker = await createUser(tenantId, { role: "SOCIAL_WORKER" });
    await expect(getBoroughDashboard(ctxFor(worker), FY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await createUser(tenantId, { role: "TENANT_ADMIN" });
    expect((await getBoroughDashboard(ctxFor(admin), FY)).canSeeCases).toBe(false);
  });
});

describe("looked-after children with 3+ social workers in the year", () => {
  it("counts the different lead social workers of each child looked after in the year, never co-workers, and agrees with independent SQL", async () => {
    const council = await createTenant();
    const t = council.id;
    const team = await createTeam(t);
    const h = await createUser(t, { role: "HEAD_OF_SERVICE" });
    const [sw1, sw2, sw3] = (await Promise.all([1, 2, 3].map(() => createUser(t, { role: "SOCIAL_WORKER", teamId: team.id })))) as [TestUser, TestUser, TestUser];
    const nqsw = await createUser(t, { role: "NEWLY_QUALIFIED_SOCIAL_WORKER", teamId: team.id });
    const senior = await createUser(t, { role: "SENIOR_PRACTITIONER", teamId: team.id });
    const keyworker = await createUser(t, { role: "FAMILY_KEYWORKER", teamId: team.id });
    const manager = await createUser(t, { role: "TEAM_MANAGER", teamId: team.id });
    type Allocation = [worker: TestUser, start: string, end: string | null, role?: "LEAD" | "CO_WORKER" | "CLINICIAN"];
    /** A child in a case of their own, looked after from `care` (or not at all), with these allocations on the case. */
    const child = async (care: string | null, allocations: Allocation[]) => {
      const { family, children } = await createFamily(t);
      const childId = children[0]!.id;
      const kase = await createCase(t, { familyId: family.id, childIds: [childId], teamId: team.id, openedOn: "2024-01-01", level: care ? "LOOKED_AFTER" : "CHILD_IN_NEED" });
      await withTenant(t, async (tx) => {
        if (care) await tx.carePeriod.create({ data: { tenantId: t, personId: childId, caseId: kase.id, startDate: d(care), categoryOfNeed: "N1" } });
        for (const [worker, start, end, role] of allocations) {
          await tx.allocation.create({
            data: { tenantId: t, caseId: kase.id, workerId: worker.id, roleOnCase: role ?? "LEAD", startDate: d(start), endDate: end ? d(end) : null, endReason: end ? "Moved on" : null },
          });
        }
      });
      return childId;
    };
    // Fay: one lead (sw1) all year; sw2 and then sw3 co-worked with her → 1 allocated social worker, not counted
    // (counting co-workers, as the KPI once did, made her 3)
    await child("2025-05-01", [
      [sw1, "2025-05-01", null],
      [sw2, "2025-06-01", "2025-09-01", "CO_WORKER"],
      [sw3, "2025-09-01", null, "CO_WORKER"],
    ]);
    // Gus: three successive leads in the year — sw1, an NQSW, a senior practitioner → counted; the keyworker co-working is no social worker
    await child("2024-01-01", [
      [sw1, "2024-01-01", "2025-06-01"],
      [nqsw, "2025-06-01", "2025-11-01"],
      [senior, "2025-11-01", null],
      [keyworker, "2025-07-01", null, "CO_WORKER"],
    ]);
    // Hal: sw2, sw3, then sw2 back as lead → 2 different, not counted
    await child("2025-04-01", [
      [sw2, "2025-04-01", "2025-07-01"],
      [sw3, "2025-07-01", "2025-10-01"],
      [sw2, "2025-10-01", null],
    ]);
    // Jo: sw1, the team manager holding the case for a month, then sw3 → 3, counted (the SSDA903's SWEpisodes name the manager too)
    await child("2025-04-01", [
      [sw1, "2025-04-01", "2025-06-01"],
      [manager, "2025-06-01", "2025-07-01"],
      [sw3, "2025-07-01", null],
    ]);
    // Ivy: not looked after, three successive leads → not in the measure at all
    await child(null, [
      [sw1, "2025-04-01", "2025-06-01"],
      [sw2, "2025-06-01", "2025-09-01"],
      [sw3, "2025-09-01", null],
    ]);

    // Fay, Gus, Hal and Jo looked after in the year; Gus and Jo had 3+ → 2 of 4
    const dash = await getBoroughDashboard(ctxFor(h), FY, { refresh: true });
    expect(dash.figures["sw-changes"]).toEqual({ numerator: 2, denominator: 4, value: 2 / 4 });
    // the trend's point for the 12 months to 31 March 2026 is the same year, worked out the same way
    expect(dash.trends["sw-changes"]!.find((p) => p.month === "2026-03-31")!.value).toBe(2 / 4);

    const { withClient } = await import("../support/database");
    const { database } = await import("./setup");
    const [independent] = await withClient(database.adminUrl, async (client) =>
      (
        await client.query<{ three_plus: number; looked_after: number }>(
          `
        WITH looked_after AS (
          SELECT DISTINCT person_id FROM care_period
          WHERE tenant_id = $1 AND start_date <= '2026-03-31' AND (end_date IS NULL OR end_date > '2025-04-01')),
        social_workers AS (
          SELECT cc.person_id, count(DISTINCT a.worker_id) AS n
          FROM allocation a
          JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.role IN ('SOCIAL_WORKER', 'NEWLY_QUALIFIED_SOCIAL_WORKER', 'SENIOR_PRACTITIONER', 'ASSISTANT_TEAM_MANAGER', 'TEAM_MANAGER')
          JOIN case_child cc ON cc.tenant_id = a.tenant_id AND cc.case_id = a.case_id
          WHERE a.tenant_id = $1 AND a.role_on_case = 'LEAD' AND a.start_date <= '2026-03-31' AND (a.end_date IS NULL OR a.end_date > '2025-04-01')
          GROUP BY cc.person_id)
        SELECT count(*) FILTER (WHERE coalesce(s.n, 0) >= 3)::int AS three_plus, count(*)::int AS looked_after
        FROM looked_after l LEFT JOIN social_workers s USING (person_id)`,
          [t],
        )
      ).rows,
    );
    expect([dash.figures["sw-changes"].numerator, dash.figures["sw-changes"].denominator]).toEqual([independent!.three_plus, independent!.looked_after]);
  });
});

describe("benchmarking between councils", () => {
  /** What a council's administrator would have saved: whether it shares, and the LA codes it names. */
  const shares = (council: TestTenant, partners: TestTenant[], optIn = true) =>
    withTenant(council.id, (tx) =>
      tx.tenant.update({ where: { id: council.id }, data: { settings: { benchmarking: { optIn, group: "Test partnership", partners: partners.map((p) => p.laCode) } } } }),
    );
  /** Every shared row the council's database session can read, without the data layer's own filter. */
  const readable = (council: TestTenant) => withTenant(council.id, (tx) => tx.$queryRaw<{ council_name: string }[]>`SELECT council_name FROM kpi_benchmark ORDER BY council_name`);
  const publish = async (councils: TestTenant[]) => {
    for (const c of councils) await getBoroughDashboard(ctxFor(await createUser(c.id, { role: "HEAD_OF_SERVICE" })), FY, { refresh: true });
  };
  const seenBy = async (council: TestTenant) => {
    const b = await getBenchmarking(ctxFor(await createUser(council.id, { role: "HEAD_OF_SERVICE" })), "fy-2026");
    return { sharing: b.sharing, rows: b.rows.map((r) => [r.councilName, r.own]), partners: b.partners };
  };

  it("two councils that name each other see each other's shared figures; a third that does not share is neither shown nor shown theirs", async () => {
    const [alpha, beta, gamma] = await Promise.all([createTenant({ name: "Alpha" }), createTenant({ name: "Beta" }), createTenant({ name: "Gamma" })]);
    await shares(alpha, [beta]);
    await shares(beta, [alpha]);
    await publish([alpha, beta, gamma]);
    expect(await seenBy(alpha)).toEqual({
      sharing: true,
      rows: [
        ["Alpha", true],
        ["Beta", false],
      ],
      partners: [{ laCode: beta.laCode, councilName: "Beta" }],
    });
    expect((await seenBy(beta)).rows).toEqual([
      ["Alpha", false],
      ["Beta", true],
    ]);
    expect(await seenBy(gamma)).toEqual({ sharing: false, rows: [], partners: [] });
    expect(await readable(gamma)).toEqual([]);
    // only aggregates cross the line: the shared row holds values, nothing else
    const row = (await getBenchmarking(ctxFor(await createUser(alpha.id, { role: "HEAD_OF_SERVICE" })), "fy-2026")).rows[1]!;
    expect(Object.values(row.values).every((v) => typeof v === "number" || v === null)).toBe(true);
  });

  it("needs both councils' consent: naming a council that does not name you back, or using its partnership's name, shows nothing of it", async () => {
    const [alpha, beta, intruder] = await Promise.all([createTenant({ name: "Alpha" }), createTenant({ name: "Beta" }), createTenant({ name: "Intruder" })]);
    await shares(alpha, [beta]);
    await shares(beta, [alpha]);
    // the intruder opts in, names both and calls its partnership by theirs: they never named it
    await shares(intruder, [alpha, beta]);
    await publish([alpha, beta, intruder]);
    expect(await seenBy(intruder)).toEqual({
      sharing: true,
      rows: [["Intruder", true]],
      partners: [
        { laCode: alpha.laCode, councilName: null },
        { laCode: beta.laCode, councilName: null },
      ],
    });
    // underneath the data layer the database itself refuses the rows, and the intruder's are not shown to them either
    expect(await readable(intruder)).toEqual([{ council_name: "Intruder" }]);
    expect(await readable(alpha)).toEqual([{ council_name: "Alpha" }, { council_name: "Beta" }]);
  });

  it("stops at once when a partner takes the council off its list, and a council that stops sharing reads no one", async () => {
    const [alpha, beta, delta] = await Promise.all([createTenant({ name: "Alpha" }), createTenant({ name: "Beta" }), createTenant({ name: "Delta" })]);
    await shares(alpha, [beta, delta]);
    await shares(beta, [alpha]);
    await shares(delta, [alpha]);
    await publish([alpha, beta, delta]);
    expect(await readable(alpha)).toEqual([{ council_name: "Alpha" }, { council_name: "Beta" }, { council_name: "Delta" }]);
    // Delta's administrator takes Alpha off the list and names Beta instead: Alpha stops seeing Delta
    // at once, and Beta, which never named Delta, does not start
    const admin = ctxFor(await createUser(delta.id, { role: "TENANT_ADMIN" }), delta.name);
    const loaded = await getCouncilSettings(admin);
    await saveCouncilSettings(admin, { version: loaded.version, settings: { ...loaded.settings, benchmarking: { ...loaded.settings.benchmarking, partners: [beta.laCode] } } });
    expect(await readable(alpha)).toEqual([{ council_name: "Alpha" }, { council_name: "Beta" }]);
    expect(await readable(beta)).toEqual([{ council_name: "Alpha" }, { council_name: "Beta" }]);
    // Beta keeps Alpha on its list but no longer shares: it reads no one's figures, whatever its list says
    await shares(beta, [alpha], false);
    expect(await readable(beta)).toEqual([{ council_name: "Beta" }]);
  });

  it("refuses the council's own LA code as a partner, saying why", async () => {
    const council = await createTenant();
    const admin = ctxFor(await createUser(council.id, { role: "TENANT_ADMIN" }), council.name);
    const loaded = await getCouncilSettings(admin);
    expect(loaded.laCode).toBe(council.laCode);
    await expect(
      saveCouncilSettings(admin, { version: loaded.version, settings: { ...loaded.settings, benchmarking: { optIn: true, group: null, partners: ["202", council.laCode] } } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "benchmarking.partners": [`${council.laCode} is this council's own LA code: enter the codes of the partner councils only`] } });
  });

  it("never shares a count under 5", async () => {
    const small = await createTenant({ name: "Smallville" });
    const other = await createTenant({ name: "Other" });
    await shares(small, [other]);
    await shares(other, [small]);
    const h = await createUser(small.id, { role: "HEAD_OF_SERVICE" });
    const team = await createTeam(small.id);
    const { family, children } = await createFamily(small.id, { children: [{}, {}] });
    const kase = await createCase(small.id, { familyId: family.id, childIds: children.map((c) => c.id), teamId: team.id, openedOn: "2025-05-01" });
    await withTenant(small.id, (tx) => tx.cinEpisode.createMany({ data: children.map((c) => ({ tenantId: small.id, personId: c.id, caseId: kase.id, referralDate: d("2025-05-01"), referralSource: "2A" })) }));
    await getBoroughDashboard(ctxFor(h), FY, { refresh: true });
    const oh = await createUser(other.id, { role: "HEAD_OF_SERVICE" });
    const seen = await getBenchmarking(ctxFor(oh), "fy-2026");
    const smallRow = seen.rows.find((r) => r.councilName === "Smallville")!;
    expect(smallRow.values["children-in-need"]).toBeNull(); // 2 children: suppressed
  });
});
