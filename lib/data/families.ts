// A family: its members and the council's involvement with it.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant } from "@/lib/db/tenant";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import type { Level } from "@/lib/domain/roles";
import { notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export type FamilyView = {
  id: string;
  name: string;
  address: string | null;
  postcode: string | null;
  /** decision 0019: only some people may open its records */
  restricted: boolean;
  members: { id: string; name: string; kind: "CHILD" | "ADULT"; relationship: string; age: number | null; isMainCarer: boolean }[];
  cases: { id: string; reference: string; level: Level; status: "OPEN" | "CLOSED"; openedOn: string; closedOn: string | null }[];
};

export async function getFamilyForView(ctx: Ctx, familyIdInput: string): Promise<FamilyView> {
  assertCan(ctx, "case:view", "open family records");
  const familyId = parseId(familyIdInput, "family");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { familyId });
    const f = await tx.family.findFirst({
      where: { tenantId: ctx.tenantId, id: familyId },
      select: {
        id: true,
        name: true,
        address: true,
        postcode: true,
        restricted: true,
        members: {
          select: {
            relationship: true,
            isMainCarer: true,
            person: { select: { id: true, kind: true, firstName: true, lastName: true, dateOfBirth: true } },
          },
        },
        cases: { select: { id: true, reference: true, level: true, status: true, openedOn: true, closedOn: true }, orderBy: { openedOn: "desc" } },
      },
    });
    if (!f) throw notFoundError("family");
    await recordAudit(tx, ctx, { action: "family.viewed", entityType: "family", entityId: f.id });
    return {
      id: f.id,
      name: f.name,
      address: f.address,
      postcode: f.postcode,
      restricted: f.restricted,
      members: f.members
        .map((m) => ({
          id: m.person.id,
          name: `${m.person.firstName} ${m.person.lastName}`,
          kind: m.person.kind,
          relationship: m.relationship,
          age: m.person.dateOfBirth ? ageOn(toIsoDate(m.person.dateOfBirth), today) : null,
          isMainCarer: m.isMainCarer,
        }))
        .sort((a, b) => (a.kind === b.kind ? (b.age ?? -1) - (a.age ?? -1) : a.kind === "ADULT" ? -1 : 1)),
      cases: f.cases.map((c) => ({
        id: c.id,
        reference: c.reference,
        level: c.level,
        status: c.status,
        openedOn: toIsoDate(c.openedOn),
        closedOn: c.closedOn ? toIsoDate(c.closedOn) : null,
      })),
    };
  });
}
