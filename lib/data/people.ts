// A person's record (child or adult). Viewing a child's record is audited.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant } from "@/lib/db/tenant";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import type { Level } from "@/lib/domain/roles";
import { notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export type PersonView = {
  id: string;
  kind: "CHILD" | "ADULT";
  name: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  age: number | null;
  sex: string;
  ethnicity: string | null;
  upn: string | null;
  laChildId: string | null;
  postcode: string | null;
  families: { id: string; name: string; relationship: string }[];
  cases: { id: string; reference: string; level: Level; status: "OPEN" | "CLOSED"; openedOn: string; closedOn: string | null }[];
  relationships: { id: string; name: string; relationship: string; direction: "is" | "of" }[];
};

export async function getPersonForView(ctx: Ctx, personIdInput: string): Promise<PersonView> {
  assertCan(ctx, "case:view", "open people's records");
  const personId = parseId(personIdInput, "person");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const p = await tx.person.findFirst({
      where: { tenantId: ctx.tenantId, id: personId },
      select: {
        id: true,
        kind: true,
        firstName: true,
        lastName: true,
        dateOfBirth: true,
        expectedDateOfBirth: true,
        sex: true,
        ethnicity: true,
        upn: true,
        laChildId: true,
        postcode: true,
        memberships: { select: { relationship: true, family: { select: { id: true, name: true } } } },
        caseChildren: {
          select: { case: { select: { id: true, reference: true, level: true, status: true, openedOn: true, closedOn: true } } },
          orderBy: { case: { openedOn: "desc" } },
        },
        relationships: { select: { relationship: true, relatedPerson: { select: { id: true, firstName: true, lastName: true } } } },
        relatedTo: { select: { relationship: true, person: { select: { id: true, firstName: true, lastName: true } } } },
      },
    });
    if (!p) throw notFoundError("person");
    await recordAudit(tx, ctx, { action: "person.viewed", entityType: "person", entityId: p.id, personId: p.id });
    const dob = p.dateOfBirth ? toIsoDate(p.dateOfBirth) : null;
    return {
      id: p.id,
      kind: p.kind,
      name: `${p.firstName} ${p.lastName}`,
      dateOfBirth: dob,
      expectedDateOfBirth: p.expectedDateOfBirth ? toIsoDate(p.expectedDateOfBirth) : null,
      age: dob ? ageOn(dob, today) : null,
      sex: p.sex,
      ethnicity: p.ethnicity,
      upn: p.upn,
      laChildId: p.laChildId,
      postcode: p.postcode,
      families: p.memberships.map((m) => ({ id: m.family.id, name: m.family.name, relationship: m.relationship })),
      cases: p.caseChildren.map(({ case: c }) => ({
        id: c.id,
        reference: c.reference,
        level: c.level,
        status: c.status,
        openedOn: toIsoDate(c.openedOn),
        closedOn: c.closedOn ? toIsoDate(c.closedOn) : null,
      })),
      relationships: [
        // "Jane Smith is MOTHER of" this person, or this person is MOTHER of someone
        ...p.relatedTo.map((r) => ({ id: r.person.id, name: `${r.person.firstName} ${r.person.lastName}`, relationship: r.relationship, direction: "is" as const })),
        ...p.relationships.map((r) => ({ id: r.relatedPerson.id, name: `${r.relatedPerson.firstName} ${r.relatedPerson.lastName}`, relationship: r.relationship, direction: "of" as const })),
      ],
    };
  });
}
