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

/**
 * The number of working days after `start` up to and including `end` (the same day is 0). When `end`
 * is before `start` the answer is negative: minus the working days after `end` up to `start`.
 */
export function workingDaysBetween(start: IsoDate, end: IsoDate): number {
  if (end < start) return -workingDaysBetween(end, start);
  let count = 0;
  // whole weeks first: each holds exactly five weekdays
  let day = start;
  const days = Math.round((fromIsoDate(end).getTime() - fromIsoDate(start).getTime()) / 86_400_000);
  const weeks = Math.floor(days / 7);
  if (weeks > 0) {
    const weekEnd = addDays(start, weeks * 7);
    count += weeks * 5;
    for (let d = addDays(start, 1); d <= weekEnd; d = addDays(d, 1)) if (isBankHoliday(d) && isWeekday(d)) count--;
    day = weekEnd;
  }
  for (let d = addDays(day, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

function isWeekday(date: IsoDate): boolean {
  const day = fromIsoDate(date).getUTCDay();
  return day !== 0 && day !== 6;
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
