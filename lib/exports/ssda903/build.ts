// Writes the SSDA903 (children looked after) return: one CSV string per table, each starting with its
// exact header row (columns.ts), dates as dd/mm/yyyy, codes as given (the checker has made sure they
// are 2025-26 codes). Pure: the caller saves or zips the files. Refuses to write while the checker
// finds problems, and returns them instead.
//
// What goes in, for the year of 31 March Y (collection-year.ts): the children with an episode open at
// some time between 1 April Y-1 and 31 March Y; their episodes and social worker and missing episodes
// open in the year, with end dates after 31 March left blank; their reviews held in the year; a UASC
// row when they were an unaccompanied asylum seeker in the year. Rows are in CHILD order, then date.
import { stringify } from "csv-stringify/sync";
import type { Ssda903Table } from "@/lib/domain/ssda903-codes";
import { checkSsda903Return, hasProblems, type Ssda903Check } from "./check";
import {
  childrenInReturn,
  collectionPeriod,
  dfeDate,
  endAsAtYearEnd,
  episodesInYear,
  missingEpisodesInYear,
  reviewsInYear,
  socialWorkerEpisodesInYear,
  uascInYear,
} from "./collection-year";
import { SSDA903_COLUMNS, SSDA903_TABLES, type Ssda903Row } from "./columns";
import type { Ssda903Return } from "./types";

export type Ssda903Files = Record<Ssda903Table, string>;
export type Ssda903Build = { ok: true; files: Ssda903Files } | { ok: false; check: Ssda903Check };

function toCsv<T extends Ssda903Table>(table: T, rows: Ssda903Row<T>[]): string {
  const columns: readonly string[] = SSDA903_COLUMNS[table];
  return stringify([columns, ...rows.map((row) => columns.map((c) => (row as Record<string, string>)[c] ?? ""))], { record_delimiter: "\r\n" });
}

/** The rows of each table, without checking. Use buildSsda903Return to write a file. */
export function ssda903Rows(input: Ssda903Return): { [T in Ssda903Table]: Ssda903Row<T>[] } {
  const period = collectionPeriod(input.year);
  const rows: { [T in Ssda903Table]: Ssda903Row<T>[] } = { Header: [], Episodes: [], Reviews: [], UASC: [], Missing: [], SWEpisodes: [] };
  for (const child of childrenInReturn(input)) {
    const CHILD = child.childId;
    const DOB = dfeDate(child.dateOfBirth);
    rows.Header.push({
      CHILD,
      SEX: child.sex,
      DOB,
      ETHNIC: child.ethnicity,
      UPN: child.upn,
      MOTHER: child.isMother === true ? "1" : child.isMother === false ? "0" : "",
      MC_DOB: child.isMother ? dfeDate(child.mothersChildDateOfBirth) : "",
    });
    for (const e of episodesInYear(child, period)) {
      const ended = endAsAtYearEnd(e.endDate, period);
      rows.Episodes.push({
        CHILD,
        DECOM: dfeDate(e.startDate),
        RNE: e.reasonNewEpisode,
        LS: e.legalStatus,
        CIN: e.categoryOfNeed,
        PLACE: e.placeType,
        PLACE_PROVIDER: e.provider ?? "",
        DEC: dfeDate(ended),
        REC: ended ? (e.reasonEnded ?? "") : "",
        REASON_PLACE_CHANGE: ended ? (e.reasonPlaceChange ?? "") : "",
        HOME_POST: e.homePostcode?.trim().toUpperCase() ?? "",
        PL_POST: e.placementPostcode?.trim().toUpperCase() ?? "",
        URN: e.urn ?? "",
      });
    }
    for (const review of reviewsInYear(child, period)) {
      rows.Reviews.push({ CHILD, DOB, REVIEW: dfeDate(review.date), REVIEW_CODE: review.participation });
    }
    if (uascInYear(child, period)) {
      rows.UASC.push({ CHILD, SEX: child.sex, DOB, DUC: dfeDate(endAsAtYearEnd(child.unaccompaniedAsylumSeeker?.ceasedOn, period)) });
    }
    for (const missing of missingEpisodesInYear(child, period)) {
      rows.Missing.push({ CHILD, DOB, MISSING: missing.type, MIS_START: dfeDate(missing.startDate), MIS_END: dfeDate(endAsAtYearEnd(missing.endDate, period)) });
    }
    for (const sw of socialWorkerEpisodesInYear(child, period)) {
      rows.SWEpisodes.push({
        CHILD,
        DOB,
        SW_ID: sw.socialWorkerId,
        SW_DECOM: dfeDate(sw.startDate),
        SW_DEC: dfeDate(endAsAtYearEnd(sw.endDate, period)),
        SW_REASON: sw.reasonForChange ?? "",
      });
    }
  }
  return rows;
}

/** Checks the return and writes one CSV per table, or refuses with the problems. */
export function buildSsda903Return(input: Ssda903Return): Ssda903Build {
  const check = checkSsda903Return(input);
  if (hasProblems(check)) return { ok: false, check };
  const rows = ssda903Rows(input);
  const files = Object.fromEntries(SSDA903_TABLES.map((table) => [table, toCsv(table, rows[table] as Ssda903Row<typeof table>[])])) as Ssda903Files;
  return { ok: true, files };
}

/** A file name for a table: "SSDA903_2026_Episodes.csv". */
export function ssda903FileName(year: number, table: Ssda903Table): string {
  return `SSDA903_${year}_${table}.csv`;
}
