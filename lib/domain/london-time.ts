// Wall-clock times in England (Europe/London): what a worker types into a date and a time field, and
// the instant it means. The clocks change twice a year, so the offset from UTC is looked up for the
// day rather than assumed.
import { isIsoDate, type IsoDate } from "./dates";

/** "14:05": hours and minutes on a 24-hour clock. */
export type WallTime = string;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isWallTime(value: string): boolean {
  return TIME.test(value);
}

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The date and time on a clock in England at `instant` (seconds dropped). */
export function toLondonWallClock(instant: Date): { date: IsoDate; time: WallTime } {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes England is ahead of UTC at `instant`: 0 (GMT) or 60 (BST). */
function londonOffsetMinutes(instant: Date): number {
  const { date, time } = toLondonWallClock(instant);
  const asUtc = Date.parse(`${date}T${time}:00.000Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a date and time on a clock in England mean. When the clocks go back, 01:00–01:59 happens
 * twice and the first (BST) is taken. When they go forward, 01:00–01:59 does not happen: null.
 */
export function fromLondonWallClock(date: IsoDate, time: WallTime): Date | null {
  if (!isIsoDate(date) || !isWallTime(time)) return null;
  const asUtc = Date.parse(`${date}T${time}:00.000Z`);
  for (const offset of [60, 0]) {
    const instant = new Date(asUtc - offset * 60_000);
    if (londonOffsetMinutes(instant) === offset) {
      const back = toLondonWallClock(instant);
      if (back.date === date && back.time === time) return instant;
    }
  }
  return null;
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });

/** "3 Mar 2026 at 14:05", in England's time. */
export function formatLondonDateTime(value: Date | string): string {
  const instant = typeof value === "string" ? new Date(value) : value;
  return `${DATE_TIME.format(instant)} at ${CLOCK.format(instant)}`;
}

/**
 * Whether a time typed to the minute is not in the future: any time within the current minute counts
 * as now.
 */
export function isNotInFuture(instant: Date, now: Date = new Date()): boolean {
  return instant.getTime() < Math.floor(now.getTime() / 60_000) * 60_000 + 60_000;
}
