// What is due for children: their records gathered in a few queries and run through the timescale
// rules (lib/domain/statutory-timescales.ts) and the drift rule (lib/domain/case-drift.ts).
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { inOrder } from "@/lib/db/in-order";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { driftOf, type Drift } from "@/lib/domain/case-drift";
import { todayInEngland, type IsoDate } from "@/lib/domain/dates";
import type { Level } from "@/lib/domain/roles";
import { childTimescales, placementsFromEpisodes, type ChildRecords, type DueItem } from "@/lib/domain/statutory-timescales";
import { STATUTORY_VISIT_TYPES } from "@/lib/domain/visits";
import { notFoundError } from "@/lib/errors";
import { lastInterventions } from "./drift";
import { parseId } from "./ids";
import { loadSettings } from "./settings";
import { assertMayOpen } from "./restricted";

const s = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Each child's records, for many children at once. */
export async function childRecords(tx: Tx, tenantId: string, personIds: string[]): Promise<Map<string, ChildRecords>> {
  const t = tenantId;
  const ids = { in: personIds };
  const [people, referrals, assessments, enquiries, plans, periods, health, visits, contacts, careLeavers, pathwayReviews] = await inOrder([
    () => tx.person.findMany({ where: { tenantId: t, id: ids }, select: { id: true, dateOfBirth: true } }),
    () => tx.cinEpisode.findMany({ where: { tenantId: t, personId: ids }, select: { id: true, personId: true, referralDate: true, closureDate: true } }),
    () => tx.assessment.findMany({ where: { tenantId: t, personId: ids }, select: { personId: true, cinEpisodeId: true, startDate: true, authorisedDate: true } }),
    () => tx.section47.findMany({ where: { tenantId: t, personId: ids }, select: { personId: true, strategyDiscussionDate: true, icpcDate: true, icpcNotRequired: true } }),
    () => tx.cpPlan.findMany({ where: { tenantId: t, personId: ids }, select: { personId: true, startDate: true, endDate: true, reviews: { select: { reviewDate: true } }, coreGroups: { select: { meetingDate: true } } } }),
    () => tx.carePeriod.findMany({
      where: { tenantId: t, personId: ids },
      select: {
        personId: true,
        startDate: true,
        endDate: true,
        reviews: { select: { reviewDate: true } },
        episodes: { select: { startDate: true, endDate: true, place: true, carerId: true, intendedUntil18: true, temporaryApproval: true, reasonNewEpisode: true } },
      },
    }),
    () => tx.healthAssessment.findMany({ where: { tenantId: t, personId: ids }, select: { personId: true, assessmentDate: true } }),
    () => tx.$queryRaw<{ personId: string; day: string }[]>`
      SELECT vc.person_id AS "personId", to_char((v.visited_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS day
      FROM visit_child vc JOIN visit v ON v.tenant_id = vc.tenant_id AND v.id = vc.visit_id
      WHERE vc.tenant_id = ${t}::uuid AND vc.person_id = ANY(${personIds}::uuid[]) AND v.type::text = ANY(${[...STATUTORY_VISIT_TYPES]}::text[])`,
    () => tx.contactChild.findMany({ where: { tenantId: t, personId: ids }, select: { personId: true, contact: { select: { receivedOn: true, decisionOn: true } } } }),
    // a care leaver since the case opened at that level, or since the step that brought it there
    () => tx.$queryRaw<{ personId: string; since: string }[]>`
      SELECT cc.person_id AS "personId", to_char(max(greatest(c.opened_on, coalesce(tr.effective_on, c.opened_on))), 'YYYY-MM-DD') AS since
      FROM case_child cc
      JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id
      LEFT JOIN LATERAL (
        SELECT max(effective_on) AS effective_on FROM transition
        WHERE tenant_id = c.tenant_id AND case_id = c.id AND status = 'APPROVED' AND to_level = 'CARE_LEAVER'
      ) tr ON true
      WHERE cc.tenant_id = ${t}::uuid AND cc.person_id = ANY(${personIds}::uuid[]) AND cc.removed_on IS NULL AND c.status = 'OPEN' AND c.level = 'CARE_LEAVER'
      GROUP BY cc.person_id`,
    () => tx.pathwayPlanReview.findMany({ where: { tenantId: t, personId: ids }, select: { personId: true, reviewDate: true } }),
  ]);
  const map = new Map<string, ChildRecords>();
  for (const p of people) {
    map.set(p.id, { dateOfBirth: s(p.dateOfBirth), contacts: [], referrals: [], assessments: [], enquiries: [], cpPlans: [], carePeriods: [], healthAssessments: [], visits: [] });
  }
  for (const r of referrals) map.get(r.personId)?.referrals.push({ id: r.id, referralDate: s(r.referralDate)!, closureDate: s(r.closureDate) });
  for (const a of assessments) map.get(a.personId)?.assessments.push({ episodeId: a.cinEpisodeId, startDate: s(a.startDate)!, authorisedDate: s(a.authorisedDate) });
  for (const e of enquiries) map.get(e.personId)?.enquiries.push({ strategyDiscussionDate: s(e.strategyDiscussionDate)!, icpcDate: s(e.icpcDate), icpcNotRequired: e.icpcNotRequired });
  for (const p of plans) {
    map.get(p.personId)?.cpPlans.push({ startDate: s(p.startDate)!, endDate: s(p.endDate), reviews: p.reviews.map((r) => s(r.reviewDate)!), coreGroups: p.coreGroups.map((m) => s(m.meetingDate)!) });
  }
  for (const p of periods) {
    map.get(p.personId)?.carePeriods.push({
      startDate: s(p.startDate)!,
      endDate: s(p.endDate),
      reviews: p.reviews.map((r) => s(r.reviewDate)!),
      placements: placementsFromEpisodes(
        p.episodes.map((e) => ({ startDate: s(e.startDate)!, endDate: s(e.endDate), reasonNewEpisode: e.reasonNewEpisode, placedWithParents: e.place === "P1", temporaryApproval: e.temporaryApproval, intendedUntil18: e.intendedUntil18 })),
      ),
    });
  }
  for (const h of health) map.get(h.personId)?.healthAssessments.push(s(h.assessmentDate)!);
  for (const v of visits) map.get(v.personId)?.visits.push(v.day);
  for (const c of contacts) map.get(c.personId)?.contacts!.push({ receivedOn: s(c.contact.receivedOn)!, decisionOn: s(c.contact.decisionOn) });
  for (const c of careLeavers) {
    const r = map.get(c.personId);
    if (r) r.careLeaver = { since: c.since, pathwayPlanReviews: [] };
  }
  for (const p of pathwayReviews) map.get(p.personId)?.careLeaver?.pathwayPlanReviews.push(s(p.reviewDate)!);
  return map;
}

export type ChildDue = { personId: string; name: string; items: DueItem[] };

export type CaseTimescales = { children: ChildDue[]; drift: Drift | null; level: Level };

/** The case page's "what is due" and drift. */
export async function getCaseTimescales(ctx: Ctx, caseIdInput: string): Promise<CaseTimescales> {
  assertCan(ctx, "case:view", "see case records");
  const caseId = parseId(caseIdInput, "case");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const c = await tx.case.findFirst({
      where: { tenantId: ctx.tenantId, id: caseId },
      select: { level: true, status: true, children: { where: { removedOn: null }, select: { person: { select: { id: true, firstName: true, lastName: true } } } } },
    });
    if (!c) throw notFoundError("case");
    const settings = await loadSettings(tx, ctx.tenantId);
    const records = await childRecords(tx, ctx.tenantId, c.children.map((x) => x.person.id));
    const last = c.status === "OPEN" ? (await lastInterventions(tx, ctx.tenantId, [caseId]))[0] : undefined;
    return {
      level: c.level,
      drift: last ? driftOf(c.level, { date: last.date, what: last.what }, today, settings.drift) : null,
      children: c.children.map(({ person: p }) => ({
        personId: p.id,
        name: `${p.firstName} ${p.lastName}`,
        items: c.status === "OPEN" ? childTimescales(records.get(p.id)!, today, settings.timescales) : [],
      })),
    };
  });
}

export type DueRow = DueItem & { personId: string; childName: string; caseId: string; caseReference: string; familyName: string };

/** Open (not yet met) duties for the children in cases a worker holds, soonest first. */
async function dueForWorkers(tx: Tx, tenantId: string, workerIds: string[], today: IsoDate): Promise<Map<string, DueRow[]>> {
  const held = await tx.allocation.findMany({
    where: { tenantId, workerId: { in: workerIds }, endDate: null, case: { status: "OPEN" } },
    select: {
      workerId: true,
      case: { select: { id: true, reference: true, family: { select: { name: true } }, children: { where: { removedOn: null }, select: { person: { select: { id: true, firstName: true, lastName: true } } } } } },
    },
  });
  const childIds = [...new Set(held.flatMap((h) => h.case.children.map((c) => c.person.id)))];
  const settings = await loadSettings(tx, tenantId);
  const records = await childRecords(tx, tenantId, childIds);
  const byChild = new Map(childIds.map((id) => [id, childTimescales(records.get(id)!, today, settings.timescales).filter((i) => i.state !== "done")]));
  const out = new Map<string, DueRow[]>();
  for (const h of held) {
    const rows = out.get(h.workerId) ?? [];
    for (const { person } of h.case.children) {
      for (const item of byChild.get(person.id) ?? []) {
        rows.push({ ...item, personId: person.id, childName: `${person.firstName} ${person.lastName}`, caseId: h.case.id, caseReference: h.case.reference, familyName: h.case.family.name });
      }
    }
    out.set(h.workerId, rows.sort((a, b) => a.dueDate.localeCompare(b.dueDate)));
  }
  return out;
}

/** "What's due" for a practitioner across their caseload. */
export async function listWhatsDue(ctx: Ctx): Promise<DueRow[]> {
  assertCan(ctx, "caseload:view-own", "see what is due on a caseload");
  return withTenant(ctx.tenantId, async (tx) => (await dueForWorkers(tx, ctx.tenantId, [ctx.userId], todayInEngland())).get(ctx.userId) ?? []);
}

export type WorkerDueCounts = { overdue: number; dueSoon: number };

/** Overdue and due-soon counts per worker (for managers). */
export async function dueCountsForWorkers(tx: Tx, tenantId: string, workerIds: string[]): Promise<Map<string, WorkerDueCounts>> {
  const due = await dueForWorkers(tx, tenantId, workerIds, todayInEngland());
  return new Map(workerIds.map((id) => [id, { overdue: (due.get(id) ?? []).filter((r) => r.state === "overdue").length, dueSoon: (due.get(id) ?? []).filter((r) => r.state === "due-soon").length }]));
}

/** One child's duties (on their statutory record page). */
export async function getChildDue(ctx: Ctx, personIdInput: string): Promise<DueItem[]> {
  assertCan(ctx, "case:view", "see statutory records");
  const personId = parseId(personIdInput, "child");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const settings = await loadSettings(tx, ctx.tenantId);
    const records = (await childRecords(tx, ctx.tenantId, [personId])).get(personId);
    if (!records) throw notFoundError("child");
    return childTimescales(records, todayInEngland(), settings.timescales);
  });
}
