// The placements section of the head of service's dashboard (issue 6): what placements there are,
// what they cost, how far from home they are, and what in-house placements instead of agency ones
// saved. Each figure is one of the rules in placements-spend.ts and placements-matching.ts, applied to
// the council's episodes. Pure: the data layer passes the episodes with their locations.
import type { IsoDate } from "./dates";
import { coversDate, type PlacementEpisode, type ReportingPeriod } from "./placements";
import { placementDistance, type Coordinates } from "./placements-matching";
import { ifaAvoidedSaving, placementSpend, type SpendGroup } from "./placements-spend";
import { PLACEMENT_PROVIDER_CODES } from "./ssda903-codes";
import type { TenantSettings } from "./tenant-settings";

export type LocatedEpisode = Pick<PlacementEpisode, "startDate" | "endDate" | "placeType" | "provider" | "weeklyCost" | "avoidedAgencyPlacement"> & {
  home?: Coordinates | null;
  placement?: Coordinates | null;
  /** the local authority the placement is in (3-digit DfE code), when known */
  placementLaCode?: string | null;
};

export type PlacementAnalytics = {
  /** the day the "now" figures are measured: the period's end, or today if that is later */
  on: IsoDate;
  current: number;
  byType: Record<string, number>;
  byProvider: Record<string, number>;
  /** what the placements open on `on` cost a week, by provider */
  weeklySpend: Record<SpendGroup, number>;
  weeklyTotal: number;
  /** what placements cost over the period, by provider */
  periodSpend: Record<SpendGroup, number>;
  periodTotal: number;
  /** in-house placements made instead of agency ones: weeks in the period and the estimated saving */
  avoided: { placements: number; weeks: number; saving: number; perWeek: number };
  distance: { twentyMilesOrMore: number; outOfArea: number; unknown: number };
};

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((out, k) => ({ ...out, [k]: (out[k] ?? 0) + 1 }), {});

export function placementAnalytics(
  episodes: readonly LocatedEpisode[],
  period: ReportingPeriod,
  today: IsoDate,
  councilLaCode: string,
  settings: Pick<TenantSettings["placements"], "ifaSavingPerWeek">,
): PlacementAnalytics {
  const on = period.to < today ? period.to : today;
  const open = episodes.filter((e) => coversDate(e, on));
  const weeklySpend = Object.fromEntries([...PLACEMENT_PROVIDER_CODES, "NONE"].map((g) => [g, 0])) as Record<SpendGroup, number>;
  for (const e of open) weeklySpend[e.provider ?? "NONE"] += e.weeklyCost ?? 0;
  const spend = placementSpend(episodes, period);
  const avoided = ifaAvoidedSaving(episodes, period, settings);
  const distances = open.map((e) =>
    e.home && e.placement ? placementDistance({ home: e.home, placement: e.placement, councilAreaCode: councilLaCode, placementAreaCode: e.placementLaCode }) : null,
  );
  return {
    on,
    current: open.length,
    byType: tally(open.map((e) => e.placeType)),
    byProvider: tally(open.map((e) => e.provider ?? "NONE")),
    weeklySpend,
    weeklyTotal: Math.round(Object.values(weeklySpend).reduce((a, b) => a + b, 0) * 100) / 100,
    periodSpend: spend.byProvider,
    periodTotal: spend.total,
    avoided: {
      placements: episodes.filter((e) => e.avoidedAgencyPlacement && e.startDate <= period.to && (!e.endDate || e.endDate > period.from)).length,
      ...avoided,
      perWeek: settings.ifaSavingPerWeek,
    },
    distance: {
      twentyMilesOrMore: distances.filter((d) => d?.twentyMilesOrMore).length,
      outOfArea: open.filter((e) => e.placementLaCode && e.placementLaCode !== councilLaCode).length,
      unknown: distances.filter((d) => d === null).length,
    },
  };
}
