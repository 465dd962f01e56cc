// Test-only: reads the SSDA903 reference schema (../shared/reference/ssda903), the 2017 base plus the
// yearly diffs, and applies the diffs in order up to a return year. Never imported by app code: the app
// cannot read ../shared at run time (lib/domain/ssda903-codes.ts holds the runtime lists).
//
// A diff file maps a dotted path ("column_map.episodes.PLACE.category") to a change:
// `type: add` or `type: modify` sets the value at that path, `type: remove` deletes it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../../../../shared/reference/ssda903");

type Node = Record<string, unknown>;
type Column = { category?: { code: string | number; name?: unknown }[]; canbeblank?: boolean | string; date?: string; string?: string };
export type ReferenceSchema = { column_map: Record<string, Record<string, Column>> };

/** The diff files that apply to a return year (the year of 31 March), oldest first. */
export function diffYears(upToYear: number): number[] {
  return readdirSync(REFERENCE_DIR)
    .map((name) => name.match(/^SSDA903_schema_(\d{4})\.diff\.yml$/)?.[1])
    .filter((year): year is string => !!year)
    .map(Number)
    .filter((year) => year <= upToYear)
    .sort((a, b) => a - b);
}

function setPath(root: Node, dotted: string, value: unknown) {
  const keys = dotted.split(".");
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Node;
  }
  node[keys.at(-1)!] = value;
}

function removePath(root: Node, dotted: string) {
  const keys = dotted.split(".");
  let node: Node | undefined = root;
  for (const key of keys.slice(0, -1)) node = node?.[key] as Node | undefined;
  if (node) delete node[keys.at(-1)!];
}

/** The schema for a return year: for 2025-26, `loadReferenceSchema(2026)`. */
export function loadReferenceSchema(year: number): ReferenceSchema {
  const schema = parse(readFileSync(path.join(REFERENCE_DIR, "SSDA903_schema_2017.yml"), "utf8")) as Node;
  for (const diffYear of diffYears(year)) {
    const diff = parse(readFileSync(path.join(REFERENCE_DIR, `SSDA903_schema_${diffYear}.diff.yml`), "utf8")) as Record<
      string,
      { type: string; value?: unknown }
    >;
    for (const [dotted, change] of Object.entries(diff)) {
      if (change.type === "add" || change.type === "modify") setPath(schema, dotted, change.value);
      else if (change.type === "remove") removePath(schema, dotted);
      else throw new Error(`Unknown change type "${change.type}" for ${dotted} in the ${diffYear} diff`);
    }
  }
  return schema as ReferenceSchema;
}

/** The schema's table key for one of the export's CSV tables. */
export function schemaTableName(table: string): string {
  return table === "SWEpisodes" ? "social_worker" : table.toLowerCase();
}

/** The codes a coded column takes in the schema, as strings. */
export function referenceCodes(schema: ReferenceSchema, table: string, column: string): string[] {
  const spec = schema.column_map[schemaTableName(table)]?.[column];
  if (!spec?.category) throw new Error(`${table}.${column} is not a coded column in the reference schema`);
  return spec.category.map((c) => String(c.code));
}

/** The columns of a table in the schema, in order. */
export function referenceColumns(schema: ReferenceSchema, table: string): string[] {
  const columns = schema.column_map[schemaTableName(table)];
  if (!columns) throw new Error(`${table} is not in the reference schema`);
  return Object.keys(columns);
}

/** Whether a column may be left blank. */
export function referenceCanBeBlank(schema: ReferenceSchema, table: string, column: string): boolean {
  const value = schema.column_map[schemaTableName(table)]?.[column]?.canbeblank;
  return value === true || value === "yes";
}
