// The exact header row of each SSDA903 CSV table (../shared/reference/README.md): DfE identifies each
// file by it, so the order and spelling matter.
import type { Ssda903Table } from "@/lib/domain/ssda903-codes";

export const SSDA903_COLUMNS = {
  Header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
  Episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
  Reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
  UASC: ["CHILD", "SEX", "DOB", "DUC"],
  Missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
  SWEpisodes: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
} as const satisfies Record<Ssda903Table, readonly string[]>;

/** The tables in the order the export writes them. */
export const SSDA903_TABLES = Object.keys(SSDA903_COLUMNS) as Ssda903Table[];

export type Ssda903Row<T extends Ssda903Table> = Record<(typeof SSDA903_COLUMNS)[T][number], string>;
