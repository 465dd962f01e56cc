import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSsda903Return, ssda903FileName, type Ssda903Files } from "./build";
import { SSDA903_COLUMNS, SSDA903_TABLES } from "./columns";
import { loadReferenceSchema, referenceCanBeBlank, referenceColumns, REFERENCE_DIR } from "./testing/reference-schema";
import { amy, sampleReturn } from "./testing/sample-return";

const lines = (...rows: string[]) => rows.map((r) => `${r}\r\n`).join("");

function build(): Ssda903Files {
  const result = buildSsda903Return(sampleReturn);
  if (!result.ok) throw new Error(JSON.stringify(result.check, null, 2));
  return result.files;
}

describe("the SSDA903 2025-26 files for the sample return", () => {
  // Children in CHILD order; Dan (care ended Jan 2024) is in no table.
  const files = build();

  it("Header: one row per child, MOTHER blank when not recorded", () => {
    expect(files.Header).toBe(
      lines(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
        "C001,F,15/06/2015,WBRI,P201123456789,,",
        "C002,M,01/02/2009,AOTH,UN5,0,",
        "C003,F,10/01/2023,MWBA,UN1,,",
      ),
    );
  });

  it("Episodes: every episode open in the year; an end after 31 March is blank with its REC", () => {
    // Ben's second episode ends on 20 Apr 2026 (E5): on 31 Mar 2026 it was open, so DEC and REC are blank.
    // Amy's home postcode is written in capitals. Cara's episodes come from her placement history.
    expect(files.Episodes).toBe(
      lines(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
        "C001,01/04/2025,S,V2,N1,U6,PR1,10/06/2025,X1,,AB1 2CD,AB1 5EF,SC123456",
        "C001,10/06/2025,L,C1,N1,U6,PR1,01/09/2025,X1,CREQB,AB1 2CD,AB1 5EF,SC123456",
        "C001,01/09/2025,B,C1,N1,U6,PR4,,,,AB1 2CD,XY9 8ZW,SC987654",
        "C002,01/11/2024,S,V2,N8,K2,PR4,01/05/2025,X1,CHILD,,M1 1AE,SC555555",
        "C002,01/05/2025,B,V2,N8,U6,PR5,,,,,M2 2BB,SC666666",
        "C003,15/07/2025,S,L2,N1,U6,PR1,22/07/2025,X1,,AB2 3CD,AB4 5EF,SC111111",
        "C003,22/07/2025,L,C1,N1,U6,PR1,05/08/2025,X1,,AB2 3CD,AB4 5EF,SC111111",
        "C003,05/08/2025,B,C1,N1,T1,,08/08/2025,X1,,AB2 3CD,AB9 9ZZ,",
        "C003,08/08/2025,P,C1,N1,U6,PR1,20/01/2026,E4A,,AB2 3CD,AB4 5EF,SC111111",
      ),
    );
  });

  it("Reviews: only those held in the year", () => {
    // Amy's review of 1 May 2024 is left out
    expect(files.Reviews).toBe(
      lines(
        "CHILD,DOB,REVIEW,REVIEW_CODE",
        "C001,15/06/2015,20/04/2025,PN1",
        "C001,15/06/2015,01/10/2025,PN4",
        "C002,01/02/2009,20/05/2025,PN2",
        "C003,10/01/2023,10/08/2025,PN0",
      ),
    );
  });

  it("UASC: Ben, still an asylum-seeking child on 31 March, so DUC is blank", () => {
    expect(files.UASC).toBe(lines("CHILD,SEX,DOB,DUC", "C002,M,01/02/2009,"));
  });

  it("Missing", () => {
    expect(files.Missing).toBe(lines("CHILD,DOB,MISSING,MIS_START,MIS_END", "C001,15/06/2015,M,02/11/2025,03/11/2025"));
  });

  it("SWEpisodes: open at 31 March means SW_DEC blank; the first episode has no reason", () => {
    expect(files.SWEpisodes).toBe(
      lines(
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON",
        "C001,15/06/2015,SW12345,01/01/2025,01/07/2025,",
        "C001,15/06/2015,SW67890,01/07/2025,,LEFTRL",
        "C002,01/02/2009,SW24680,01/11/2024,,",
        "C003,10/01/2023,SW11111,15/07/2025,20/01/2026,",
      ),
    );
  });

  it("names the files by year and table", () => {
    expect(ssda903FileName(2026, "SWEpisodes")).toBe("SSDA903_2026_SWEpisodes.csv");
  });

  it("writes tables with only a header row when there is nothing to report", () => {
    const result = buildSsda903Return({ year: 2026, children: [] });
    expect(result.ok && result.files.Episodes).toBe(lines(SSDA903_COLUMNS.Episodes.join(",")));
  });
});

describe("the header rows", () => {
  const readme = readFileSync(path.join(REFERENCE_DIR, "../README.md"), "utf8");
  const readmeColumns = (table: string) =>
    readme
      .match(new RegExp(`^\\| ${table} \\| ([^|]+) \\|$`, "m"))?.[1]
      ?.split(",")
      .map((c) => c.trim());

  it.each(SSDA903_TABLES)("%s is exactly as ../shared/reference/README.md lists it", (table) => {
    expect(readmeColumns(table)).toEqual([...SSDA903_COLUMNS[table]]);
  });

  it.each(SSDA903_TABLES)("%s has the same columns as the 2025-26 reference schema", (table) => {
    expect([...SSDA903_COLUMNS[table]].sort()).toEqual(referenceColumns(loadReferenceSchema(2026), table).sort());
  });
});

describe("every value written", () => {
  const schema = loadReferenceSchema(2026);
  const files = build();

  it.each(SSDA903_TABLES)("in %s is a 2025-26 code, a dd/mm/yyyy date, or blank where blank is allowed", (table) => {
    const [header, ...rows] = files[table].trimEnd().split("\r\n").map((line) => line.split(","));
    expect(header).toEqual([...SSDA903_COLUMNS[table]]);
    const columns = schema.column_map[table === "SWEpisodes" ? "social_worker" : table.toLowerCase()]!;
    let checked = 0;
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      row.forEach((value, i) => {
        const column = header![i]!;
        const spec = columns[column]!;
        if (value === "") {
          expect(referenceCanBeBlank(schema, table, column), `${table}.${column} may not be blank`).toBe(true);
          return;
        }
        checked++;
        if (spec.category) expect(spec.category.map((c) => String(c.code)), `${table}.${column}`).toContain(value);
        if (spec.date) expect(value, `${table}.${column}`).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        if (spec.string === "alphanumeric") expect(value, `${table}.${column}`).toMatch(/^[A-Za-z0-9]+$/);
        if (spec.string === "postcode") expect(value, `${table}.${column}`).toMatch(/^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/);
      });
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("refusing to write", () => {
  it("returns the problems instead of files", () => {
    const broken = { ...sampleReturn, children: [{ ...amy, episodes: [{ ...amy.episodes[0]!, placeType: "Z1" }, ...amy.episodes.slice(1)] }] };
    const result = buildSsda903Return(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.check.children).toEqual([
      { childId: "C001", problems: [{ table: "Episodes", message: 'The episode starting 1 Apr 2025: the placement type (PLACE) "Z1" is not a 2025-26 code.' }] },
    ]);
  });
});
