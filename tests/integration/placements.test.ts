// Moving a looked-after child, the council's carers and the in-house vacancy search: the episode
// history stays whole, vacancies follow the children, the nearest suitable household comes first,
// the regulation 28 clock restarts — and no council sees or uses another's carers.
import { describe, expect, it } from "vitest";
import { getBoroughDashboard } from "../../lib/data/kpis";
import { addCarer, getChildPlacements, listCarers, moveChild, setCarerOnHold, type MoveInput, type NewCarer } from "../../lib/data/placements";
import { recordLegalStatusChange, startCare } from "../../lib/data/statutory";
import { getChildDue } from "../../lib/data/timescales";
import { withTenant } from "../../lib/db/tenant";
import { addDays, formatDate, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { createAllocatedCase, createTeam, createTenant, createUser, ctxFor } from "../support/factories";

const today = todayInEngland();
const home = { latitude: 51.0, longitude: -1.8 };
// about 0.69 miles per 0.01° of latitude here
const north = (miles: number) => ({ latitude: home.latitude + miles / 69, longitude: home.longitude });

async function councilWithChildInAgencyCare() {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id, { kind: "CHILDREN_IN_CARE" });
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const made = await createAllocatedCase(tenant.id, worker, "LOOKED_AFTER", 1);
  const child = made.children[0]!.id;
  const careStart = addDays(today, -100);
  const t = tenant.id;
  const { laCode } = await withTenant(t, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: t }, select: { laCode: true } }));
  const carer = (name: string, at: { latitude: number; longitude: number }, extra: Record<string, unknown> = {}) =>
    withTenant(t, (tx) =>
      tx.carer.create({
        data: { tenantId: t, kind: "FOSTER_HOUSEHOLD", name, provider: "PR1", approvedPlaces: 2, ageFrom: 0, ageTo: 17, postcode: "SP1 2AB", ...at, laCode, usualWeeklyRate: 320, ...extra },
      }),
    );
  const agency = await withTenant(t, (tx) =>
    tx.carer.create({ data: { tenantId: t, kind: "FOSTERING_AGENCY", name: "Agency", provider: "PR4", postcode: "SP9 9ZZ", ...north(25), laCode, usualWeeklyRate: 850 } }),
  );
  const households = {
    near: await carer("Near household", north(3)),
    far: await carer("Far household", north(15), { approvedPlaces: 1 }),
    onHold: await carer("On-hold household", north(1), { onHold: true }),
    toddlers: await carer("Toddlers household", north(2), { ageFrom: 0, ageTo: 4 }),
    full: await carer("Full household", north(4), { approvedPlaces: 1 }),
  };
  await withTenant(t, (tx) => tx.person.update({ where: { tenantId_id: { tenantId: t, id: child } }, data: { dateOfBirth: fromIsoDate(addDays(today, -12 * 365 - 30)) } }));
  await startCare(ctxFor(worker), { personId: child, caseId: made.case.id, startDate: careStart, legalStatus: "C2", categoryOfNeed: "N1", place: "U6", provider: "PR4" });
  await withTenant(t, (tx) =>
    tx.careEpisode.updateMany({ where: { tenantId: t, personId: child }, data: { carerId: agency.id, placementPostcode: "SP9 9ZZ", homeLatitude: home.latitude, homeLongitude: home.longitude, placementLatitude: north(25).latitude, placementLongitude: home.longitude } }),
  );
  // another child fills the full household
  const other = await createAllocatedCase(t, worker, "LOOKED_AFTER", 1);
  await startCare(ctxFor(worker), { personId: other.children[0]!.id, caseId: other.case.id, startDate: careStart, legalStatus: "C2", categoryOfNeed: "N1", place: "U3", provider: "PR1" });
  await withTenant(t, (tx) => tx.careEpisode.updateMany({ where: { tenantId: t, personId: other.children[0]!.id }, data: { carerId: households.full.id } }));
  return { tenant, laCode, worker, child, careStart, agency, households };
}

const moveTo = (child: string, carerId: string | null, extra: Partial<MoveInput> = {}): MoveInput => ({
  personId: child,
  date: today,
  placeType: "U3",
  provider: null,
  carerId,
  reasonPlaceChange: "CARPL",
  endPlanned: true,
  weeklyCost: null,
  placementPostcode: null,
  avoidedAgency: true,
  ...extra,
});

describe("placements", () => {
  it("finds in-house households with room for the child's age, nearest first, then agencies, leaving out where the child is now", async () => {
    const s = await councilWithChildInAgencyCare();
    const found = await getChildPlacements(ctxFor(s.worker), s.child);
    // on hold, too young a range and full are left out; near (3 miles) before far (15 miles)
    expect(found.vacancies.map((v) => [v.carer.name, v.miles])).toEqual([
      ["Near household", 3],
      ["Far household", 15],
    ]);
    // the agency the child is with is not offered again (it comes back once they move: next test)
    expect(found.others).toEqual([]);
    expect(found.current).toMatchObject({ place: "U6", provider: "PR4", carer: "Agency", miles: 25 });
    expect(found.homeLocated).toBe(true);
  });

  it("moves the child to the household chosen: the agency placement ends that day, the new episode starts, the household has one place fewer and the regulation 28 visit is due a week later", async () => {
    const s = await councilWithChildInAgencyCare();
    await moveChild(ctxFor(s.worker), moveTo(s.child, s.households.near.id));

    const after = await getChildPlacements(ctxFor(s.worker), s.child);
    expect(after.periods[0]!.episodes).toEqual([
      expect.objectContaining({ startDate: s.careStart, endDate: today, carer: "Agency", reasonPlaceChange: "CARPL", endPlanned: true }),
      // a change of placement and carer together: RNE B
      expect.objectContaining({ startDate: today, endDate: null, place: "U3", provider: "PR1", carer: "Near household", reasonNewEpisode: "B", weeklyCost: 320, miles: 3, outOfArea: false }),
    ]);
    const near = (await listCarers(ctxFor(s.worker))).find((c) => c.id === s.households.near.id)!;
    expect(near).toMatchObject({ currentChildren: 1, vacancies: 1 });
    // the household the child is in is no longer offered to them; the agency they left is
    expect(after.vacancies.map((v) => v.carer.name)).toEqual(["Far household"]);
    expect(after.others.map((o) => o.carer.name)).toEqual(["Agency"]);
    const visit = (await getChildDue(ctxFor(s.worker), s.child)).find((i) => i.kind === "la-visit");
    expect(visit).toMatchObject({ dueDate: addDays(today, 7), basis: `1 week from the start of the placement on ${formatDate(today)}` });
    const saved = await withTenant(s.tenant.id, (tx) => tx.careEpisode.findFirst({ where: { tenantId: s.tenant.id, personId: s.child, endDate: null } }));
    expect(saved).toMatchObject({ avoidedAgency: true, placementLaCode: s.laCode, urn: null });
  });

  it("a change of legal status alone leaves the regulation 28 clock where the placement started; a move after it restarts it", async () => {
    const s = await councilWithChildInAgencyCare();
    const ctx = ctxFor(s.worker);
    await recordLegalStatusChange(ctx, { personId: s.child, date: addDays(today, -10), legalStatus: "C1" });
    const visit = async () => (await getChildDue(ctx, s.child)).find((i) => i.kind === "la-visit");
    // no visit yet: due a week after the agency placement began, 100 days ago, not after the new order
    expect(await visit()).toMatchObject({ dueDate: addDays(s.careStart, 7), basis: `1 week from the start of the placement on ${formatDate(s.careStart)}`, state: "overdue" });
    await moveChild(ctx, moveTo(s.child, s.households.near.id));
    expect(await visit()).toMatchObject({ dueDate: addDays(today, 7) });
  });

  it("a change of legal status carries everything the placement records into the new episode: carer, cost, URN, home and placement locations, authority, the agency placement avoided and the visiting pattern", async () => {
    const s = await councilWithChildInAgencyCare();
    const t = s.tenant.id;
    // the agency placement recorded in full
    await withTenant(t, (tx) =>
      tx.careEpisode.updateMany({
        where: { tenantId: t, personId: s.child },
        data: { urn: "SC654321", weeklyCost: 912.5, homePostcode: "SP2 7QQ", placementLaCode: "WAL", intendedUntil18: true, temporaryApproval: true, avoidedAgency: true },
      }),
    );
    await recordLegalStatusChange(ctxFor(s.worker), { personId: s.child, date: addDays(today, -10), legalStatus: "C1" });
    const [before, after] = await withTenant(t, (tx) => tx.careEpisode.findMany({ where: { tenantId: t, personId: s.child }, orderBy: { startDate: "asc" } }));
    const { id, startDate, endDate, legalStatus, reasonNewEpisode, createdAt: _c, reasonPlaceChange, endPlanned, ...carried } = after!;
    const { id: _i, startDate: _s, endDate: ended, legalStatus: was, reasonNewEpisode: _r, createdAt: _c2, reasonPlaceChange: _p, endPlanned: _e, ...recorded } = before!;
    // every column but the dates, the legal status and the reason for the new episode
    expect(carried).toEqual(recorded);
    expect(recorded).toMatchObject({ carerId: s.agency.id, urn: "SC654321", placementLaCode: "WAL", homeLatitude: home.latitude, placementLatitude: north(25).latitude, avoidedAgency: true, intendedUntil18: true });
    expect({ id, startDate, endDate, legalStatus, reasonNewEpisode, reasonPlaceChange, endPlanned }).toMatchObject({ startDate: fromIsoDate(addDays(today, -10)), endDate: null, legalStatus: "C1", reasonNewEpisode: "L", reasonPlaceChange: null, endPlanned: null });
    expect([ended, was]).toEqual([fromIsoDate(addDays(today, -10)), "C2"]);
    // and the placement still shows where it is and how far from home
    expect((await getChildPlacements(ctxFor(s.worker), s.child)).current).toMatchObject({ carer: "Agency", miles: 25, outOfArea: true, legalStatus: "C1" });
  });

  it("refuses a move that would break the history, one without a reason, and one into a household with no room — saying what to do", async () => {
    const s = await councilWithChildInAgencyCare();
    const ctx = ctxFor(s.worker);
    // each refusal marks the field of the form it is about
    await expect(moveChild(ctx, moveTo(s.child, s.households.near.id, { date: addDays(s.careStart, -1) }))).rejects.toMatchObject({
      code: "REFUSED",
      fieldErrors: { date: [expect.stringContaining(`The current placement started on ${formatDate(s.careStart)}`)] },
    });
    await expect(moveChild(ctx, moveTo(s.child, s.households.near.id, { reasonPlaceChange: null, endPlanned: null }))).rejects.toMatchObject({
      message: expect.stringContaining("Give the reason for the placement change"),
      fieldErrors: { reasonPlaceChange: ["Give the reason for the placement change."], endPlanned: ["Say whether the move was planned."] },
    });
    await expect(moveChild(ctx, moveTo(s.child, s.agency.id, { placeType: "U6" }))).rejects.toMatchObject({ fieldErrors: { carerId: [expect.stringContaining("same as the current one")] } });
    await expect(moveChild(ctx, moveTo(s.child, s.households.full.id))).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("has no vacancy"), fieldErrors: { carerId: [expect.stringContaining("has no vacancy")] } });
    // nothing changed
    const still = await getChildPlacements(ctx, s.child);
    expect(still.periods[0]!.episodes).toHaveLength(1);
  });

  it("a child in a full household can change placement type there: staying with the same carer takes no new place", async () => {
    const s = await councilWithChildInAgencyCare();
    const t = s.tenant.id;
    const other = (await withTenant(t, (tx) => tx.careEpisode.findFirstOrThrow({ where: { tenantId: t, carerId: s.households.full.id, endDate: null }, select: { personId: true } }))).personId;
    // Full household: 1 of 1 places, taken by this child; they become long-term foster children there (U3 to U4)
    await moveChild(ctxFor(s.worker), moveTo(other, s.households.full.id, { placeType: "U4", avoidedAgency: false }));
    const episodes = (await getChildPlacements(ctxFor(s.worker), other)).periods[0]!.episodes;
    expect(episodes.map((e) => [e.place, e.carer, e.reasonNewEpisode, e.endDate])).toEqual([
      ["U3", "Full household", "S", today],
      ["U4", "Full household", "P", null],
    ]);
    expect((await listCarers(ctxFor(s.worker))).find((c) => c.id === s.households.full.id)).toMatchObject({ currentChildren: 1, vacancies: 0 });
    // a child from elsewhere still finds it full
    await expect(moveChild(ctxFor(s.worker), moveTo(s.child, s.households.full.id))).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("Full household has no vacancy on that date (1 of 1 places taken)") });
  });

  it("a child away on respite keeps their place: the household stays full until they come back, and they come back without needing a vacancy", async () => {
    const s = await councilWithChildInAgencyCare();
    const t = s.tenant.id;
    const other = (await withTenant(t, (tx) => tx.careEpisode.findFirstOrThrow({ where: { tenantId: t, carerId: s.households.full.id, endDate: null }, select: { personId: true } }))).personId;
    // Full household: 1 of 1 places; its child goes to the Near household for a fortnight's respite (T3) from 10 days ago
    await moveChild(ctxFor(s.worker), moveTo(other, s.households.near.id, { date: addDays(today, -10), placeType: "T3", provider: null, reasonPlaceChange: null, endPlanned: null, avoidedAgency: false }));
    const carers = await listCarers(ctxFor(s.worker));
    expect(carers.find((c) => c.id === s.households.full.id)).toMatchObject({ currentChildren: 1, vacancies: 0 });
    // the respite household has the child with them too
    expect(carers.find((c) => c.id === s.households.near.id)).toMatchObject({ currentChildren: 1, vacancies: 1 });
    // so another child cannot take the place, and Find a placement does not offer it
    await expect(moveChild(ctxFor(s.worker), moveTo(s.child, s.households.full.id))).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("Full household has no vacancy on that date (1 of 1 places taken)") });
    expect((await getChildPlacements(ctxFor(s.worker), s.child)).vacancies.map((v) => v.carer.name)).not.toContain("Full household");
    // the child comes home: no vacancy needed, the place was theirs
    await moveChild(ctxFor(s.worker), moveTo(other, s.households.full.id, { placeType: "U3", provider: null, reasonPlaceChange: null, endPlanned: null, avoidedAgency: false }));
    const after = await listCarers(ctxFor(s.worker));
    expect(after.find((c) => c.id === s.households.full.id)).toMatchObject({ currentChildren: 1, vacancies: 0 });
    expect(after.find((c) => c.id === s.households.near.id)).toMatchObject({ currentChildren: 0, vacancies: 2 });
  });

  it("a move can change the legal status the same day: one new episode, RNE U with a new carer or T with the same one; a legal status alone is sent to its own form", async () => {
    const s = await councilWithChildInAgencyCare();
    const t = s.tenant.id;
    const ctx = ctxFor(s.worker);
    // placed with the agency under a full care order (C2); an interim order with the same placement is not a move
    await expect(moveChild(ctx, moveTo(s.child, s.agency.id, { placeType: "U6", legalStatus: "C1", reasonPlaceChange: null, endPlanned: null, avoidedAgency: false }))).rejects.toMatchObject({
      code: "REFUSED",
      fieldErrors: { legalStatus: [expect.stringContaining("Record that as a change of legal status on the statutory record instead of a move")] },
    });
    await moveChild(ctx, moveTo(s.child, s.households.near.id, { date: addDays(today, -20), legalStatus: "E1" }));
    // then the Near household become long-term carers as a new order is made: placement and legal status, same carer
    await moveChild(ctx, moveTo(s.child, s.households.near.id, { placeType: "U4", legalStatus: "C2", avoidedAgency: true }));
    const episodes = (await getChildPlacements(ctx, s.child)).periods[0]!.episodes;
    expect(episodes.map((e) => [e.carer, e.place, e.legalStatus, e.reasonNewEpisode])).toEqual([
      ["Agency", "U6", "C2", "S"],
      ["Near household", "U3", "E1", "U"],
      ["Near household", "U4", "C2", "T"],
    ]);
    const audit = await withTenant(t, (tx) => tx.auditEvent.findMany({ where: { tenantId: t, personId: s.child, action: "placement.moved" }, orderBy: { id: "asc" }, select: { details: true } }));
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ legalStatus: "E1", reasonNewEpisode: "U" }), expect.objectContaining({ legalStatus: "C2", reasonNewEpisode: "T" })]);
  });

  it("moves a child to a placement not on the list, located where the form says (its authority, or the council's when left blank)", async () => {
    const s = await councilWithChildInAgencyCare();
    const ctx = ctxFor(s.worker);
    const elsewhere = { placementPostcode: "BS1 4DJ", placementLatitude: north(40).latitude, placementLongitude: home.longitude };
    await expect(moveChild(ctx, moveTo(s.child, null, { placeType: "K2", provider: "PR4", placementPostcode: "BS1 4DJ", placementLatitude: 51.4 }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { placementLongitude: [expect.stringContaining("both the latitude and the longitude")] },
    });
    await moveChild(ctx, moveTo(s.child, null, { placeType: "K2", provider: "PR4", weeklyCost: 4100, avoidedAgency: false, ...elsewhere, placementLaCode: "801" }));
    let now = (await getChildPlacements(ctx, s.child)).current;
    expect(now).toMatchObject({ place: "K2", carer: null, weeklyCost: 4100, miles: 40.1, outOfArea: true });

    // left blank, the placement is taken to be in the council's own area
    const other = await councilWithChildInAgencyCare();
    await moveChild(ctxFor(other.worker), moveTo(other.child, null, { placeType: "K2", provider: "PR4", weeklyCost: 4100, avoidedAgency: false, ...elsewhere }));
    now = (await getChildPlacements(ctxFor(other.worker), other.child)).current;
    expect(now).toMatchObject({ miles: 40.1, outOfArea: false });
  });

  it("never shows, searches or uses another council's carers, nor its children's placements", async () => {
    const a = await councilWithChildInAgencyCare();
    const b = await councilWithChildInAgencyCare();
    const ctx = ctxFor(a.worker);
    const mine = (await listCarers(ctx)).map((c) => c.id).sort();
    expect(mine).toEqual([a.agency.id, ...Object.values(a.households).map((h) => h.id)].sort());
    const found = await getChildPlacements(ctx, a.child);
    expect([...found.vacancies, ...found.others, ...found.carers.map((carer) => ({ carer }))].every((x) => mine.includes(x.carer.id))).toBe(true);
    await expect(moveChild(ctx, moveTo(a.child, b.households.near.id))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getChildPlacements(ctx, b.child)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(moveChild(ctx, moveTo(b.child, a.households.near.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    // and the database itself refuses a placement pointing at another council's carer
    await expect(
      withTenant(a.tenant.id, (tx) => tx.careEpisode.updateMany({ where: { tenantId: a.tenant.id, personId: a.child }, data: { carerId: b.households.near.id } })),
    ).rejects.toThrow();
  });

  it("the head of service's placement figures count the council's own placements, as an independent query does", async () => {
    const a = await councilWithChildInAgencyCare();
    const b = await councilWithChildInAgencyCare();
    await moveChild(ctxFor(a.worker), moveTo(a.child, a.households.near.id));
    const head = await createUser(a.tenant.id, { role: "HEAD_OF_SERVICE", teamId: null });
    const dash = await getBoroughDashboard(ctxFor(head), { kind: "rolling" }, { refresh: true });
    // two children placed today: ours, moved to Near household (U3, own council, £320 a week, 3 miles
    // from home) instead of the agency; the other in Full household (U3, own council, no cost, no location)
    expect(dash.placements).toMatchObject({ on: today, current: 2, byType: { U3: 2 }, byProvider: { PR1: 2 }, weeklyTotal: 320, distance: { twentyMilesOrMore: 0, outOfArea: 0, unknown: 1 } });
    expect(dash.placements!.avoided).toMatchObject({ placements: 1, perWeek: 500 });
    expect(dash.figures["in-house-share"]).toMatchObject({ numerator: 2, denominator: 2 });
    const independent = await withTenant(a.tenant.id, (tx) =>
      tx.$queryRaw<{ provider: string; n: number; cost: number }[]>`
        SELECT provider, count(*)::int AS n, coalesce(sum(weekly_cost), 0)::float8 AS cost FROM care_episode
        WHERE tenant_id = ${a.tenant.id}::uuid AND start_date <= current_date AND (end_date IS NULL OR end_date > current_date) GROUP BY provider`,
    );
    expect(independent).toEqual([{ provider: "PR1", n: dash.placements!.byProvider.PR1, cost: dash.placements!.weeklySpend.PR1 }]);
    // the other council's agency placement counts only there
    const theirs = await getBoroughDashboard(ctxFor(await createUser(b.tenant.id, { role: "HEAD_OF_SERVICE", teamId: null })), { kind: "rolling" }, { refresh: true });
    expect(theirs.placements).toMatchObject({ current: 2, byProvider: { PR1: 1, PR4: 1 } });
  });

  it("managers add households and put them on hold, which takes them out of Find a placement; practitioners cannot; nor can anyone touch another council's", async () => {
    const s = await councilWithChildInAgencyCare();
    const b = await councilWithChildInAgencyCare();
    const manager = await createUser(s.tenant.id, { role: "TEAM_MANAGER", teamId: s.worker.teamId });
    const household: NewCarer = { kind: "FOSTER_HOUSEHOLD", name: "The Okafor household", provider: "PR1", approvedPlaces: 1, ageFrom: 10, ageTo: 15, postcode: "SP1 3AA", ...north(0.5), laCode: s.laCode, usualWeeklyRate: 330, urn: null };

    await expect(addCarer(ctxFor(s.worker), household)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addCarer(ctxFor(manager), { ...household, approvedPlaces: null })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { approvedPlaces: [expect.stringContaining("approved for")] } });
    const added = await Promise.allSettled([addCarer(ctxFor(manager), household), addCarer(ctxFor(manager), household)]);
    // sent twice (or by two people at once): added once, the other told it is already there
    expect(added.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(added.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "VALIDATION", fieldErrors: { name: [expect.stringContaining("is already on the list")] } } });
    const { id } = (added.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    let found = await getChildPlacements(ctxFor(s.worker), s.child);
    expect(found.vacancies[0]).toMatchObject({ carer: { id, name: "The Okafor household", vacancies: 1 }, miles: 0.5 });

    await expect(setCarerOnHold(ctxFor(manager), id, true, "  ")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["Say why the household is going on hold"] } });
    await setCarerOnHold(ctxFor(manager), id, true, "Allegation being looked into");
    found = await getChildPlacements(ctxFor(s.worker), s.child);
    expect(found.vacancies.map((v) => v.carer.id)).not.toContain(id);
    const audit = await withTenant(s.tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: s.tenant.id, entityId: id }, orderBy: { id: "asc" }, select: { action: true, details: true } }));
    expect(audit.map((a) => a.action)).toEqual(["carer.added", "carer.put_on_hold"]);
    expect(audit[1]!.details).toEqual({ reason: "Allegation being looked into" });

    await expect(setCarerOnHold(ctxFor(manager), b.households.near.id, true, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listCarers(ctxFor(await createUser(b.tenant.id, { role: "TEAM_MANAGER" })))).find((c) => c.id === b.households.near.id)).toMatchObject({ onHold: false });
  });

  it("shows the carers to social workers, managers and administrators; a keyworker sees the child's placements but may not list carers or move the child", async () => {
    const s = await councilWithChildInAgencyCare();
    const keyworker = await createUser(s.tenant.id, { role: "FAMILY_KEYWORKER", teamId: s.worker.teamId });
    const admin = await createUser(s.tenant.id, { role: "TENANT_ADMIN", teamId: null });
    await expect(listCarers(ctxFor(keyworker))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(moveChild(ctxFor(keyworker), moveTo(s.child, s.households.near.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getChildPlacements(ctxFor(keyworker), s.child)).current).toMatchObject({ carer: "Agency" });
    expect(await listCarers(ctxFor(admin))).toHaveLength(6);
    // an administrator sees no case content, so no child's placements
    await expect(getChildPlacements(ctxFor(admin), s.child)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("children moved at once into a household's last place: one moves, the others are refused", async () => {
    const s = await councilWithChildInAgencyCare();
    const t = s.tenant.id;
    const children = [s.child];
    for (let i = 0; i < 5; i++) {
      const made = await createAllocatedCase(t, s.worker, "LOOKED_AFTER", 1);
      const child = made.children[0]!.id;
      await startCare(ctxFor(s.worker), { personId: child, caseId: made.case.id, startDate: s.careStart, legalStatus: "C2", categoryOfNeed: "N1", place: "U6", provider: "PR4" });
      await withTenant(t, (tx) => tx.careEpisode.updateMany({ where: { tenantId: t, personId: child }, data: { carerId: s.agency.id } }));
      children.push(child);
    }
    // no home recorded for these children: households with room for their age, by name, distance unknown
    const unlocated = await getChildPlacements(ctxFor(s.worker), children[1]!);
    expect(unlocated).toMatchObject({ homeLocated: false });
    expect(unlocated.vacancies.map((v) => [v.carer.name, v.miles])).toEqual([
      ["Far household", null],
      ["Near household", null],
    ]);
    // the far household has one place
    const results = await Promise.allSettled(children.map((child) => moveChild(ctxFor(s.worker), moveTo(child, s.households.far.id))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "REFUSED", message: expect.stringContaining("has no vacancy") });
    expect((await listCarers(ctxFor(s.worker))).find((c) => c.id === s.households.far.id)).toMatchObject({ currentChildren: 1, vacancies: 0 });
  });

  it("a child becoming looked after can be placed with a household on the list, which then has one place fewer; a full one or another council's is refused", async () => {
    const s = await councilWithChildInAgencyCare();
    const b = await councilWithChildInAgencyCare();
    const ctx = ctxFor(s.worker);
    const made = await createAllocatedCase(s.tenant.id, s.worker, "LOOKED_AFTER", 1);
    const child = made.children[0]!.id;
    const start = { personId: child, caseId: made.case.id, startDate: today, legalStatus: "C2" as const, categoryOfNeed: "N1" as const, place: "U3" as const, provider: null };
    await expect(startCare(ctx, { ...start, carerId: s.households.full.id })).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("has no vacancy") });
    await expect(startCare(ctx, { ...start, carerId: b.households.near.id })).rejects.toMatchObject({ code: "VALIDATION" });
    await startCare(ctx, { ...start, carerId: s.households.far.id, homeLatitude: home.latitude, homeLongitude: home.longitude });

    const placed = await getChildPlacements(ctx, child);
    expect(placed.current).toMatchObject({ carer: "Far household", provider: "PR1", weeklyCost: 320, miles: 15, outOfArea: false });
    expect((await listCarers(ctx)).find((c) => c.id === s.households.far.id)).toMatchObject({ currentChildren: 1, vacancies: 0 });
  });

  it("a child not yet looked after: Find a placement searches from the home typed, and care starts with the household chosen, recording the agency placement avoided for the saving", async () => {
    const s = await councilWithChildInAgencyCare();
    const ctx = ctxFor(s.worker);
    const made = await createAllocatedCase(s.tenant.id, s.worker, "CHILD_PROTECTION", 1);
    const child = made.children[0]!.id;
    await withTenant(s.tenant.id, (tx) => tx.person.update({ where: { tenantId_id: { tenantId: s.tenant.id, id: child } }, data: { dateOfBirth: fromIsoDate(addDays(today, -8 * 365)) } }));
    // never looked after, no home recorded: households by name, and the case care would start on
    const unlocated = await getChildPlacements(ctx, child);
    expect(unlocated).toMatchObject({ current: null, homeLocated: false, home: null, openCases: [{ id: made.case.id }] });
    expect(unlocated.vacancies.map((v) => [v.carer.name, v.miles])).toEqual([
      ["Far household", null],
      ["Near household", null],
    ]);
    // the home typed in the search: nearest first
    const found = await getChildPlacements(ctx, child, { home });
    expect(found.vacancies.map((v) => [v.carer.name, v.miles])).toEqual([
      ["Near household", 3],
      ["Far household", 15],
    ]);
    expect(found.others.map((o) => o.carer.name)).toEqual(["Agency"]);

    const start = { personId: child, caseId: made.case.id, startDate: today, legalStatus: "C2" as const, categoryOfNeed: "N1" as const, place: "U6" as const, provider: null, homeLatitude: home.latitude, homeLongitude: home.longitude };
    // an agency placement is not one avoided
    await expect(startCare(ctx, { ...start, carerId: s.agency.id, avoidedAgency: true })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { avoidedAgency: [expect.stringContaining("Only an in-house foster placement")] } });
    await startCare(ctx, { ...start, carerId: s.households.near.id, avoidedAgency: true });
    const placed = await getChildPlacements(ctx, child);
    expect(placed.current).toMatchObject({ carer: "Near household", provider: "PR1", reasonNewEpisode: "S", weeklyCost: 320, miles: 3 });
    expect(placed.openCases).toEqual([]);
    const saved = await withTenant(s.tenant.id, (tx) => tx.careEpisode.findFirstOrThrow({ where: { tenantId: s.tenant.id, personId: child } }));
    expect(saved).toMatchObject({ avoidedAgency: true, placementLaCode: s.laCode });
    const audit = await withTenant(s.tenant.id, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: s.tenant.id, personId: child, action: "care.started" }, select: { details: true } }));
    expect(audit.details).toMatchObject({ carerId: s.households.near.id, avoidedAgency: true });
    // the head of service's saving counts it
    const head = await createUser(s.tenant.id, { role: "HEAD_OF_SERVICE", teamId: null });
    const dash = await getBoroughDashboard(ctxFor(head), { kind: "rolling" }, { refresh: true });
    expect(dash.placements!.avoided).toMatchObject({ placements: 1, now: 1 });
  });

  it("care can start in a home not on the list, with its Ofsted URN, location and authority (outside England too); a half-typed location is refused", async () => {
    const s = await councilWithChildInAgencyCare();
    const ctx = ctxFor(s.worker);
    const made = await createAllocatedCase(s.tenant.id, s.worker, "CHILD_PROTECTION", 1);
    const child = made.children[0]!.id;
    const start = { personId: child, caseId: made.case.id, startDate: today, legalStatus: "L2" as const, categoryOfNeed: "N1" as const, place: "K2" as const, provider: "PR5" as const, placementPostcode: "LL11 1AA", weeklyCost: 5100 };
    await expect(startCare(ctx, { ...start, placementLatitude: 53.05 })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { placementLongitude: [expect.stringContaining("both the latitude and the longitude")] } });
    await expect(startCare(ctx, { ...start, homeLongitude: -1.8 })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { homeLatitude: [expect.stringContaining("the child's home")] } });
    await startCare(ctx, { ...start, placementLatitude: 53.05, placementLongitude: -3.0, placementLaCode: "WAL", urn: "W0000123", homeLatitude: home.latitude, homeLongitude: home.longitude });
    expect((await getChildPlacements(ctx, child)).current).toMatchObject({ place: "K2", carer: null, urn: "W0000123", outOfArea: true, outsideEngland: true, weeklyCost: 5100 });
  });
});
