// Placement spend and the in-house fostering share (timescales-and-kpis.md "Placement spend",
// "In-house placement share"; domain.md "Placements": "each IFA placement avoided saved about £500 a
// week"). Pure: the data layer passes placement episodes (or any spans with a weekly cost).
//
// Definitions, decided here:
// - Spend = Σ weekly cost × weeks in the period, pro rata by days ÷ 7. A placement is paid for the
//   days from its start up to the day before its end (the day it ends is the next placement's first
//   day, so no day is paid twice), clipped to the period (both days of the period included). An open
//   placement runs to the period end. A whole financial year of 365 days at £700 a week costs
//   700 × 365 ÷ 7 = £36,500. Amounts are rounded to the penny at the end, per group.
// - Fostering means placement types U1–U6. In-house means the council's own provision (PR1). The
//   in-house share is counted on a date: foster placements open that day with PR1 ÷ all foster
//   placements open that day.
// - An agency (IFA) placement is a foster placement with a private or voluntary provider (PR4, PR5).
// - "IFA avoided" saving = weeks in the period of in-house placements marked
//   `avoidedAgencyPlacement` × the council's saving per week (tenant setting
//   placements.ifaSavingPerWeek, default £500). A week's spend (now) is the weekly cost of each
//   placement open on the day.
import { addDays, daysBetween, type IsoDate } from "./dates";
import { coversDate, financialYear, type PlacementEpisode, type ReportingPeriod } from "./placements";
import { AGENCY_PROVIDERS, OWN_PROVISION, PLACEMENT_PROVIDER_CODES, isFostering, type PlacementProvider } from "./ssda903-codes";
import type { TenantSettings } from "./tenant-settings";

/** Anything with dates, a provider and a weekly cost: placement episodes, or cost periods of a placement. */
export type CostedSpan = Pick<PlacementEpisode, "startDate" | "endDate" | "provider" | "weeklyCost">;

/** The days of the period a span covers (its end day excluded). */
export function daysInPeriod(span: { startDate: IsoDate; endDate?: IsoDate | null }, period: ReportingPeriod): number {
  const afterPeriod = addDays(period.to, 1);
  const start = span.startDate > period.from ? span.startDate : period.from;
  const end = span.endDate && span.endDate < afterPeriod ? span.endDate : afterPeriod;
  return Math.max(0, daysBetween(start, end));
}

const pennies = (pounds: number) => Math.round(pounds * 100) / 100;

/** Provider groups of the spend: PR0–PR5, and NONE for placement types that take no provider. */
export type SpendGroup = PlacementProvider | "NONE";

export type PlacementSpend = {
  total: number;
  byProvider: Record<SpendGroup, number>;
  /** spans in the period with no weekly cost recorded: the spend leaves them out */
  withoutCost: number;
};

/** Σ weekly cost × weeks in the period, in total and by provider type. */
export function placementSpend(spans: readonly CostedSpan[], period: ReportingPeriod): PlacementSpend {
  const raw = Object.fromEntries([...PLACEMENT_PROVIDER_CODES, "NONE"].map((g) => [g, 0])) as Record<SpendGroup, number>;
  let withoutCost = 0;
  for (const span of spans) {
    const days = daysInPeriod(span, period);
    if (days === 0) continue;
    if (span.weeklyCost === null || span.weeklyCost === undefined) {
      withoutCost++;
      continue;
    }
    raw[span.provider ?? "NONE"] += (span.weeklyCost * days) / 7;
  }
  const byProvider = Object.fromEntries(Object.entries(raw).map(([g, amount]) => [g, pennies(amount)])) as Record<SpendGroup, number>;
  return { total: pennies(Object.values(raw).reduce((a, b) => a + b, 0)), byProvider, withoutCost };
}

/** What the placements open on `date` cost a week, in total and by provider type (spans without a cost count nothing, and are counted as such). */
export function weeklySpendOn(spans: readonly CostedSpan[], date: IsoDate): PlacementSpend {
  const raw = Object.fromEntries([...PLACEMENT_PROVIDER_CODES, "NONE"].map((g) => [g, 0])) as Record<SpendGroup, number>;
  let withoutCost = 0;
  for (const span of spans) {
    if (!coversDate(span, date)) continue;
    if (span.weeklyCost === null || span.weeklyCost === undefined) withoutCost++;
    else raw[span.provider ?? "NONE"] += span.weeklyCost;
  }
  const byProvider = Object.fromEntries(Object.entries(raw).map(([g, amount]) => [g, pennies(amount)])) as Record<SpendGroup, number>;
  return { total: pennies(Object.values(raw).reduce((a, b) => a + b, 0)), byProvider, withoutCost };
}

/** The spend of each financial year from `firstYear` to `lastYear` (years of 31 March). */
export function placementSpendByYear(spans: readonly CostedSpan[], firstYear: number, lastYear: number): ({ year: number } & ReportingPeriod & PlacementSpend)[] {
  const years: ({ year: number } & ReportingPeriod & PlacementSpend)[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const period = financialYear(year);
    years.push({ year, ...period, ...placementSpend(spans, period) });
  }
  return years;
}

type FosteringSpan = Pick<PlacementEpisode, "startDate" | "endDate" | "placeType" | "provider">;

export const isInHouseFostering = (span: Pick<PlacementEpisode, "placeType" | "provider">) => isFostering(span.placeType) && span.provider === OWN_PROVISION;
export const isAgencyFostering = (span: Pick<PlacementEpisode, "placeType" | "provider">) =>
  isFostering(span.placeType) && !!span.provider && (AGENCY_PROVIDERS as readonly string[]).includes(span.provider);

/** In-house share of fostering on `date`: foster placements with own-provision carers ÷ all foster placements. */
export function inHouseFosteringShare(spans: readonly FosteringSpan[], date: IsoDate): { inHouse: number; fostering: number; agency: number; share: number | null } {
  const open = spans.filter((s) => isFostering(s.placeType) && coversDate(s, date));
  const inHouse = open.filter(isInHouseFostering).length;
  return { inHouse, fostering: open.length, agency: open.filter(isAgencyFostering).length, share: open.length === 0 ? null : inHouse / open.length };
}

/** An in-house foster placement recorded as made instead of an agency one: what the "IFA avoided" saving counts. */
export const isAgencyPlacementAvoided = (span: Pick<PlacementEpisode, "placeType" | "provider" | "avoidedAgencyPlacement">) => !!span.avoidedAgencyPlacement && isInHouseFostering(span);

/** The estimated saving from in-house placements made instead of agency ones, over the period. */
export function ifaAvoidedSaving(
  spans: readonly Pick<PlacementEpisode, "startDate" | "endDate" | "placeType" | "provider" | "avoidedAgencyPlacement">[],
  period: ReportingPeriod,
  settings: Pick<TenantSettings["placements"], "ifaSavingPerWeek">,
): { weeks: number; saving: number } {
  const days = spans.filter(isAgencyPlacementAvoided).reduce((sum, s) => sum + daysInPeriod(s, period), 0);
  return { weeks: Math.round((days / 7) * 100) / 100, saving: pennies((days * settings.ifaSavingPerWeek) / 7) };
}
