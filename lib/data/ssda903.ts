// The SSDA903 (children looked after) return for one council and collection year, from the database:
// children with a care episode open in the year, their periods of care and episodes, looked-after
// reviews and social worker episodes (lead allocations of their care cases by registered social
// workers). The pure exporter (lib/exports/ssda903) checks the return and writes the CSVs; this module
// loads it, adds the checks only the database can make, and audits every check and export.
//
// Tables written: Header, Episodes, Reviews, SWEpisodes. The product does not record missing
// episodes or unaccompanied asylum-seeking status, so it writes no Missing or UASC file rather than
// an empty one that would claim there were none.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { formatDate, fromIsoDate, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { MANAGER_ROLES, SOCIAL_WORK_ROLES } from "@/lib/domain/roles";
import { EPISODE_CONTINUES, type Ssda903Table } from "@/lib/domain/ssda903-codes";
import { buildSsda903Return, ssda903FileName } from "@/lib/exports/ssda903/build";
import type { Ssda903Problem } from "@/lib/exports/ssda903/check";
import { checkSsda903Return, hasProblems } from "@/lib/exports/ssda903/check";
import { SUPPORTED_YEARS, childrenInReturn, collectionPeriod } from "@/lib/exports/ssda903/collection-year";
import { socialWorkerEpisodes, upnForReturn } from "@/lib/exports/ssda903/from-records";
import type { Ssda903Child, Ssda903Episode, Ssda903Return } from "@/lib/exports/ssda903/types";
import { laChildIdFor } from "@/lib/domain/identifiers";
import { placedOutsideEngland } from "@/lib/domain/placements";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";

/** The tables the product holds the data for, in the order they are written. */
export const SSDA903_HELD_TABLES = ["Header", "Episodes", "Reviews", "SWEpisodes"] as const satisfies readonly Ssda903Table[];
export const SSDA903_NOT_HELD = "The product does not record missing episodes or unaccompanied asylum-seeking status, so there is no Missing or UASC file.";

export type Ssda903ChildProblems = {
  /** CHILD as the return gives it */
  childId: string;
  /** the child's record, when the child can be named */
  personId: string | null;
  name: string | null;
  problems: Ssda903Problem[];
};

export type Ssda903File = { table: Ssda903Table; fileName: string; csv: string };

export type Ssda903Export = {
  year: number;
  period: { from: IsoDate; to: IsoDate };
  /** children in the return: an episode open at some time in the year */
  childCount: number;
} & ({ ok: true; files: Ssda903File[] } | { ok: false; general: string[]; children: Ssda903ChildProblems[] });

/** A collection year from a form or the command line: 2026 for the 2025-26 return. */
export function parseSsda903Year(input: unknown): number {
  const text = String(input ?? "").trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(SUPPORTED_YEARS as readonly number[]).includes(year)) {
    const message = `Choose the year of the return: ${SUPPORTED_YEARS.map((y) => `${y} (${y - 1}-${String(y).slice(2)})`).join(", ")}. The export uses the 2025-26 code lists only.`;
    throw new AppError("VALIDATION", message, { year: [message] });
  }
  return year;
}

const iso = (date: Date | null) => (date ? toIsoDate(date) : null);
const byStart = <T extends { startDate: IsoDate }>(a: T, b: T) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0);

type Loaded = {
  input: Ssda903Return;
  /** each child of the return (the same objects as input.children) and whose record it is */
  people: Map<Ssda903Child, { personId: string; name: string }>;
  /** problems only the database can see, by the child's record (person id) */
  extra: Map<string, Ssda903Problem[]>;
};

/** Loads the return. Every query is confined to `tenantId` (and row-level security to the transaction's council). */
async function loadReturn(tx: Tx, tenantId: string, year: number): Promise<Loaded> {
  const period = collectionPeriod(year);
  const from = fromIsoDate(period.from);
  const to = fromIsoDate(period.to);
  // the children: an episode open at some time in the year
  const open = await tx.careEpisode.findMany({
    where: { tenantId, startDate: { lte: to }, OR: [{ endDate: null }, { endDate: { gte: from } }] },
    select: { personId: true },
    distinct: ["personId"],
  });
  const personIds = open.map((e) => e.personId);
  if (personIds.length === 0) return { input: { year, children: [] }, people: new Map(), extra: new Map() };

  // one after another: a transaction has one connection
  const people = await tx.person.findMany({
    where: { tenantId, id: { in: personIds } },
    select: { id: true, firstName: true, lastName: true, laChildId: true, sex: true, dateOfBirth: true, ethnicity: true, upn: true },
  });
  const periods = await tx.carePeriod.findMany({ where: { tenantId, personId: { in: personIds } }, orderBy: { startDate: "asc" } });
  const episodes = await tx.careEpisode.findMany({ where: { tenantId, personId: { in: personIds } }, orderBy: { startDate: "asc" } });
  const reviews = await tx.laReview.findMany({ where: { tenantId, personId: { in: personIds } }, orderBy: { reviewDate: "asc" } });
  // social workers: lead allocations of the cases that hold the children's periods of care
  const caseIds = [...new Set(periods.map((p) => p.caseId))];
  const allocations = await tx.allocation.findMany({
    where: { tenantId, caseId: { in: caseIds }, roleOnCase: "LEAD" },
    select: { caseId: true, workerId: true, startDate: true, endDate: true, endReason: true, worker: { select: { name: true, role: true, sweRegistration: true } } },
  });
  const socialWorkRoles: readonly string[] = [...SOCIAL_WORK_ROLES, ...MANAGER_ROLES];

  const children: Ssda903Child[] = [];
  // keyed by the child, never by CHILD: two children can share one (the checker says so), and each
  // must keep their own record and problems
  const refs = new Map<Ssda903Child, { personId: string; name: string }>();
  const extra = new Map<string, Ssda903Problem[]>();
  for (const p of people) {
    // the identifier the census gives the child too, so both returns know them by one CHILD
    const childId = laChildIdFor(p);
    const dateOfBirth = iso(p.dateOfBirth) ?? "";
    const childPeriods = periods.filter((cp) => cp.personId === p.id);
    const childEpisodes: Ssda903Episode[] = [];
    for (const cp of childPeriods) {
      const inPeriod = episodes.filter((e) => e.carePeriodId === cp.id);
      inPeriod.forEach((e, i) => {
        const endDate = iso(e.endDate);
        const last = i === inPeriod.length - 1;
        childEpisodes.push({
          startDate: toIsoDate(e.startDate),
          reasonNewEpisode: e.reasonNewEpisode.trim(),
          legalStatus: e.legalStatus.trim(),
          categoryOfNeed: cp.categoryOfNeed ?? "",
          placeType: e.place.trim(),
          provider: e.provider,
          endDate,
          reasonEnded: endDate ? (last ? cp.reasonEnded : EPISODE_CONTINUES) : null,
          reasonPlaceChange: e.reasonPlaceChange,
          homePostcode: e.homePostcode,
          placementPostcode: e.placementPostcode,
          urn: e.urn,
          // Wales, Scotland, Northern Ireland or abroad: no Ofsted URN to give
          placedOutsideEngland: placedOutsideEngland(e.placementLaCode),
        });
      });
    }
    const careCases = new Set(childPeriods.map((cp) => cp.caseId));
    const leads = allocations.filter((a) => careCases.has(a.caseId) && (socialWorkRoles.includes(a.worker.role) || a.worker.sweRegistration));
    const sw = socialWorkerEpisodes(
      leads.map((a) => ({ workerId: a.workerId, registration: a.worker.sweRegistration, startDate: toIsoDate(a.startDate), endDate: iso(a.endDate), endReason: a.endReason })),
    );
    const problems: Ssda903Problem[] = [];
    for (const episode of sw.filter((e) => !e.socialWorkerId && e.startDate <= period.to && (!e.endDate || e.endDate >= period.from))) {
      const worker = leads.find((a) => a.workerId === episode.workerId)!.worker;
      problems.push({
        table: "SWEpisodes",
        message: `${worker.name}, the child's social worker from ${formatDate(episode.startDate)}, has no Social Work England registration number recorded (SW_ID). A tenant administrator records it on their page in Users and teams.`,
      });
    }
    const child: Ssda903Child = {
      childId,
      sex: p.sex.trim(),
      dateOfBirth,
      ethnicity: p.ethnicity?.trim() ?? "",
      upn: upnForReturn(p.upn, iso(p.dateOfBirth), year),
      isMother: null,
      episodes: childEpisodes.sort(byStart),
      reviews: reviews.filter((r) => r.personId === p.id).map((r) => ({ date: toIsoDate(r.reviewDate), participation: r.reviewCode ?? "" })),
      socialWorkerEpisodes: sw.map(({ workerId: _w, ...e }) => e),
    };
    children.push(child);
    refs.set(child, { personId: p.id, name: `${p.firstName} ${p.lastName}` });
    if (problems.length > 0) extra.set(p.id, problems);
  }
  return { input: { year, children }, people: refs, extra };
}

/**
 * The problems of each child's record: the checker's (it lists children with problems in the order of
 * childrenInReturn, each under their CHILD) and the database's. Children sharing a CHILD are told apart
 * by that order: the checker gives each of them the duplicate problem, so each is listed, in turn.
 */
function problemsPerChild(loaded: Loaded, checked: readonly { childId: string; problems: Ssda903Problem[] }[]): Ssda903ChildProblems[] {
  const waiting = new Map<string, { personId: string; name: string }[]>();
  for (const child of childrenInReturn(loaded.input)) {
    const ref = loaded.people.get(child);
    if (ref) waiting.set(child.childId, [...(waiting.get(child.childId) ?? []), ref]);
  }
  const byPerson = new Map<string, Ssda903ChildProblems>();
  const unmatched: Ssda903ChildProblems[] = [];
  for (const { childId, problems } of checked) {
    const ref = waiting.get(childId)?.shift();
    if (ref) byPerson.set(ref.personId, { childId, personId: ref.personId, name: ref.name, problems: [...problems] });
    else unmatched.push({ childId, personId: null, name: null, problems: [...problems] });
  }
  for (const [child, ref] of loaded.people) {
    const extra = loaded.extra.get(ref.personId);
    if (!extra) continue;
    const listed = byPerson.get(ref.personId);
    if (listed) listed.problems.push(...extra);
    else byPerson.set(ref.personId, { childId: child.childId, personId: ref.personId, name: ref.name, problems: [...extra] });
  }
  const order = (a: Ssda903ChildProblems, b: Ssda903ChildProblems) =>
    a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : (a.name ?? "") < (b.name ?? "") ? -1 : (a.name ?? "") > (b.name ?? "") ? 1 : 0;
  return [...byPerson.values(), ...unmatched].sort(order);
}

/**
 * Checks the council's SSDA903 return for a collection year and, when nothing is wrong, writes its CSV
 * files. `purpose`: "check" (the page showing the result) or "download" (the files are handed over);
 * both are audited. Only the caller's council is ever read.
 */
export async function exportSsda903(ctx: Ctx, input: { year: unknown; purpose: "check" | "download" }): Promise<Ssda903Export> {
  assertCan(ctx, "export:statutory", "export the SSDA903 return");
  const year = parseSsda903Year(input.year);
  const period = collectionPeriod(year);
  return withTenant(
    ctx.tenantId,
    async (tx) => {
      const loaded = await loadReturn(tx, ctx.tenantId, year);
      const check = checkSsda903Return(loaded.input);
      const showNames = can(ctx.role, "case:view") || can(ctx.role, "kpi:view-case-links");
      const children = problemsPerChild(loaded, check.children).map((c) => ({ ...c, name: showNames ? c.name : null }));
      const childCount = childrenInReturn(loaded.input).length;
      let result: Ssda903Export;
      if (hasProblems(check) || children.length > 0) {
        result = { year, period, childCount, ok: false, general: check.general, children };
      } else {
        const built = buildSsda903Return(loaded.input);
        if (!built.ok) throw new Error("The SSDA903 check passed but the build refused");
        result = {
          year,
          period,
          childCount,
          ok: true,
          files: SSDA903_HELD_TABLES.map((table) => ({ table, fileName: ssda903FileName(year, table), csv: built.files[table] })),
        };
      }
      await recordAudit(tx, ctx, {
        action: input.purpose === "download" ? "export.ssda903" : "export.ssda903.checked",
        entityType: "tenant",
        entityId: ctx.tenantId,
        details: {
          year,
          children: childCount,
          ok: result.ok,
          ...(result.ok ? { files: result.files.map((f) => f.fileName) } : { childrenWithProblems: result.children.length }),
        },
      });
      return result;
    },
    { timeoutMs: 120_000 },
  );
}
