// The placements section of the head of service's dashboard (issue 6): what placements there are,
// what they cost, how far from home they are, and what in-house placements instead of agency ones
// saved. Each figure is one of the rules in placements-spend.ts, placements-matching.ts and
// placements-stability.ts, applied to the council's looked-after children. Pure: the data layer
// passes each child's periods of care and episodes, with their locations.
//
// Definitions, decided here:
// - "Now" is the period's last day, or today when the period has not ended yet. The placements now
//   are the episodes open that day (one per child looked after; short breaks included).
// - Placement types are grouped as DfE's "Children looked after in England" tables group them (foster
//   care split into relatives or friends and other carers); every PLACE code is in one group.
// - A placement 20 miles or more from home needs both the child's home and the placement's location;
//   without either its distance is unknown, counted on its own and never as near. Out of area needs
//   the placement's local authority; without it, that too is unknown.
// - Agency placements avoided are counted as placements (a change of legal status only does not
//   start a new one, placements-stability.ts): in-house foster placements recorded as made instead of
//   an agency one with a day in the period. Their saving is ifaAvoidedSaving (placements-spend.ts);
//   those open now save the council's weekly figure each week.
import type { IsoDate } from "./dates";
import { coversDate, type PeriodOfCare, type PlacementEpisode, type ReportingPeriod } from "./placements";
import { outOfArea, placementDistance, type Coordinates } from "./placements-matching";
import { ifaAvoidedSaving, inHouseFosteringShare, isAgencyPlacementAvoided, placementSpend, weeklySpendOn, type SpendGroup } from "./placements-spend";
import { overlapsPeriod, placementsOf } from "./placements-stability";
import { PLACEMENT_PROVIDER_CODES, type PlacementType } from "./ssda903-codes";
import type { TenantSettings } from "./tenant-settings";

export type LocatedEpisode = PlacementEpisode & {
  home?: Coordinates | null;
  placement?: Coordinates | null;
  /** the local authority the placement is in (3-digit DfE code), when known */
  placementLaCode?: string | null;
};

/** A looked-after child's history, with where each placement is. */
export type LocatedChild = { periods: readonly PeriodOfCare[]; episodes: readonly LocatedEpisode[] };

/** Groups of placement types (PLACE), in the order a table shows them. */
export const PLACEMENT_TYPE_GROUPS = [
  { key: "fostering-relatives", label: "Foster care with relatives or friends", codes: ["U1", "U2", "U3"] },
  { key: "fostering-other", label: "Foster care with other foster carers", codes: ["U4", "U5", "U6"] },
  { key: "adoption", label: "Placed for adoption", codes: ["A3", "A4", "A5", "A6"] },
  { key: "parents", label: "Placed with parents or others with parental responsibility", codes: ["P1"] },
  { key: "community", label: "Supported accommodation and other placements in the community", codes: ["K3", "P3"] },
  { key: "homes", label: "Secure units and children's homes", codes: ["K1", "K2"] },
  { key: "residential", label: "Other residential settings", codes: ["R1", "R2", "R3", "R5"] },
  { key: "schools", label: "Residential schools", codes: ["S1"] },
  { key: "temporary", label: "Temporary moves (hospital, holiday, respite)", codes: ["T0", "T1", "T2", "T3", "T4"] },
  { key: "other", label: "Other placements", codes: ["Z11", "Z12", "Z13", "Z14"] },
] as const satisfies readonly { key: string; label: string; codes: readonly PlacementType[] }[];

export type PlacementTypeGroup = (typeof PLACEMENT_TYPE_GROUPS)[number]["key"];

/** The group a placement type is in ("other" for a code no group lists). */
export function placementTypeGroup(placeType: string): PlacementTypeGroup {
  return PLACEMENT_TYPE_GROUPS.find((g) => (g.codes as readonly string[]).includes(placeType))?.key ?? "other";
}

/** Provider groups of the spend, in the order a table shows them (SSDA903 PLACE_PROVIDER; NONE: types that take none). */
export const SPEND_GROUPS: readonly { code: SpendGroup; label: string }[] = [
  { code: "PR0", label: "Parent" },
  { code: "PR1", label: "Own council" },
  { code: "PR2", label: "Other council" },
  { code: "PR3", label: "Other public" },
  { code: "PR4", label: "Private" },
  { code: "PR5", label: "Voluntary" },
  { code: "NONE", label: "No provider" },
];

export type PlacementAnalytics = {
  /** the day the "now" figures are measured: the period's end, or today if that is earlier */
  on: IsoDate;
  current: number;
  /** placements now by PLACE code (only codes in use) */
  byType: Record<string, number>;
  /** placements now by group of PLACE codes (every group) */
  byTypeGroup: Record<PlacementTypeGroup, number>;
  /** placements now by provider (every provider, and NONE for types that take none) */
  byProvider: Record<string, number>;
  /** fostering now: in-house (PR1) and agency (PR4/PR5) of all foster placements, and the in-house share */
  fostering: { inHouse: number; fostering: number; agency: number; share: number | null };
  /** what the placements open now cost a week, by provider */
  weeklySpend: Record<SpendGroup, number>;
  weeklyTotal: number;
  /** placements now with no weekly cost recorded (left out of the week's spend) */
  weeklyWithoutCost: number;
  /** what placements cost over the period, by provider */
  periodSpend: Record<SpendGroup, number>;
  periodTotal: number;
  /** placements in the period with no weekly cost recorded (left out of the period's spend) */
  periodWithoutCost: number;
  /**
   * In-house placements made instead of agency ones: placements with a day in the period, their weeks
   * in it and the estimated saving; those open now and what they save a week.
   */
  avoided: { placements: number; weeks: number; saving: number; perWeek: number; now: number; savingAWeekNow: number };
  /** placements now: 20 miles or more from home, of those whose distance is known; out of area, of those whose area is known */
  distance: { twentyMilesOrMore: number; unknown: number; outOfArea: number; areaUnknown: number };
};

function tally(keys: readonly string[], start: Record<string, number> = {}): Record<string, number> {
  const out = { ...start };
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function placementAnalytics(
  children: readonly LocatedChild[],
  period: ReportingPeriod,
  today: IsoDate,
  councilLaCode: string,
  settings: Pick<TenantSettings["placements"], "ifaSavingPerWeek">,
): PlacementAnalytics {
  const on = period.to < today ? period.to : today;
  const episodes = children.flatMap((c) => c.episodes);
  const open = episodes.filter((e) => coversDate(e, on));
  const week = weeklySpendOn(episodes, on);
  const spend = placementSpend(episodes, period);
  const saving = ifaAvoidedSaving(episodes, period, settings);
  const avoidedInPeriod = children
    .filter((c) => c.episodes.some(isAgencyPlacementAvoided)) // the rest have none to count: skip grouping their placements
    .flatMap((c) => placementsOf(c))
    .filter((p) => p.episodes.some((e) => isAgencyPlacementAvoided(e) && overlapsPeriod(e, period))).length;
  const avoidedNow = open.filter(isAgencyPlacementAvoided).length;
  const distances = open.map((e) =>
    e.home && e.placement ? placementDistance({ home: e.home, placement: e.placement, councilAreaCode: councilLaCode, placementAreaCode: e.placementLaCode }) : null,
  );
  const areas = open.map((e) => outOfArea(councilLaCode, e.placementLaCode));
  return {
    on,
    current: open.length,
    byType: tally(open.map((e) => e.placeType)),
    byTypeGroup: tally(
      open.map((e) => placementTypeGroup(e.placeType)),
      zeroes(PLACEMENT_TYPE_GROUPS.map((g) => g.key)),
    ) as Record<PlacementTypeGroup, number>,
    byProvider: tally(
      open.map((e) => e.provider ?? "NONE"),
      zeroes([...PLACEMENT_PROVIDER_CODES, "NONE"]),
    ),
    fostering: inHouseFosteringShare(open, on),
    weeklySpend: week.byProvider,
    weeklyTotal: week.total,
    weeklyWithoutCost: week.withoutCost,
    periodSpend: spend.byProvider,
    periodTotal: spend.total,
    periodWithoutCost: spend.withoutCost,
    avoided: {
      placements: avoidedInPeriod,
      ...saving,
      perWeek: settings.ifaSavingPerWeek,
      now: avoidedNow,
      savingAWeekNow: avoidedNow * settings.ifaSavingPerWeek,
    },
    distance: {
      twentyMilesOrMore: distances.filter((d) => d?.twentyMilesOrMore).length,
      unknown: distances.filter((d) => d === null).length,
      outOfArea: areas.filter((a) => a === true).length,
      areaUnknown: areas.filter((a) => a === null).length,
    },
  };
}
