// Loads a built council into the database through the application role, inside the council's own
// tenant transaction (so the seed obeys row-level security like everything else).
import { fromIsoDate } from "../../lib/domain/dates";
import { withTenant } from "../../lib/db/tenant";
import type { CouncilSeed } from "./build";

const d = (iso: string | null) => (iso ? fromIsoDate(iso) : null);

export async function loadCouncil(seed: CouncilSeed, passwordHash: string): Promise<void> {
  const t = seed.tenant.id;
  await withTenant(
    t,
    async (tx) => {
      await tx.tenant.create({ data: { ...seed.tenant, settings: seed.tenant.settings as object } });
      await tx.team.createMany({ data: seed.teams.map(({ id, name, kind }) => ({ tenantId: t, id, name, kind })) });
      await tx.user.createMany({
        data: seed.users.map((u) => ({
          tenantId: t,
          id: u.id,
          email: u.email,
          name: u.name,
          passwordHash,
          role: u.role,
          teamId: u.teamId,
          fte: u.fte,
          employment: u.employment,
          caseloadCap: u.caseloadCap,
          sweRegistration: u.sweRegistration,
        })),
      });
      await tx.loginIdentity.createMany({ data: seed.users.map((u) => ({ email: u.email, tenantId: t, userId: u.id })) });
      await tx.family.createMany({ data: seed.families.map((f) => ({ tenantId: t, ...f })) });
      await tx.person.createMany({
        data: seed.people.map((p) => ({ tenantId: t, ...p, dateOfBirth: d(p.dateOfBirth), expectedDateOfBirth: d(p.expectedDateOfBirth) })),
      });
      await tx.familyMember.createMany({ data: seed.familyMembers.map((m) => ({ tenantId: t, ...m })) });
      await tx.personRelationship.createMany({ data: seed.relationships.map((r) => ({ tenantId: t, ...r })) });
      await tx.case.createMany({
        data: seed.cases.map((c) => ({ tenantId: t, ...c, openedOn: d(c.openedOn)!, closedOn: d(c.closedOn) })),
      });
      await tx.caseChild.createMany({
        data: seed.caseChildren.map((c) => ({ tenantId: t, ...c, addedOn: d(c.addedOn)!, removedOn: d(c.removedOn) })),
      });
      await tx.allocation.createMany({
        data: seed.allocations.map((a) => ({ tenantId: t, ...a, startDate: d(a.startDate)!, endDate: d(a.endDate) })),
      });
      const st = seed.statutory;
      await tx.cinEpisode.createMany({ data: st.episodes.map((e) => ({ tenantId: t, ...e, referralDate: d(e.referralDate)!, closureDate: d(e.closureDate) })) });
      await tx.assessment.createMany({ data: st.assessments.map((a) => ({ tenantId: t, ...a, startDate: d(a.startDate)!, authorisedDate: d(a.authorisedDate) })) });
      await tx.section47.createMany({
        data: st.section47s.map((s) => ({ tenantId: t, ...s, strategyDiscussionDate: d(s.strategyDiscussionDate)!, startDate: d(s.startDate)!, icpcDate: d(s.icpcDate) })),
      });
      await tx.cpPlan.createMany({
        data: st.cpPlans.map(({ category, reviews: _reviews, coreGroups: _coreGroups, ...p }) => ({ tenantId: t, ...p, startDate: d(p.startDate)!, endDate: d(p.endDate), initialCategory: category as "NEG", latestCategory: category as "NEG" })),
      });
      await tx.cpReview.createMany({ data: st.cpPlans.flatMap((p) => p.reviews.map((r) => ({ tenantId: t, cpPlanId: p.id, reviewDate: d(r)! }))) });
      await tx.cpCoreGroup.createMany({ data: st.cpPlans.flatMap((p) => p.coreGroups.map((m) => ({ tenantId: t, cpPlanId: p.id, meetingDate: d(m)! }))) });
      await tx.cinPlan.createMany({ data: st.cinPlans.map((p) => ({ tenantId: t, ...p, startDate: d(p.startDate)!, endDate: d(p.endDate) })) });
      await tx.carePeriod.createMany({ data: st.carePeriods.map((p) => ({ tenantId: t, ...p, startDate: d(p.startDate)!, endDate: d(p.endDate) })) });
      await tx.carer.createMany({ data: st.carers.map((c) => ({ tenantId: t, ...c })) });
      await tx.careEpisode.createMany({ data: st.careEpisodes.map((e) => ({ tenantId: t, ...e, startDate: d(e.startDate)!, endDate: d(e.endDate) })) });
      await tx.laReview.createMany({ data: st.laReviews.map((r) => ({ tenantId: t, ...r, reviewDate: d(r.reviewDate)! })), skipDuplicates: true });
      await tx.healthAssessment.createMany({ data: st.healthAssessments.map((h) => ({ tenantId: t, ...h, assessmentDate: d(h.assessmentDate)! })), skipDuplicates: true });
      await tx.pathwayPlanReview.createMany({ data: st.pathwayPlanReviews.map((r) => ({ tenantId: t, ...r, reviewDate: d(r.reviewDate)! })), skipDuplicates: true });
      await tx.visit.createMany({
        data: seed.visits.map(({ children: _children, ...visit }) => ({ tenantId: t, ...visit, visitedAt: new Date(visit.visitedAt), idempotencyKey: visit.id })),
      });
      await tx.visitChild.createMany({ data: seed.visits.flatMap((visit) => visit.children.map((c) => ({ tenantId: t, visitId: visit.id, ...c }))) });
      await tx.contact.createMany({
        data: seed.contacts.map(({ childIds: _childIds, ...contact }) => ({ tenantId: t, ...contact, receivedOn: d(contact.receivedOn)!, idempotencyKey: contact.id })),
      });
      await tx.contactChild.createMany({ data: seed.contacts.flatMap((contact) => contact.childIds.map((personId) => ({ tenantId: t, contactId: contact.id, personId }))) });
      await tx.auditEvent.create({ data: { tenantId: t, action: "seed.loaded", entityType: "tenant", entityId: t, details: { users: seed.users.length, cases: seed.cases.length } } });
    },
    { timeoutMs: 120_000 },
  );
}
