// Small factories for integration tests: each call makes rows with unique values, through the
// application role inside the tenant's own transaction.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import type { Ctx } from "../../lib/auth/context";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import type { AllocationRole, Level, Role } from "../../lib/domain/roles";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

// LA codes are unique across the service: each test file's own database hands them out from 000 to
// 499 unless a test names one (tenant-create.test.ts types codes from 500 up; the demo councils are
// 990 to 992).
let laCodes = 0;

export type TestTenant = { id: string; slug: string; name: string; laCode: string };

export async function createTenant(overrides: { settings?: Record<string, unknown>; childPopulation?: number; name?: string; laCode?: string } = {}): Promise<TestTenant> {
  const id = randomUUID();
  const slug = `council-${unique()}`;
  const name = overrides.name ?? `Council ${slug}`;
  if (laCodes === 500) throw new Error("A test file may make 500 councils at most");
  const laCode = overrides.laCode ?? String(laCodes++).padStart(3, "0");
  await withTenant(id, (tx) =>
    tx.tenant.create({ data: { id, name, slug, laCode, childPopulation: overrides.childPopulation ?? 50_000, settings: (overrides.settings ?? {}) as object } }),
  );
  return { id, slug, name, laCode };
}

export async function createTeam(tenantId: string, overrides: { name?: string; kind?: "MIXED" | "SOCIAL_WORK" | "CHILDREN_IN_CARE" | "EARLY_HELP" | "MANAGEMENT" } = {}) {
  return withTenant(tenantId, (tx) =>
    tx.team.create({ data: { tenantId, name: overrides.name ?? `Team ${unique()}`, kind: overrides.kind ?? "MIXED" }, select: { id: true, name: true } }),
  );
}

export type TestUser = { id: string; tenantId: string; email: string; name: string; role: Role; teamId: string | null };

export async function createUser(
  tenantId: string,
  options: { role: Role; teamId?: string | null; name?: string; fte?: number; employment?: "PERMANENT" | "AGENCY"; caseloadCap?: number | null; active?: boolean },
): Promise<TestUser> {
  const email = `user-${unique()}@test.example`;
  const name = options.name ?? `Worker ${unique()}`;
  const hash = await hashed();
  return withTenant(tenantId, async (tx) => {
    const user = await tx.user.create({
      data: {
        tenantId,
        email,
        name,
        passwordHash: hash,
        role: options.role,
        teamId: options.teamId ?? null,
        fte: options.fte ?? 1,
        employment: options.employment ?? "PERMANENT",
        caseloadCap: options.caseloadCap ?? null,
        active: options.active ?? true,
      },
      select: { id: true },
    });
    await tx.loginIdentity.create({ data: { email, tenantId, userId: user.id } });
    return { id: user.id, tenantId, email, name, role: options.role, teamId: options.teamId ?? null };
  });
}

export function ctxFor(user: TestUser, tenantName = "Test council"): Ctx {
  return { tenantId: user.tenantId, userId: user.id, role: user.role, teamId: user.teamId, name: user.name, tenantName };
}

export async function createFamily(
  tenantId: string,
  options: { children?: { firstName?: string; lastName?: string; dateOfBirth?: string }[]; adults?: number; name?: string } = {},
) {
  const lastName = options.name ?? `Family${unique()}`;
  return withTenant(tenantId, async (tx) => {
    const family = await tx.family.create({ data: { tenantId, name: `${lastName} family`, postcode: "TE1 1ST" }, select: { id: true, name: true } });
    const children = [];
    for (const spec of options.children ?? [{}]) {
      const child = await tx.person.create({
        data: {
          tenantId,
          kind: "CHILD",
          firstName: spec.firstName ?? `Child${unique()}`,
          lastName: spec.lastName ?? lastName,
          dateOfBirth: fromIsoDate(spec.dateOfBirth ?? "2016-05-04"),
          sex: "F",
          laChildId: `T${unique()}`.slice(0, 20).toUpperCase(),
        },
        select: { id: true, firstName: true, lastName: true },
      });
      await tx.familyMember.create({ data: { tenantId, familyId: family.id, personId: child.id, relationship: "CHILD" } });
      children.push(child);
    }
    const adults = [];
    for (let i = 0; i < (options.adults ?? 1); i++) {
      const adult = await tx.person.create({
        data: { tenantId, kind: "ADULT", firstName: `Adult${unique()}`, lastName, dateOfBirth: fromIsoDate("1988-02-03"), sex: "F" },
        select: { id: true, firstName: true, lastName: true },
      });
      await tx.familyMember.create({ data: { tenantId, familyId: family.id, personId: adult.id, relationship: "MOTHER", isMainCarer: i === 0 } });
      for (const child of children) {
        await tx.personRelationship.create({ data: { tenantId, personId: adult.id, relatedPersonId: child.id, relationship: "MOTHER" } });
      }
      adults.push(adult);
    }
    return { family, children, adults };
  });
}

export async function createCase(
  tenantId: string,
  options: { familyId: string; childIds: string[]; level?: Level; teamId?: string | null; openedOn?: string; status?: "OPEN" | "CLOSED"; closedOn?: string },
) {
  const openedOn = options.openedOn ?? todayInEngland();
  return withTenant(tenantId, async (tx) => {
    const c = await tx.case.create({
      data: {
        tenantId,
        reference: `C-${unique()}`,
        familyId: options.familyId,
        teamId: options.teamId ?? null,
        level: options.level ?? "CHILD_IN_NEED",
        status: options.status ?? "OPEN",
        openedOn: fromIsoDate(openedOn),
        closedOn: options.closedOn ? fromIsoDate(options.closedOn) : null,
        closureReason: options.status === "CLOSED" ? "RC7" : null,
      },
      select: { id: true, reference: true },
    });
    await tx.caseChild.createMany({ data: options.childIds.map((personId) => ({ tenantId, caseId: c.id, personId, addedOn: fromIsoDate(openedOn) })) });
    return c;
  });
}

export async function allocate(tenantId: string, caseId: string, workerId: string, roleOnCase: AllocationRole = "LEAD", startDate = todayInEngland()) {
  return withTenant(tenantId, (tx) =>
    tx.allocation.create({ data: { tenantId, caseId, workerId, roleOnCase, startDate: fromIsoDate(startDate) }, select: { id: true } }),
  );
}

/** A family with one child, a case at `level`, allocated to `worker` as lead. */
export async function createAllocatedCase(tenantId: string, worker: { id: string; teamId: string | null }, level: Level = "CHILD_IN_NEED", children = 1) {
  const { family, children: kids } = await createFamily(tenantId, { children: Array.from({ length: children }, () => ({})) });
  const c = await createCase(tenantId, { familyId: family.id, childIds: kids.map((k) => k.id), level, teamId: worker.teamId });
  await allocate(tenantId, c.id, worker.id);
  return { case: c, family, children: kids };
}
