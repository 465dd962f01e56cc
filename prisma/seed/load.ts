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
      await tx.auditEvent.create({ data: { tenantId: t, action: "seed.loaded", entityType: "tenant", entityId: t, details: { users: seed.users.length, cases: seed.cases.length } } });
    },
    { timeoutMs: 120_000 },
  );
}
