// Case drift (domain.md "Case drift"): working days since the last significant intervention — a
// visit where a child was seen, a review or conference, a plan agreed or updated, a case summary
// revised — against the council's threshold for the case's level. Amber from amberFraction of the
// threshold, red when over it. Admin notes do not count.
import type { IsoDate } from "./dates";
import type { Level } from "./roles";
import type { TenantSettings } from "./tenant-settings";
import { workingDaysBetween } from "./working-days";

export type DriftState = "ok" | "amber" | "red";

export type Drift = { days: number; threshold: number; state: DriftState; since: IsoDate; what: string };

export function driftOf(level: Level, last: { date: IsoDate; what: string }, today: IsoDate, settings: TenantSettings["drift"]): Drift {
  const threshold = settings.thresholds[level];
  const days = Math.max(0, workingDaysBetween(last.date, today));
  const state: DriftState = days > threshold ? "red" : days >= Math.ceil(threshold * settings.amberFraction) ? "amber" : "ok";
  return { days, threshold, state, since: last.date, what: last.what };
}
