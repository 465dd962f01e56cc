// Plain calendar dates. A date is a `Date` at UTC midnight (how PostgreSQL `date` columns arrive
// through Prisma) or an ISO `yyyy-mm-dd` string; "today" is today in England.

export type IsoDate = string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

// These two run millions of times when the KPIs are worked out, so they format and parse by hand
// rather than through toISOString and the Date string parser.
export function toIsoDate(date: Date): IsoDate {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString().slice(0, 10);
  return `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

export function fromIsoDate(iso: IsoDate): Date {
  if (!ISO.test(iso)) throw new Error(`Not an ISO date: ${iso}`);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 100) date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new Error(`Not a real date: ${iso}`);
  return date;
}

export function isIsoDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && toIsoDate(date) === value;
}

/** Today's date in England (the Europe/London calendar day). */
export function todayInEngland(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = fromIsoDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return toIsoDate(first);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((fromIsoDate(to).getTime() - fromIsoDate(from).getTime()) / 86_400_000);
}

/** Whole years from `dateOfBirth` to `on` (an age). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 Mar 2026" */
export function formatDate(value: Date | IsoDate | null | undefined): string {
  if (!value) return "—";
  return FORMAT.format(typeof value === "string" ? fromIsoDate(value) : value);
}
