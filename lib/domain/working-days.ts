// Working days (timescales-and-kpis.md "Working days"): every day except Saturday, Sunday and an
// England & Wales bank holiday, taken from the date-holidays package (type "public" only, which
// includes Good Friday, Christmas Day, substitute days and one-off holidays such as 2022-09-19).
import Holidays from "date-holidays";
import { addDays, fromIsoDate, type IsoDate } from "./dates";

const calendar = new Holidays("GB", "ENG");
const byYear = new Map<number, Set<IsoDate>>();

function bankHolidays(year: number): Set<IsoDate> {
  let set = byYear.get(year);
  if (!set) {
    set = new Set(calendar.getHolidays(year).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    byYear.set(year, set);
  }
  return set;
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: IsoDate): boolean {
  const day = fromIsoDate(date).getUTCDay();
  return day !== 0 && day !== 6 && !isBankHoliday(date);
}

function isWeekday(date: IsoDate): boolean {
  const day = fromIsoDate(date).getUTCDay();
  return day !== 0 && day !== 6;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (a Thursday). */
const epochDay = (date: IsoDate) => Math.round(fromIsoDate(date).getTime() / DAY_MS);
// Weekdays on or before epoch day n, counted from a Monday long ago (1970-01-01 is day 0, a Thursday,
// so day -3 is a Monday; going back 10,000 whole weeks keeps every real date positive).
const MONDAY = -3 - 7 * 10_000;
function weekdaysUpTo(n: number): number {
  const k = n - MONDAY + 1;
  return Math.floor(k / 7) * 5 + Math.min(k % 7, 5);
}
const weekdayHolidays = new Map<number, number[]>();
/** A year's bank holidays that fall on a weekday, as epoch days. */
function weekdayBankHolidays(year: number): number[] {
  let days = weekdayHolidays.get(year);
  if (!days) {
    days = [...bankHolidays(year)].filter(isWeekday).map(epochDay);
    weekdayHolidays.set(year, days);
  }
  return days;
}

/**
 * The number of working days after `start` up to and including `end` (the same day is 0). When `end`
 * is before `start` the answer is negative: minus the working days after `end` up to `start`.
 * Counted, not walked: weekdays by arithmetic, less the weekday bank holidays in between (the KPIs
 * call this for every assessment and conference in 25 periods).
 */
export function workingDaysBetween(start: IsoDate, end: IsoDate): number {
  if (end < start) return -workingDaysBetween(end, start);
  const from = epochDay(start);
  const to = epochDay(end);
  let count = weekdaysUpTo(to) - weekdaysUpTo(from);
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const day of weekdayBankHolidays(year)) if (day > from && day <= to) count--;
  }
  return count;
}

/** The date of the n-th working day after `start` (a deadline). n = 0 is `start` itself. */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  if (n < 0) throw new Error("addWorkingDays counts forwards");
  let date = start;
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
