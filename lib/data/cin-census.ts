// The Children in Need census for one council and year, from the database: every child with a CIN
// episode open at some time in the year, with all their episodes (overlapping ones are joined by the
// exporter) and each episode's assessments, CIN plans, section 47 enquiries and child protection plans
// with their reviews. The pure exporter (lib/exports/cin-census) checks the census and writes the XML;
// this module loads it, fills in what the product holds in its own terms (from-records.ts) and audits
// every check and export. Only the caller's council (ctx.tenantId) is ever read.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { toLondonWallClock } from "@/lib/domain/london-time";
import { buildCinCensusXml, cinCensusFileName } from "@/lib/exports/cin-census/build";
import { censusPeriod, childrenInCensus, SUPPORTED_YEARS } from "@/lib/exports/cin-census/census-year";
import { checkCinCensus, hasProblems, type CinCensusProblem } from "@/lib/exports/cin-census/check";
import { episodeFor, initialCpcTarget, laChildIdFor, previousPlanCounts, upnUnknownFor, type EpisodeSpan } from "@/lib/exports/cin-census/from-records";
import type { CinCensusChild, CinCensusEpisode, CinCensusInput } from "@/lib/exports/cin-census/types";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";

export type CinCensusChildProblems = {
  /** LAchildID as the census gives it */
  laChildId: string;
  /** the child's record, when the child can be named */
  personId: string | null;
  name: string | null;
  problems: CinCensusProblem[];
};

export type CinCensusExport = {
  year: number;
  period: { from: IsoDate; to: IsoDate };
  laCode: string;
  /** children in the census: a CIN episode open at some time in the year */
  childCount: number;
} & ({ ok: true; fileName: string; xml: string } | { ok: false; general: string[]; children: CinCensusChildProblems[] });

const yearLabel = (y: number) => `${y} (${y - 1}-${String(y).slice(2)})`;

/** A census year from a form or the command line: 2026 for the 2025-26 census. */
export function parseCinCensusYear(input: unknown): number {
  const text = String(input ?? "").trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(SUPPORTED_YEARS as readonly number[]).includes(year)) {
    const message = `Choose the year of the census: ${SUPPORTED_YEARS.map(yearLabel).join(", ")}. The export uses the 2025-26 schema and code lists only.`;
    throw new AppError("VALIDATION", message, { year: [message] });
  }
  return year;
}

const iso = (date: Date | null) => (date ? toIsoDate(date) : null);
const byStart = <T extends { startDate: IsoDate }>(a: T, b: T) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0);

type Loaded = { input: CinCensusInput; people: Map<string, { personId: string; name: string }> };

/** Loads the census. Every query is confined to `tenantId` (and row-level security to the transaction's council). */
async function loadCensus(tx: Tx, tenantId: string, year: number, generatedAt: string): Promise<Loaded> {
  const period = censusPeriod(year);
  const from = fromIsoDate(period.from);
  const to = fromIsoDate(period.to);
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { laCode: true } });
  const header = { laCode: tenant.laCode.trim(), release: process.env.npm_package_version ?? "0.1.0", serialNo: "001", generatedAt };
  // the children: a CIN episode open at some time in the year
  const open = await tx.cinEpisode.findMany({
    where: { tenantId, referralDate: { lte: to }, OR: [{ closureDate: null }, { closureDate: { gte: from } }] },
    select: { personId: true },
    distinct: ["personId"],
  });
  const personIds = open.map((e) => e.personId);
  if (personIds.length === 0) return { input: { year, header, children: [] }, people: new Map() };

  // one after another: a transaction has one connection
  const mine = { tenantId, personId: { in: personIds } };
  const people = await tx.person.findMany({
    where: { tenantId, id: { in: personIds } },
    select: { id: true, firstName: true, lastName: true, laChildId: true, upn: true, sex: true, dateOfBirth: true, expectedDateOfBirth: true, ethnicity: true, disabilities: true },
  });
  const episodes = await tx.cinEpisode.findMany({ where: mine, orderBy: { referralDate: "asc" } });
  const assessments = await tx.assessment.findMany({ where: mine, orderBy: { startDate: "asc" } });
  const cinPlans = await tx.cinPlan.findMany({ where: mine, orderBy: { startDate: "asc" } });
  const section47s = await tx.section47.findMany({ where: mine, orderBy: { startDate: "asc" } });
  const cpPlans = await tx.cpPlan.findMany({ where: mine, orderBy: { startDate: "asc" }, include: { reviews: { select: { reviewDate: true }, orderBy: { reviewDate: "asc" } } } });

  // by child, so a large council is not searched once per child
  const byPerson = <T extends { personId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row]);
    return (personId: string) => map.get(personId) ?? [];
  };
  const episodesOf = byPerson(episodes);
  const assessmentsOf = byPerson(assessments);
  const cinPlansOf = byPerson(cinPlans);
  const section47sOf = byPerson(section47s);
  const cpPlansOf = byPerson(cpPlans);

  const children: CinCensusChild[] = [];
  const refs = new Map<string, { personId: string; name: string }>();
  for (const p of people) {
    const own = episodesOf(p.id);
    const spans: EpisodeSpan[] = own.map((e) => ({ id: e.id, referralDate: toIsoDate(e.referralDate), closureDate: iso(e.closureDate) }));
    const belongsTo = (episodeId: string, m: { cinEpisodeId: string | null; startDate: Date }) => episodeFor({ cinEpisodeId: m.cinEpisodeId, date: toIsoDate(m.startDate) }, spans) === episodeId;
    const childPlans = cpPlansOf(p.id);
    const previous = previousPlanCounts(childPlans.map((c) => ({ id: c.id, startDate: toIsoDate(c.startDate) })));
    const censusEpisodes: CinCensusEpisode[] = own.map((e) => ({
      referralDate: toIsoDate(e.referralDate),
      referralSource: e.referralSource.trim(),
      primaryNeedCode: e.primaryNeedCode?.trim() || null,
      closureDate: iso(e.closureDate),
      reasonForClosure: e.closureReason?.trim() || null,
      referralNfa: e.referralNfa,
      assessments: assessmentsOf(p.id)
        .filter((a) => belongsTo(e.id, a))
        .map((a) => ({ startDate: toIsoDate(a.startDate), authorisationDate: iso(a.authorisedDate), factors: a.factors }))
        .sort(byStart),
      cinPlans: cinPlansOf(p.id)
        .filter((c) => belongsTo(e.id, c))
        .map((c) => ({ startDate: toIsoDate(c.startDate), endDate: iso(c.endDate) }))
        .sort(byStart),
      section47s: section47sOf(p.id)
        .filter((s) => belongsTo(e.id, s))
        .map((s) => ({
          startDate: toIsoDate(s.startDate),
          initialCpcTarget: initialCpcTarget(toIsoDate(s.strategyDiscussionDate)),
          initialCpcDate: iso(s.icpcDate),
          icpcNotRequired: s.icpcNotRequired,
        }))
        .sort(byStart),
      cpPlans: childPlans
        .filter((c) => belongsTo(e.id, c))
        .map((c) => ({
          startDate: toIsoDate(c.startDate),
          endDate: iso(c.endDate),
          initialCategory: c.initialCategory,
          latestCategory: c.latestCategory,
          previousPlans: previous.get(c.id) ?? 0,
          reviewDates: c.reviews.map((r) => toIsoDate(r.reviewDate)),
        }))
        .sort(byStart),
    }));
    const inYear = own.filter((e) => e.referralDate <= to && (!e.closureDate || e.closureDate >= from));
    const dateOfBirth = iso(p.dateOfBirth);
    const laChildId = laChildIdFor(p);
    children.push({
      laChildId,
      upn: p.upn?.trim().toUpperCase() || null,
      upnUnknown: upnUnknownFor({ upn: p.upn, dateOfBirth }, inYear, year),
      dateOfBirth,
      expectedDateOfBirth: dateOfBirth ? null : iso(p.expectedDateOfBirth),
      sex: p.sex.trim(),
      ethnicity: p.ethnicity?.trim() ?? "",
      disabilities: p.disabilities,
      episodes: censusEpisodes,
    });
    refs.set(laChildId, { personId: p.id, name: `${p.firstName} ${p.lastName}` });
  }
  return { input: { year, header, children }, people: refs };
}

/**
 * Checks the council's CIN census for a year and, when nothing is wrong, writes its XML. `purpose`:
 * "check" (the page showing the result) or "download" (the file is handed over); both are audited.
 * Administrators get the children's identifiers only; roles that see cases get their names too.
 */
export async function exportCinCensus(ctx: Ctx, input: { year: unknown; purpose: "check" | "download"; now?: Date }): Promise<CinCensusExport> {
  assertCan(ctx, "export:statutory", "export the Children in Need census");
  const year = parseCinCensusYear(input.year);
  const period = censusPeriod(year);
  const clock = toLondonWallClock(input.now ?? new Date());
  return withTenant(
    ctx.tenantId,
    async (tx) => {
      const loaded = await loadCensus(tx, ctx.tenantId, year, `${clock.date}T${clock.time}:00`);
      const check = checkCinCensus(loaded.input);
      const showNames = can(ctx.role, "case:view") || can(ctx.role, "kpi:view-case-links");
      const childCount = childrenInCensus(loaded.input).length;
      const base = { year, period, laCode: loaded.input.header.laCode, childCount };
      let result: CinCensusExport;
      if (hasProblems(check)) {
        const children = check.children.map(({ laChildId, problems }) => {
          const ref = loaded.people.get(laChildId);
          return { laChildId, personId: showNames ? (ref?.personId ?? null) : null, name: showNames ? (ref?.name ?? null) : null, problems };
        });
        result = { ...base, ok: false, general: check.general, children };
      } else {
        const built = buildCinCensusXml(loaded.input);
        if (!built.ok) throw new Error("The CIN census check passed but the build refused");
        result = { ...base, ok: true, fileName: cinCensusFileName(year, base.laCode), xml: built.xml };
      }
      await recordAudit(tx, ctx, {
        action: input.purpose === "download" ? "export.cin-census" : "export.cin-census.checked",
        entityType: "tenant",
        entityId: ctx.tenantId,
        details: { year, children: childCount, ok: result.ok, ...(result.ok ? { file: result.fileName } : { childrenWithProblems: result.children.length }) },
      });
      return result;
    },
    { timeoutMs: 120_000 },
  );
}
