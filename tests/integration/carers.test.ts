// Changing a carer or provider after it was added: approval, ages, rate and where it is, validated,
// audited, never over someone else's newer change, never below the children placed there — and never
// another council's carer, which is not even found. Placements not on the list record their own URN
// and area, including outside England.
import { describe, expect, it } from "vitest";
import { addCarer, getCarer, getChildPlacements, listCarers, moveChild, updateCarer, type CarerChange, type NewCarer } from "../../lib/data/placements";
import { startCare } from "../../lib/data/statutory";
import { withTenant } from "../../lib/db/tenant";
import { addDays, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { createAllocatedCase, createTeam, createTenant, createUser, ctxFor } from "../support/factories";

const today = todayInEngland();

async function councilWithHousehold() {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id, { kind: "CHILDREN_IN_CARE" });
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const manager = await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id });
  const admin = await createUser(tenant.id, { role: "TENANT_ADMIN" });
  const household: NewCarer = {
    kind: "FOSTER_HOUSEHOLD",
    name: "The Okafor household",
    provider: "PR1",
    approvedPlaces: 3,
    ageFrom: 0,
    ageTo: 17,
    postcode: "SP1 3AA",
    latitude: 51.05,
    longitude: -1.8,
    laCode: tenant.laCode,
    usualWeeklyRate: 330,
    urn: null,
  };
  const { id } = await addCarer(ctxFor(manager), household);
  // two children placed there
  const children: string[] = [];
  for (let i = 0; i < 2; i++) {
    const made = await createAllocatedCase(tenant.id, worker, "LOOKED_AFTER", 1);
    const child = made.children[0]!.id;
    await startCare(ctxFor(worker), { personId: child, caseId: made.case.id, startDate: addDays(today, -30), legalStatus: "C2", categoryOfNeed: "N1", place: "U6", provider: null, carerId: id });
    children.push(child);
  }
  return { tenant, worker, manager, admin, household, carerId: id, children };
}

const changeOf = (c: Awaited<ReturnType<typeof getCarer>>, extra: Partial<CarerChange> = {}): CarerChange => ({
  name: c.name,
  provider: c.provider as CarerChange["provider"],
  approvedPlaces: c.approvedPlaces,
  ageFrom: c.ageFrom,
  ageTo: c.ageTo,
  postcode: c.postcode,
  latitude: c.location.latitude,
  longitude: c.location.longitude,
  laCode: c.laCode,
  usualWeeklyRate: c.usualWeeklyRate,
  urn: c.urn,
  version: c.version,
  ...extra,
});

describe("changing a carer", () => {
  it("a manager changes a household's approval, ages, rate and address; the list follows, each change is audited, placements made before keep what they were recorded with", async () => {
    const s = await councilWithHousehold();
    const ctx = ctxFor(s.manager);
    const before = await getCarer(ctx, s.carerId);
    expect(before).toMatchObject({ name: "The Okafor household", approvedPlaces: 3, currentChildren: 2, vacancies: 1, usualWeeklyRate: 330 });
    await updateCarer(ctx, s.carerId, changeOf(before, { approvedPlaces: 4, ageFrom: 5, ageTo: 15, usualWeeklyRate: 345.5, postcode: "SP2 8BB", latitude: 51.1, longitude: -1.7 }));

    const after = (await listCarers(ctx)).find((c) => c.id === s.carerId)!;
    expect(after).toMatchObject({ approvedPlaces: 4, ageFrom: 5, ageTo: 15, usualWeeklyRate: 345.5, postcode: "SP2 8BB", location: { latitude: 51.1, longitude: -1.7 }, vacancies: 2 });
    const audit = await withTenant(s.tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: s.tenant.id, entityId: s.carerId }, orderBy: { id: "asc" }, select: { action: true, details: true, actorId: true } }));
    expect(audit.map((a) => a.action)).toEqual(["carer.added", "carer.updated"]);
    expect(audit[1]).toMatchObject({
      actorId: s.manager.id,
      details: {
        changes: {
          approvedPlaces: { from: 3, to: 4 },
          ageFrom: { from: 0, to: 5 },
          ageTo: { from: 17, to: 15 },
          usualWeeklyRate: { from: 330, to: 345.5 },
          postcode: { from: "SP1 3AA", to: "SP2 8BB" },
          latitude: { from: 51.05, to: 51.1 },
          longitude: { from: -1.8, to: -1.7 },
        },
      },
    });
    // the children already placed keep the postcode and cost their placement was recorded with
    const placed = (await getChildPlacements(ctxFor(s.worker), s.children[0]!)).current;
    expect(placed).toMatchObject({ carer: "The Okafor household", weeklyCost: 330 });
    const row = await withTenant(s.tenant.id, (tx) => tx.careEpisode.findFirstOrThrow({ where: { tenantId: s.tenant.id, personId: s.children[0]!, endDate: null } }));
    expect(row).toMatchObject({ placementPostcode: "SP1 3AA", placementLatitude: 51.05 });
    // saving again with nothing changed writes nothing
    await updateCarer(ctx, s.carerId, changeOf(await getCarer(ctx, s.carerId)));
    expect(await withTenant(s.tenant.id, (tx) => tx.auditEvent.count({ where: { tenantId: s.tenant.id, entityId: s.carerId, action: "carer.updated" } }))).toBe(1);
  });

  it("refuses a save over someone else's newer change, overwriting nothing", async () => {
    const s = await councilWithHousehold();
    const ctx = ctxFor(s.manager);
    const other = ctxFor(await createUser(s.tenant.id, { role: "HEAD_OF_SERVICE" }));
    const loaded = await getCarer(ctx, s.carerId);
    const theirs = await getCarer(other, s.carerId);
    await updateCarer(other, s.carerId, changeOf(theirs, { usualWeeklyRate: 400 }));
    await expect(updateCarer(ctx, s.carerId, changeOf(loaded, { approvedPlaces: 2 }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Someone else changed The Okafor household after you opened the page"),
    });
    expect(await getCarer(ctx, s.carerId)).toMatchObject({ approvedPlaces: 3, usualWeeklyRate: 400 });
    // two saves from the same version at once: one is saved, the other refused
    const fresh = await getCarer(ctx, s.carerId);
    const results = await Promise.allSettled([updateCarer(ctx, s.carerId, changeOf(fresh, { ageTo: 16 })), updateCarer(other, s.carerId, changeOf(fresh, { ageTo: 14 }))]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it("refuses approved places below the children placed there now, saying what to do; and a household's approval must be whole", async () => {
    const s = await councilWithHousehold();
    const ctx = ctxFor(s.manager);
    const c = await getCarer(ctx, s.carerId);
    await expect(updateCarer(ctx, s.carerId, changeOf(c, { approvedPlaces: 1 }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { approvedPlaces: ["The Okafor household has 2 children placed now, so it cannot be approved for fewer than 2. Move a child to another placement first, or put the household on hold to stop new placements."] },
    });
    await expect(updateCarer(ctx, s.carerId, changeOf(c, { ageFrom: 12, ageTo: 6 }))).rejects.toMatchObject({ fieldErrors: { ageTo: [expect.stringContaining("oldest age")] } });
    await expect(updateCarer(ctx, s.carerId, changeOf(c, { approvedPlaces: null }))).rejects.toMatchObject({ fieldErrors: { approvedPlaces: [expect.stringContaining("approved for")] } });
    // down to exactly the children there is allowed: no vacancy left
    await updateCarer(ctx, s.carerId, changeOf(c, { approvedPlaces: 2 }));
    expect(await getCarer(ctx, s.carerId)).toMatchObject({ approvedPlaces: 2, vacancies: 0 });
  });

  it("refuses narrowing the ages to leave out a child placed there now, naming their age; a range that still fits them is saved", async () => {
    const s = await councilWithHousehold();
    const ctx = ctxFor(s.manager);
    // the two children are 10 (the factory's 4 May 2016) and 12
    await withTenant(s.tenant.id, (tx) => tx.person.update({ where: { tenantId_id: { tenantId: s.tenant.id, id: s.children[1]! } }, data: { dateOfBirth: fromIsoDate(addDays(today, -(12 * 365 + 40))) } }));
    const c = await getCarer(ctx, s.carerId);
    await expect(updateCarer(ctx, s.carerId, changeOf(c, { ageFrom: 0, ageTo: 11 }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { ageTo: ["The Okafor household has a child of 12 placed now, outside ages 0–11. Keep the range until they have moved on, or move them to another placement first."] },
    });
    await expect(updateCarer(ctx, s.carerId, changeOf(c, { ageFrom: 11, ageTo: 17 }))).rejects.toMatchObject({ fieldErrors: { ageFrom: [expect.stringContaining("a child of 10 placed now, outside ages 11–17")] } });
    expect(await getCarer(ctx, s.carerId)).toMatchObject({ ageFrom: 0, ageTo: 17 });
    await updateCarer(ctx, s.carerId, changeOf(c, { ageFrom: 10, ageTo: 12 }));
    expect(await getCarer(ctx, s.carerId)).toMatchObject({ ageFrom: 10, ageTo: 12 });
  });

  it("practitioners may not change carers; a tenant administrator may", async () => {
    const s = await councilWithHousehold();
    await expect(getCarer(ctxFor(s.worker), s.carerId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const c = await getCarer(ctxFor(s.admin), s.carerId);
    await expect(updateCarer(ctxFor(s.worker), s.carerId, changeOf(c, { usualWeeklyRate: 1 }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateCarer(ctxFor(s.admin), s.carerId, changeOf(c, { urn: "SC123456" }));
    expect(await getCarer(ctxFor(s.admin), s.carerId)).toMatchObject({ urn: "SC123456" });
  });
});

describe("another council's carer", () => {
  it("cannot be seen or changed, by any role: not found, and nothing written", async () => {
    const a = await councilWithHousehold();
    const b = await councilWithHousehold();
    const theirs = await getCarer(ctxFor(b.manager), b.carerId);
    const head = await createUser(a.tenant.id, { role: "HEAD_OF_SERVICE" });
    for (const user of [a.manager, a.admin, head]) {
      await expect(getCarer(ctxFor(user), b.carerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateCarer(ctxFor(user), b.carerId, changeOf(theirs, { name: "Taken over", approvedPlaces: 9 }))).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listCarers(ctxFor(user))).map((c) => c.id)).not.toContain(b.carerId);
    }
    expect(await getCarer(ctxFor(b.manager), b.carerId)).toMatchObject({ name: "The Okafor household", approvedPlaces: 3, version: theirs.version });
    expect(await withTenant(b.tenant.id, (tx) => tx.auditEvent.count({ where: { tenantId: b.tenant.id, entityId: b.carerId, action: "carer.updated" } }))).toBe(0);
    // a malformed id is not found either
    await expect(getCarer(ctxFor(a.manager), "../../carers")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("placements not on the list", () => {
  it("record the URN typed for a home not on the list, and an area outside England", async () => {
    const s = await councilWithHousehold();
    const ctx = ctxFor(s.worker);
    await moveChild(ctx, {
      personId: s.children[0]!,
      date: today,
      placeType: "K2",
      provider: "PR4",
      carerId: null,
      reasonPlaceChange: "CARPL",
      endPlanned: true,
      weeklyCost: 4200,
      placementPostcode: "CF10 1AA",
      placementLatitude: 51.48,
      placementLongitude: -3.18,
      placementLaCode: "WAL",
      urn: "W1234567",
      avoidedAgency: false,
    });
    const current = (await getChildPlacements(ctx, s.children[0]!)).current;
    expect(current).toMatchObject({ place: "K2", carer: null, urn: "W1234567", outOfArea: true, outsideEngland: true });
    // a carer on the list keeps its own URN: the one typed is for placements not on the list
    const home = await addCarer(ctxFor(s.manager), { ...s.household, kind: "RESIDENTIAL", name: "Oak House", provider: "PR4", approvedPlaces: null, ageFrom: null, ageTo: null, urn: "SC999999" });
    await moveChild(ctx, { personId: s.children[1]!, date: today, placeType: "K2", provider: null, carerId: home.id, reasonPlaceChange: "CARPL", endPlanned: true, weeklyCost: null, placementPostcode: null, urn: "SC000001", avoidedAgency: false });
    expect((await getChildPlacements(ctx, s.children[1]!)).current).toMatchObject({ carer: "Oak House", urn: "SC999999", outsideEngland: false });
  });
});
