// Placements of looked-after children, the council's carers and providers, and the in-house vacancy
// search (domain.md "Placements"; decisions 0012 and 0015). The episode rules are the domain's
// (lib/domain/placements.ts); this file reads and writes them, located and audited.
import "server-only";
import { randomUUID } from "node:crypto";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { inOrder } from "@/lib/db/in-order";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { ageOn, fromIsoDate, todayInEngland, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { movePlacement, placedOutsideEngland } from "@/lib/domain/placements";
import { carerRefusal, type CarerKind } from "@/lib/domain/placements-carers";
import { changedFields } from "@/lib/domain/user-admin";
import { matchVacancies, milesBetween, noVacancyRefusal, placeHeldOn, vacanciesOf, type Coordinates } from "@/lib/domain/placements-matching";
import { takesProvider, type LegalStatus, type PlacementProvider, type PlacementType, type ReasonPlaceChange } from "@/lib/domain/ssda903-codes";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { childrenWithCarers } from "./carer-load";
import { parseId } from "./ids";
import { historyOf, saveEpisodes } from "./statutory";
import { assertMayOpen } from "./restricted";

export type { CarerKind } from "@/lib/domain/placements-carers";

export type CarerRow = {
  id: string;
  kind: CarerKind;
  name: string;
  provider: string;
  approvedPlaces: number | null;
  ageFrom: number | null;
  ageTo: number | null;
  onHold: boolean;
  postcode: string;
  location: Coordinates;
  laCode: string;
  usualWeeklyRate: number | null;
  urn: string | null;
  currentChildren: number;
  /** null for agencies and homes, which take children by arrangement */
  vacancies: number | null;
};

/** Every carer and provider (or one, `only`) with the children placed there on `today`, and those whose place there is held during a temporary move. */
async function carersOf(tx: Tx, tenantId: string, today: IsoDate, only?: string): Promise<CarerRow[]> {
  const carers = await tx.carer.findMany({ where: { tenantId, ...(only ? { id: only } : {}) }, orderBy: [{ kind: "asc" }, { name: "asc" }] });
  const current = await childrenWithCarers(tx, tenantId, today, only);
  return carers.map((c) => {
    const currentChildren = current.get(c.id) ?? 0;
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      provider: c.provider,
      approvedPlaces: c.approvedPlaces,
      ageFrom: c.ageFrom,
      ageTo: c.ageTo,
      onHold: c.onHold,
      postcode: c.postcode,
      location: { latitude: c.latitude, longitude: c.longitude },
      laCode: c.laCode,
      usualWeeklyRate: c.usualWeeklyRate === null ? null : Number(c.usualWeeklyRate),
      urn: c.urn,
      currentChildren,
      vacancies: c.kind === "FOSTER_HOUSEHOLD" ? vacanciesOf({ approvedPlaces: c.approvedPlaces ?? 0, currentChildren, onHold: c.onHold }) : null,
    };
  });
}

export async function listCarers(ctx: Ctx): Promise<CarerRow[]> {
  assertCan(ctx, "carer:view", "see the council's carers");
  return withTenant(ctx.tenantId, (tx) => carersOf(tx, ctx.tenantId, todayInEngland()));
}

/** The carers, with the council's own LA code (the default for a new carer's area). */
export async function carersPage(ctx: Ctx): Promise<{ carers: CarerRow[]; laCode: string }> {
  assertCan(ctx, "carer:view", "see the council's carers");
  return withTenant(ctx.tenantId, async (tx) => ({
    carers: await carersOf(tx, ctx.tenantId, todayInEngland()),
    laCode: (await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { laCode: true } })).laCode,
  }));
}

export type NewCarer = {
  kind: CarerKind;
  name: string;
  provider: PlacementProvider;
  approvedPlaces: number | null;
  ageFrom: number | null;
  ageTo: number | null;
  postcode: string;
  latitude: number;
  longitude: number;
  laCode: string;
  usualWeeklyRate: number | null;
  urn: string | null;
};

const field = (name: string, message: string) => new AppError("VALIDATION", message, { [name]: [message] });

/** Adds a foster household, agency or home to the council's list. A household needs its approval. */
export async function addCarer(ctx: Ctx, input: NewCarer): Promise<{ id: string }> {
  assertCan(ctx, "carer:manage", "add carers and providers");
  const refusal = carerRefusal(input);
  if (refusal) throw field(refusal.field, refusal.message);
  return withTenant(ctx.tenantId, async (tx) => {
    // a double submit, or two people adding the same household: the second waits, then is refused
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`carer:${ctx.tenantId}:${input.name.trim().toLowerCase()}`}, 0))`;
    const same = await tx.carer.findFirst({ where: { tenantId: ctx.tenantId, name: { equals: input.name.trim(), mode: "insensitive" }, postcode: input.postcode }, select: { id: true } });
    if (same) throw field("name", `${input.name.trim()} at ${input.postcode} is already on the list`);
    const created = await tx.carer.create({
      data: {
        tenantId: ctx.tenantId,
        ...input,
        approvedPlaces: input.kind === "FOSTER_HOUSEHOLD" ? input.approvedPlaces : null,
        ageFrom: input.kind === "FOSTER_HOUSEHOLD" ? input.ageFrom : null,
        ageTo: input.kind === "FOSTER_HOUSEHOLD" ? input.ageTo : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "carer.added", entityType: "carer", entityId: created.id, details: { kind: input.kind, name: input.name, provider: input.provider, approvedPlaces: input.approvedPlaces } });
    return created;
  });
}

export type CarerForEdit = CarerRow & {
  /** the version the edit form is loaded at, sent back with the save */
  version: string;
};

/** One carer or provider, to change it. Another council's is not found. */
export async function getCarer(ctx: Ctx, carerIdInput: string): Promise<CarerForEdit> {
  assertCan(ctx, "carer:manage", "change carers and providers");
  const carerId = parseId(carerIdInput, "carer");
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await carersOf(tx, ctx.tenantId, todayInEngland(), carerId);
    if (!row) throw notFoundError("carer");
    const { updatedAt } = await tx.carer.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ctx.tenantId, id: carerId } }, select: { updatedAt: true } });
    return { ...row, version: updatedAt.toISOString() };
  });
}

export type CarerChange = Omit<NewCarer, "kind"> & { version: string };

/**
 * Changes a carer or provider (what kind it is stays). Refused if someone else changed it after the
 * form was loaded, or if a household's approved places would go below the children placed there now.
 * Placements already made keep the postcode, location, provider and cost they were recorded with.
 */
export async function updateCarer(ctx: Ctx, carerIdInput: string, input: CarerChange): Promise<void> {
  assertCan(ctx, "carer:manage", "change carers and providers");
  const carerId = parseId(carerIdInput, "carer");
  await withTenant(ctx.tenantId, async (tx) => {
    const t = ctx.tenantId;
    // one change at a time, and none while a child is being placed there (moveChild locks the row too)
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM carer WHERE tenant_id = ${t}::uuid AND id = ${carerId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFoundError("carer");
    const before = await tx.carer.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t, id: carerId } } });
    if (before.updatedAt.toISOString() !== input.version) {
      throw new AppError(
        "CONFLICT",
        `Someone else changed ${before.name} after you opened the page, so your changes were not saved (nothing was overwritten). What you typed is still here: reload the page to see their changes, then make yours again.`,
      );
    }
    const name = input.name.trim();
    const household = before.kind === "FOSTER_HOUSEHOLD";
    const today = todayInEngland();
    const [row] = await carersOf(tx, t, today, carerId);
    const placedNow = household
      ? await tx.careEpisode.findMany({
          where: { tenantId: t, carerId, startDate: { lte: fromIsoDate(today) }, OR: [{ endDate: null }, { endDate: { gt: fromIsoDate(today) } }] },
          select: { person: { select: { dateOfBirth: true } } },
        })
      : [];
    const ages = placedNow.flatMap((e) => (e.person.dateOfBirth ? [ageOn(toIsoDate(e.person.dateOfBirth), today)] : []));
    const refusal = carerRefusal(
      { kind: before.kind, name, approvedPlaces: input.approvedPlaces, ageFrom: input.ageFrom, ageTo: input.ageTo },
      row?.currentChildren ?? 0,
      { ages, before: { ageFrom: before.ageFrom, ageTo: before.ageTo } },
    );
    if (refusal) throw field(refusal.field, refusal.message);
    const same = await tx.carer.findFirst({ where: { tenantId: t, id: { not: carerId }, name: { equals: name, mode: "insensitive" }, postcode: input.postcode }, select: { id: true } });
    if (same) throw field("name", `${name} at ${input.postcode} is already on the list`);
    const after = {
      name,
      provider: input.provider,
      approvedPlaces: household ? input.approvedPlaces : null,
      ageFrom: household ? input.ageFrom : null,
      ageTo: household ? input.ageTo : null,
      postcode: input.postcode,
      latitude: input.latitude,
      longitude: input.longitude,
      laCode: input.laCode,
      usualWeeklyRate: input.usualWeeklyRate,
      urn: input.urn,
    };
    const was: typeof after = {
      name: before.name,
      provider: before.provider as PlacementProvider,
      approvedPlaces: before.approvedPlaces,
      ageFrom: before.ageFrom,
      ageTo: before.ageTo,
      postcode: before.postcode,
      latitude: before.latitude,
      longitude: before.longitude,
      laCode: before.laCode,
      usualWeeklyRate: before.usualWeeklyRate === null ? null : Number(before.usualWeeklyRate),
      urn: before.urn,
    };
    const changes = changedFields(was, after);
    if (Object.keys(changes).length === 0) return;
    await tx.carer.update({ where: { tenantId_id: { tenantId: t, id: carerId } }, data: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "carer.updated", entityType: "carer", entityId: carerId, details: { changes } });
  });
}

/** Puts a household on hold (no new children: a break, an investigation), with the reason, or takes it off hold. */
export async function setCarerOnHold(ctx: Ctx, carerIdInput: string, onHold: boolean, reason?: string): Promise<void> {
  assertCan(ctx, "carer:manage", "put a household on hold");
  const carerId = parseId(carerIdInput, "carer");
  const why = reason?.trim() || null;
  if (onHold && !why) throw field("reason", "Say why the household is going on hold");
  await withTenant(ctx.tenantId, async (tx) => {
    const changed = await tx.carer.updateMany({ where: { tenantId: ctx.tenantId, id: carerId, kind: "FOSTER_HOUSEHOLD" }, data: { onHold } });
    if (changed.count === 0) throw notFoundError("carer");
    await recordAudit(tx, ctx, { action: onHold ? "carer.put_on_hold" : "carer.taken_off_hold", entityType: "carer", entityId: carerId, details: why ? { reason: why } : undefined });
  });
}

export type PlacementRow = {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  legalStatus: string;
  place: string;
  provider: string | null;
  carerId: string | null;
  carer: string | null;
  reasonNewEpisode: string;
  reasonPlaceChange: string | null;
  endPlanned: boolean | null;
  weeklyCost: number | null;
  miles: number | null;
  outOfArea: boolean | null;
  /** placed in Wales, Scotland, Northern Ireland or outside the UK (no Ofsted URN) */
  outsideEngland: boolean;
  urn: string | null;
};

export type ChildPlacements = {
  child: { id: string; name: string; age: number | null };
  /** the council's DfE LA code: a carer elsewhere is out of area */
  laCode: string;
  periods: { id: string; startDate: IsoDate; endDate: IsoDate | null; episodes: PlacementRow[] }[];
  current: PlacementRow | null;
  /** whether the current placement records where the child's home is (for distances) */
  homeLocated: boolean;
  /** in-house households with a vacancy for the child's age, nearest first (not where the child is now) */
  vacancies: { carer: CarerRow; miles: number | null }[];
  /** agencies and homes, after the in-house options */
  others: { carer: CarerRow; miles: number | null }[];
  /** every carer, for the move and start-of-care forms */
  carers: CarerRow[];
  /** the child's open cases, where a period of care can start (none while looked after) */
  openCases: { id: string; reference: string }[];
  /** where the search measured from, when known: the current placement's record of the home, else the home given or last recorded */
  home: Coordinates | null;
};

/**
 * A child's placements, and where they could go next: from where the current placement records the
 * child's home, or for a child not looked after, from `options.home` (typed in the search) or the home
 * their last placement recorded. Audited as a view of the child's record.
 */
export async function getChildPlacements(ctx: Ctx, personIdInput: string, options: { home?: Coordinates | null } = {}): Promise<ChildPlacements> {
  assertCan(ctx, "case:view", "see a child's placements");
  const personId = parseId(personIdInput, "child");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const t = ctx.tenantId;
    const [person, tenant] = await inOrder([
      () => tx.person.findFirst({ where: { tenantId: t, id: personId, kind: "CHILD" }, select: { id: true, firstName: true, lastName: true, dateOfBirth: true } }),
      () => tx.tenant.findUniqueOrThrow({ where: { id: t }, select: { laCode: true } }),
    ]);
    if (!person) throw notFoundError("child");
    const [periods, carers, cases] = await inOrder([
      () => tx.carePeriod.findMany({ where: { tenantId: t, personId }, orderBy: { startDate: "desc" }, include: { episodes: { orderBy: { startDate: "asc" }, include: { carer: { select: { name: true } } } } } }),
      () => carersOf(tx, t, today),
      () => tx.caseChild.findMany({ where: { tenantId: t, personId, case: { status: "OPEN" } }, select: { case: { select: { id: true, reference: true, openedOn: true } } } }),
    ]);
    await recordAudit(tx, ctx, { action: "placements.viewed", entityType: "person", entityId: personId, personId });
    const rows = periods.map((p) => ({
      id: p.id,
      startDate: toIsoDate(p.startDate),
      endDate: p.endDate ? toIsoDate(p.endDate) : null,
      episodes: p.episodes.map((e): PlacementRow => {
        const located = e.homeLatitude !== null && e.homeLongitude !== null && e.placementLatitude !== null && e.placementLongitude !== null;
        return {
          id: e.id,
          startDate: toIsoDate(e.startDate),
          endDate: e.endDate ? toIsoDate(e.endDate) : null,
          legalStatus: e.legalStatus,
          place: e.place,
          provider: e.provider,
          carerId: e.carerId,
          carer: e.carer?.name ?? null,
          reasonNewEpisode: e.reasonNewEpisode,
          reasonPlaceChange: e.reasonPlaceChange,
          endPlanned: e.endPlanned,
          weeklyCost: e.weeklyCost === null ? null : Number(e.weeklyCost),
          miles: located ? Math.round(milesBetween({ latitude: e.homeLatitude!, longitude: e.homeLongitude! }, { latitude: e.placementLatitude!, longitude: e.placementLongitude! }) * 10) / 10 : null,
          outOfArea: e.placementLaCode ? e.placementLaCode !== tenant.laCode : null,
          outsideEngland: placedOutsideEngland(e.placementLaCode),
          urn: e.urn,
        };
      }),
    }));
    const open = periods.find((p) => !p.endDate);
    const currentEpisode = open?.episodes.find((e) => !e.endDate) ?? null;
    const current = currentEpisode ? rows.flatMap((p) => p.episodes).find((e) => e.id === currentEpisode.id)! : null;
    const at = (e: { homeLatitude: number | null; homeLongitude: number | null } | null | undefined) =>
      e && e.homeLatitude !== null && e.homeLongitude !== null ? { latitude: e.homeLatitude, longitude: e.homeLongitude } : null;
    const lastEpisode = periods[0]?.episodes.at(-1);
    const home = currentEpisode ? at(currentEpisode) : (options.home ?? at(lastEpisode));
    const dob = person.dateOfBirth ? toIsoDate(person.dateOfBirth) : null;
    const age = dob ? ageOn(dob, today) : null;
    // where the child could go next: not where they are now
    const elsewhere = carers.filter((c) => c.id !== currentEpisode?.carerId);
    const households = elsewhere.filter((c) => c.kind === "FOSTER_HOUSEHOLD");
    const vacancies =
      age === null
        ? []
        : home
          ? matchVacancies(
              households.map((c) => ({ id: c.id, name: c.name, approvedPlaces: c.approvedPlaces ?? 0, ageRange: { youngest: c.ageFrom ?? 0, oldest: c.ageTo ?? 17 }, currentChildren: c.currentChildren, location: c.location, onHold: c.onHold })),
              { age, location: home },
            ).map((m) => ({ carer: households.find((c) => c.id === m.household.id)!, miles: Math.round(m.miles * 10) / 10 }))
          : households.filter((c) => (c.vacancies ?? 0) > 0 && (c.ageFrom ?? 0) <= age && age <= (c.ageTo ?? 17)).map((carer) => ({ carer, miles: null }));
    const others = elsewhere
      .filter((c) => c.kind !== "FOSTER_HOUSEHOLD")
      .map((carer) => ({ carer, miles: home ? Math.round(milesBetween(home, carer.location) * 10) / 10 : null }))
      .sort((a, b) => (a.miles ?? Infinity) - (b.miles ?? Infinity) || a.carer.name.localeCompare(b.carer.name));
    const openCases = currentEpisode ? [] : cases.map((c) => c.case).sort((a, b) => b.openedOn.getTime() - a.openedOn.getTime()).map(({ id, reference }) => ({ id, reference }));
    return { child: { id: person.id, name: `${person.firstName} ${person.lastName}`, age }, laCode: tenant.laCode, periods: rows, current, homeLocated: home !== null, home, vacancies, others, carers, openCases };
  });
}

/** The domain's refusals of a move, each against the field of the move form it is about, so the form marks it. */
function moveRefused(refusals: string[]): AppError {
  const fieldPatterns: [RegExp, string][] = [
    [/reason for (the )?placement change/i, "reasonPlaceChange"],
    [/^Say whether/, "endPlanned"],
    [/^(Enter the date of the move|The date of the move|The current placement started on)/, "date"],
    [/only the legal status changes/, "legalStatus"],
    [/same as the current one/, "carerId"],
    [/instead of an agency one/, "avoidedAgency"],
  ];
  const fieldOf = (refusal: string) => fieldPatterns.find(([pattern]) => pattern.test(refusal))?.[1] ?? "_form";
  const fields: Record<string, string[]> = {};
  for (const refusal of refusals) {
    const field = fieldOf(refusal);
    fields[field] = [[...(fields[field] ?? []), refusal].join(" ")];
  }
  return new AppError("REFUSED", refusals.join(" "), fields);
}

export type MoveInput = {
  personId: string;
  date: IsoDate;
  /** a new legal status from the day of the move (one episode: RNE T or U); null or absent, no change */
  legalStatus?: LegalStatus | null;
  placeType: PlacementType;
  provider: PlacementProvider | null;
  carerId: string | null;
  reasonPlaceChange: ReasonPlaceChange | null;
  endPlanned: boolean | null;
  weeklyCost: number | null;
  placementPostcode: string | null;
  /** where a placement with no carer on the list is (decision 0015); a carer's own location otherwise */
  placementLatitude?: number | null;
  placementLongitude?: number | null;
  /** its local authority (or WAL, SCO, NIR, NUK outside England); blank, the council's own */
  placementLaCode?: string | null;
  /** the Ofsted URN of a home or unit not on the list; a carer on the list has its own */
  urn?: string | null;
  avoidedAgency: boolean;
};

/**
 * Moves a looked-after child to a new placement: the current one ends that day with the reason, the
 * new one starts (a new SSDA903 episode), located at the carer; refused with the domain's reasons
 * when the history would have a gap or an overlap. The regulation 28 clock runs from its start.
 */
export async function moveChild(ctx: Ctx, input: MoveInput): Promise<{ episodeId: string }> {
  assertCan(ctx, "placement:manage", "move a child's placement");
  const personId = parseId(input.personId, "child");
  const carerId = input.carerId ? parseId(input.carerId, "carer") : null;
  const typedLatitude = input.placementLatitude ?? null;
  const typedLongitude = input.placementLongitude ?? null;
  if (!carerId && (typedLatitude === null) !== (typedLongitude === null)) {
    throw field(typedLatitude === null ? "placementLatitude" : "placementLongitude", "Enter both the latitude and the longitude of the placement, or neither");
  }
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const t = ctx.tenantId;
    const child = await tx.person.findFirst({ where: { tenantId: t, id: personId, kind: "CHILD" }, select: { id: true } });
    if (!child) throw notFoundError("child");
    // one move at a time for the child, and for the household's last place
    await tx.$executeRaw`SELECT 1 FROM care_period WHERE tenant_id = ${t}::uuid AND person_id = ${personId}::uuid AND end_date IS NULL FOR UPDATE`;
    if (carerId) await tx.$executeRaw`SELECT 1 FROM carer WHERE tenant_id = ${t}::uuid AND id = ${carerId}::uuid FOR UPDATE`;
    const carer = carerId ? await tx.carer.findFirst({ where: { tenantId: t, id: carerId } }) : null;
    if (carerId && !carer) throw new AppError("VALIDATION", "Choose a carer from the list.", { carerId: ["Choose a carer from the list"] });
    const history = await historyOf(tx, t, personId);
    if (carer?.kind === "FOSTER_HOUSEHOLD") {
      const [row] = await carersOf(tx, t, input.date).then((all) => all.filter((c) => c.id === carer.id));
      // a child staying with the same carer (a new type, legal status or postcode) keeps their place
      // (or coming back from a temporary move to the household holding their place)
      const current = history.episodes.find((e) => e.startDate <= input.date && (!e.endDate || e.endDate > input.date));
      const alreadyPlacedThere = current?.carerId === carer.id || placeHeldOn(history.episodes, input.date) === carer.id;
      const refusal = row && noVacancyRefusal({ name: carer.name, approvedPlaces: row.approvedPlaces ?? 0, currentChildren: row.currentChildren, onHold: row.onHold }, { alreadyPlacedThere });
      if (refusal) throw new AppError("REFUSED", refusal, { carerId: [refusal] });
    }
    const { laCode: ownLaCode } = await tx.tenant.findUniqueOrThrow({ where: { id: t }, select: { laCode: true } });
    const newEpisodeId = randomUUID();
    const result = movePlacement(
      history,
      {
        date: input.date,
        newEpisodeId,
        reasonPlaceChange: input.reasonPlaceChange,
        endPlanned: input.endPlanned,
        placement: {
          placeType: input.placeType,
          legalStatus: input.legalStatus ?? undefined,
          // the carer's own provider, unless the placement type has none (a temporary move, T0–T3)
          provider: input.provider ?? (carer && takesProvider(input.placeType) ? (carer.provider as PlacementProvider) : null),
          carerId,
          placementPostcode: carer?.postcode ?? input.placementPostcode,
          weeklyCost: input.weeklyCost ?? (carer?.usualWeeklyRate === null || carer?.usualWeeklyRate === undefined ? null : Number(carer.usualWeeklyRate)),
          urn: carer?.urn ?? input.urn ?? null,
          avoidedAgencyPlacement: input.avoidedAgency,
          // a carer on the list is where the list says; otherwise where the form says
          placement: carer ? { latitude: carer.latitude, longitude: carer.longitude } : typedLatitude !== null && typedLongitude !== null ? { latitude: typedLatitude, longitude: typedLongitude } : null,
          placementLaCode: carer ? carer.laCode : (input.placementLaCode ?? (input.placementPostcode || typedLatitude !== null ? ownLaCode : null)),
        },
      },
      todayInEngland(),
    );
    if (!result.ok) throw moveRefused(result.refusals);
    // the new episode keeps where the child's home is (the domain carries it from the current one)
    await saveEpisodes(tx, t, personId, history, result.episodes);
    await recordAudit(tx, ctx, {
      action: "placement.moved",
      entityType: "care_episode",
      entityId: newEpisodeId,
      personId,
      details: {
        date: input.date,
        placeType: input.placeType,
        provider: input.provider,
        carerId,
        reasonPlaceChange: input.reasonPlaceChange,
        endPlanned: input.endPlanned,
        legalStatus: result.started.legalStatus,
        reasonNewEpisode: result.started.reasonNewEpisode,
      },
    });
    return { episodeId: newEpisodeId };
  });
}
