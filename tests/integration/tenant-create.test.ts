// npm run tenant:create's core: the platform operator adds a council whose first tenant administrator
// chooses a password through the one-time link, signs in and sees that council alone; a short name, LA code or email
// already in use, and input that makes no sense, are refused saying which and why.
import { describe, expect, it } from "vitest";
import { checkPasswordLink, listUsersForAdmin, setPasswordWithLink } from "../../lib/data/admin";
import { signInWithPassword } from "../../lib/data/auth";
import { createCouncil, type NewCouncil } from "../../lib/data/councils";
import { getCouncilSettings } from "../../lib/data/council-settings";
import { listCarers } from "../../lib/data/placements";
import { withPlatformOperator, withTenant } from "../../lib/db/tenant";
import type { Ctx } from "../../lib/auth/context";
import { parseTenantSettings } from "../../lib/domain/tenant-settings";
import { createAllocatedCase, createTeam, createTenant, createUser } from "../support/factories";

let n = 0;
const fresh = (): NewCouncil => {
  const id = `${Date.now().toString(36)}${n++}`;
  return { name: `Borough of Test ${id}`, slug: `test-${id}`, laCode: String(500 + n), childPopulation: "45,000", adminEmail: `Admin.${id}@Test.gov.uk`, adminName: "Sam Okafor" };
};

describe("adding a council", () => {
  it("creates the council with default settings and an administrator who signs in and sees only that council", async () => {
    // another council with people, cases, users and carers
    const other = await createTenant({ name: "Other council" });
    const team = await createTeam(other.id);
    const worker = await createUser(other.id, { role: "SOCIAL_WORKER", teamId: team.id });
    await createAllocatedCase(other.id, worker);
    await withTenant(other.id, (tx) =>
      tx.carer.create({ data: { tenantId: other.id, kind: "FOSTER_HOUSEHOLD", name: "Other household", provider: "PR1", approvedPlaces: 1, ageFrom: 0, ageTo: 17, postcode: "SP1 2AB", latitude: 51, longitude: -1.8, laCode: "999" } }),
    );

    const input = fresh();
    const council = await createCouncil(input, { operator: "ops" });
    expect(council).toMatchObject({ name: input.name, slug: input.slug, admin: { email: input.adminEmail.toLowerCase(), name: "Sam Okafor" } });
    expect(await checkPasswordLink(council.passwordLinkToken)).toMatchObject({ ok: true, tenantId: council.tenantId, userId: council.admin.userId, purpose: "INVITE" });
    await setPasswordWithLink(council.passwordLinkToken, "marble orchard compass");

    const signedIn = await signInWithPassword(input.adminEmail, "marble orchard compass");
    expect(signedIn).toMatchObject({ ok: true, user: { tenantId: council.tenantId, role: "TENANT_ADMIN", id: council.admin.userId } });
    expect(await signInWithPassword(input.adminEmail, "not the password")).toMatchObject({ ok: false, code: "INVALID" });

    const ctx: Ctx = { tenantId: council.tenantId, userId: council.admin.userId, role: "TENANT_ADMIN", teamId: null, name: "Sam Okafor", tenantName: input.name };
    expect((await listUsersForAdmin(ctx)).map((u) => u.email)).toEqual([input.adminEmail.toLowerCase()]);
    expect(await listCarers(ctx)).toEqual([]);
    expect((await getCouncilSettings(ctx)).settings).toEqual(parseTenantSettings({}));
    const seen = await withTenant(council.tenantId, async (tx) => ({
      tenants: await tx.tenant.findMany({ select: { id: true } }),
      people: await tx.person.count(),
      cases: await tx.case.count(),
      users: await tx.user.count(),
      carers: await tx.carer.count(),
    }));
    expect(seen).toEqual({ tenants: [{ id: council.tenantId }], people: 0, cases: 0, users: 1, carers: 0 });

    const stored = await withTenant(council.tenantId, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: council.tenantId } }));
    expect(stored).toMatchObject({ laCode: input.laCode, childPopulation: 45_000, settings: {} });
    const audit = await withTenant(council.tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId: council.tenantId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, details: true } }));
    expect(audit.slice(0, 2)).toEqual([
      { action: "tenant.created", actorId: null, details: expect.objectContaining({ via: "npm run tenant:create", operator: "ops", slug: input.slug }) },
      { action: "user.created", actorId: null, details: expect.objectContaining({ email: input.adminEmail.toLowerCase(), role: "TENANT_ADMIN" }) },
    ]);
    // the link's secret is nowhere but its hash
    expect(JSON.stringify(audit)).not.toContain(council.passwordLinkToken.split(".")[1]);
  });

  it("refuses a short name, LA code or email already in use, saying which; nothing is added", async () => {
    const first = fresh();
    await createCouncil(first);
    const existing = await createUser((await createTenant()).id, { role: "SOCIAL_WORKER" });
    const councils = () => withPlatformOperator((tx) => tx.tenant.count());
    const before = await councils();

    const again = { ...fresh(), slug: first.slug };
    await expect(createCouncil(again)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { slug: [`The short name "${first.slug}" is already used by ${first.name}: choose another`] } });

    const sameCode = { ...fresh(), laCode: first.laCode };
    await expect(createCouncil(sameCode)).rejects.toMatchObject({ fieldErrors: { laCode: [`LA code ${first.laCode} is already used by ${first.name}: check the code`] } });

    // an address used by any user of any council, whatever its capitals
    const takenEmail = { ...fresh(), adminEmail: existing.email.toUpperCase() };
    const refused = createCouncil(takenEmail);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { adminEmail: [expect.stringContaining(`There is already a Continuum account with ${existing.email}`)] } });
    await expect(createCouncil({ ...fresh(), adminEmail: first.adminEmail })).rejects.toMatchObject({ fieldErrors: { adminEmail: [expect.stringContaining("already a Continuum account")] } });

    expect(await councils()).toBe(before);
  });

  it("refuses input that makes no sense, per field", async () => {
    await expect(createCouncil({ ...fresh(), slug: "Not A Slug", laCode: "12", childPopulation: "lots", adminEmail: "nobody", adminName: " " })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        slug: ["Use lower-case letters and digits, with single hyphens between words, like north-exeford"],
        laCode: ["Give the council's 3-digit DfE local authority code, like 878"],
        childPopulation: ["Give the number of children aged 0 to 17 in the council's area, like 45000"],
        adminEmail: ["Give a work email address, like admin@exeford.gov.uk"],
        adminName: ["Give the full name of the council's first tenant administrator"],
      },
    });
  });
});
