// A case (the council's involvement with one family): the case page.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant } from "@/lib/db/tenant";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import type { AllocationRole, Level, Role } from "@/lib/domain/roles";
import { notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export type CaseView = {
  id: string;
  reference: string;
  level: Level;
  status: "OPEN" | "CLOSED";
  openedOn: string;
  closedOn: string | null;
  closureReason: string | null;
  team: { id: string; name: string } | null;
  family: { id: string; name: string; postcode: string | null };
  children: { id: string; name: string; dateOfBirth: string | null; expectedDateOfBirth: string | null; age: number | null; sex: string; laChildId: string | null }[];
  adults: { id: string; name: string; relationship: string }[];
  allocations: {
    id: string;
    worker: { id: string; name: string; role: Role };
    roleOnCase: AllocationRole;
    startDate: string;
    endDate: string | null;
    endReason: string | null;
  }[];
};

export async function getCaseForView(ctx: Ctx, caseIdInput: string): Promise<CaseView> {
  assertCan(ctx, "case:view", "open case records");
  const caseId = parseId(caseIdInput, "case");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const c = await tx.case.findFirst({
      where: { tenantId: ctx.tenantId, id: caseId },
      select: {
        id: true,
        reference: true,
        level: true,
        status: true,
        openedOn: true,
        closedOn: true,
        closureReason: true,
        team: { select: { id: true, name: true } },
        family: {
          select: {
            id: true,
            name: true,
            postcode: true,
            members: { where: { person: { kind: "ADULT" } }, select: { relationship: true, person: { select: { id: true, firstName: true, lastName: true } } } },
          },
        },
        children: {
          where: { removedOn: null },
          select: { person: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true, expectedDateOfBirth: true, sex: true, laChildId: true } } },
        },
        allocations: {
          select: {
            id: true,
            roleOnCase: true,
            startDate: true,
            endDate: true,
            endReason: true,
            worker: { select: { id: true, name: true, role: true } },
          },
          orderBy: [{ endDate: { sort: "desc", nulls: "first" } }, { startDate: "desc" }],
        },
      },
    });
    if (!c) throw notFoundError("case");
    await recordAudit(tx, ctx, {
      action: "case.viewed",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      details: { children: c.children.map((ch) => ch.person.id) },
    });
    return {
      id: c.id,
      reference: c.reference,
      level: c.level,
      status: c.status,
      openedOn: toIsoDate(c.openedOn),
      closedOn: c.closedOn ? toIsoDate(c.closedOn) : null,
      closureReason: c.closureReason,
      team: c.team,
      family: { id: c.family.id, name: c.family.name, postcode: c.family.postcode },
      children: c.children
        .map(({ person: p }) => ({
          id: p.id,
          name: `${p.firstName} ${p.lastName}`,
          dateOfBirth: p.dateOfBirth ? toIsoDate(p.dateOfBirth) : null,
          expectedDateOfBirth: p.expectedDateOfBirth ? toIsoDate(p.expectedDateOfBirth) : null,
          age: p.dateOfBirth ? ageOn(toIsoDate(p.dateOfBirth), today) : null,
          sex: p.sex,
          laChildId: p.laChildId,
        }))
        .sort((a, b) => (b.age ?? -1) - (a.age ?? -1)),
      adults: c.family.members.map((m) => ({ id: m.person.id, name: `${m.person.firstName} ${m.person.lastName}`, relationship: m.relationship })),
      allocations: c.allocations.map((a) => ({
        id: a.id,
        worker: a.worker,
        roleOnCase: a.roleOnCase,
        startDate: toIsoDate(a.startDate),
        endDate: a.endDate ? toIsoDate(a.endDate) : null,
        endReason: a.endReason,
      })),
    };
  });
}
