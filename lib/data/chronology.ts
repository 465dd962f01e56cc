// A child's chronology, assembled from their contacts, referrals, visits, transitions and summaries.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { inOrder } from "@/lib/db/in-order";
import { withTenant } from "@/lib/db/tenant";
import { buildChronology, type ChronologyEntry } from "@/lib/domain/chronology";
import { toIsoDate } from "@/lib/domain/dates";
import { notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export async function getChildChronology(ctx: Ctx, personIdInput: string): Promise<{ person: { id: string; name: string }; entries: ChronologyEntry[] }> {
  assertCan(ctx, "case:view", "see a child's chronology");
  const personId = parseId(personIdInput, "person");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const person = await tx.person.findFirst({ where: { tenantId: ctx.tenantId, id: personId }, select: { id: true, firstName: true, lastName: true } });
    if (!person) throw notFoundError("person");
    const t = ctx.tenantId;
    const caseIds = (await tx.caseChild.findMany({ where: { tenantId: t, personId }, select: { caseId: true } })).map((c) => c.caseId);
    const [cases, contacts, referrals, visits, transitions, summaries] = await inOrder([
      () => tx.case.findMany({ where: { tenantId: t, id: { in: caseIds } }, select: { id: true, reference: true, level: true, openedOn: true, closedOn: true, closureReason: true } }),
      () => tx.contact.findMany({
        where: { tenantId: t, children: { some: { personId } } },
        select: { id: true, receivedOn: true, source: true, reason: true, decision: true, decisionOn: true },
      }),
      () => tx.cinEpisode.findMany({
        where: { tenantId: t, personId },
        select: { caseId: true, referralDate: true, reReferral: true, primaryNeedCode: true, closureDate: true, closureReason: true, case: { select: { reference: true } } },
      }),
      () => tx.visitChild.findMany({
        where: { tenantId: t, personId },
        select: { seenAlone: true, visit: { select: { caseId: true, visitedAt: true, type: true, significant: true, note: true, wishesAndFeelings: true } } },
      }),
      () => tx.transition.findMany({
        where: { tenantId: t, caseId: { in: caseIds } },
        select: { id: true, caseId: true, kind: true, fromLevel: true, toLevel: true, status: true, decidedAt: true, effectiveOn: true },
      }),
      () => tx.caseSummaryVersion.findMany({
        where: { tenantId: t, caseId: { in: caseIds } },
        select: { caseId: true, version: true, savedAt: true, safetyScale: true, savedBy: { select: { name: true } } },
      }),
    ]);
    await recordAudit(tx, ctx, { action: "chronology.viewed", entityType: "person", entityId: personId, personId });
    const entries = buildChronology({
      cases: cases.map((c) => ({ ...c, openedOn: toIsoDate(c.openedOn), closedOn: c.closedOn ? toIsoDate(c.closedOn) : null })),
      contacts: contacts.map((c) => ({ ...c, receivedOn: toIsoDate(c.receivedOn), decisionOn: c.decisionOn ? toIsoDate(c.decisionOn) : null })),
      referrals: referrals.map((r) => ({
        caseId: r.caseId,
        reference: r.case.reference,
        referralDate: toIsoDate(r.referralDate),
        reReferral: r.reReferral,
        primaryNeedCode: r.primaryNeedCode,
        closureDate: r.closureDate ? toIsoDate(r.closureDate) : null,
        closureReason: r.closureReason,
      })),
      visits: visits.map((v) => ({ ...v.visit, visitedAt: v.visit.visitedAt.toISOString(), seenAlone: v.seenAlone })),
      transitions: transitions.map((tr) => ({
        id: tr.id,
        caseId: tr.caseId,
        kind: tr.kind,
        from: tr.fromLevel,
        to: tr.toLevel ?? "CLOSED",
        status: tr.status,
        decidedAt: tr.decidedAt?.toISOString() ?? null,
        effectiveOn: tr.effectiveOn ? toIsoDate(tr.effectiveOn) : null,
      })),
      summaries: summaries.map((s) => ({ caseId: s.caseId, version: s.version, savedAt: s.savedAt.toISOString(), safetyScale: s.safetyScale, savedBy: s.savedBy.name })),
    });
    return { person: { id: person.id, name: `${person.firstName} ${person.lastName}` }, entries };
  });
}
