// The applied migrations and prisma/schema.prisma describe the same database: every model, field,
// type, nullability, key and relation exists as declared (docs/decisions/0002-migrations.md).
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { withClient } from "../support/database";
import { database } from "./setup";

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
};
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string }[] }[] } };

const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") }))) as Dmmf;

type Column = { table: string; column: string; udt: string; nullable: boolean; length: number | null; precision: number | null; scale: number | null };
let columns: Column[] = [];
let constraints: { table: string; name: string; type: string; columns: string[]; refTable: string | null; refColumns: string[] | null }[] = [];
let uniqueIndexes: { table: string; columns: string[] }[] = [];
let enums: Map<string, string[]>;

beforeAll(async () => {
  await withClient(database.adminUrl, async (c) => {
    columns = (
      // an array's element length (char(3)[]) is only in pg_attribute's type modifier: n + 4
      await c.query(`SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt, c.is_nullable = 'YES' AS nullable,
                            coalesce(c.character_maximum_length, CASE WHEN c.data_type = 'ARRAY' AND a.atttypmod > 4 THEN a.atttypmod - 4 END) AS length,
                            c.numeric_precision AS precision, c.numeric_scale AS scale
                     FROM information_schema.columns c
                     JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
                     WHERE c.table_schema = 'public'`)
    ).rows;
    constraints = (
      await c.query(`SELECT cl.relname::text AS table, con.conname::text AS name, con.contype AS type,
                            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
                            rcl.relname::text AS "refTable",
                            CASE WHEN con.confkey IS NULL THEN NULL ELSE array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] END AS "refColumns"
                     FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
                     LEFT JOIN pg_class rcl ON rcl.oid = con.confrelid
                     WHERE ns.nspname = 'public'`)
    ).rows;
    uniqueIndexes = (
      await c.query(`SELECT t.relname::text AS table, array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns
                     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
                     WHERE ns.nspname = 'public' AND ix.indisunique AND ix.indpred IS NULL`)
    ).rows;
    const enumRows = (
      await c.query(`SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
                     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`)
    ).rows as { name: string; values: string[] }[];
    enums = new Map(enumRows.map((r) => [r.name, r.values]));
  });
});

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const f = model.fields.find((x) => x.name === fieldName)!;
  return f.dbName ?? f.name;
};

/** The PostgreSQL type a Prisma scalar field maps to (udt_name). */
function expectedUdt(field: DmmfField, enumDbNames: Map<string, string>): string {
  if (field.isList) return `_${expectedUdt({ ...field, isList: false }, enumDbNames)}`;
  if (field.kind === "enum") return enumDbNames.get(field.type)!;
  const native = field.nativeType?.[0];
  const byNative: Record<string, string> = {
    Uuid: "uuid",
    Citext: "citext",
    Date: "date",
    Timestamptz: "timestamptz",
    Char: "bpchar",
    VarChar: "varchar",
    Decimal: "numeric",
    Text: "text",
    SmallInt: "int2",
  };
  if (native) return byNative[native] ?? native.toLowerCase();
  const byType: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Boolean: "bool",
    DateTime: "timestamp",
    Json: "jsonb",
    Float: "float8",
    Decimal: "numeric",
  };
  return byType[field.type]!;
}

describe("the migrated database matches prisma/schema.prisma", () => {
  const enumDbNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));

  it("has every enum with the same values", () => {
    for (const e of dmmf.datamodel.enums) {
      expect(enums.get(e.dbName ?? e.name), `enum ${e.name}`).toEqual(e.values.map((v) => v.name));
    }
  });

  for (const model of dmmf.datamodel.models) {
    describe(`model ${model.name}`, () => {
      it("has every scalar field as a column of the declared type and nullability", () => {
        const table = tableOf(model);
        for (const field of model.fields.filter((f) => f.kind !== "object")) {
          const column = columns.find((c) => c.table === table && c.column === (field.dbName ?? field.name));
          expect(column, `${table}.${field.dbName ?? field.name}`).toBeDefined();
          expect(column!.udt, `${table}.${field.name} type`).toBe(expectedUdt(field, enumDbNames));
          expect(column!.nullable, `${table}.${field.name} nullable`).toBe(!field.isRequired);
          const args = field.nativeType?.[1] ?? [];
          if (field.nativeType?.[0] === "VarChar" || field.nativeType?.[0] === "Char") expect(column!.length, `${table}.${field.name} length`).toBe(Number(args[0]));
          if (field.nativeType?.[0] === "Decimal") expect([column!.precision, column!.scale]).toEqual(args.map(Number));
        }
      });

      it("has no column the model does not declare", () => {
        const table = tableOf(model);
        const declared = new Set(model.fields.filter((f) => f.kind !== "object").map((f) => f.dbName ?? f.name));
        const actual = columns.filter((c) => c.table === table).map((c) => c.column);
        expect(actual.filter((c) => !declared.has(c))).toEqual([]);
      });

      it("has the declared primary key", () => {
        const table = tableOf(model);
        const pk = constraints.find((c) => c.table === table && c.type === "p");
        const declared = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
        expect(pk?.columns).toEqual(declared.map((f) => columnOf(model, f)));
      });

      it("has a unique index for every declared unique constraint", () => {
        const table = tableOf(model);
        const declared = [
          ...model.uniqueFields,
          ...model.fields.filter((f) => (f as DmmfField & { isUnique?: boolean }).isUnique).map((f) => [f.name]),
        ];
        for (const fields of declared) {
          const cols = fields.map((f) => columnOf(model, f));
          expect(uniqueIndexes.some((u) => u.table === table && JSON.stringify(u.columns) === JSON.stringify(cols)), `${table} unique (${cols})`).toBe(true);
        }
      });

      it("has a foreign key for every declared relation", () => {
        const table = tableOf(model);
        for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)) {
          const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
          const from = field.relationFromFields!.map((f) => columnOf(model, f));
          const to = field.relationToFields!.map((f) => columnOf(target, f));
          const fk = constraints.find((c) => c.table === table && c.type === "f" && JSON.stringify(c.columns) === JSON.stringify(from));
          expect(fk, `${table} FK (${from}) -> ${tableOf(target)}`).toBeDefined();
          expect(fk!.refTable).toBe(tableOf(target));
          expect(fk!.refColumns).toEqual(to);
        }
      });
    });
  }

  it("has no table without a model (apart from Prisma's bookkeeping)", () => {
    const modelled = new Set(dmmf.datamodel.models.map(tableOf));
    const tables = [...new Set(columns.map((c) => c.table))].filter((t) => t !== "_prisma_migrations");
    expect(tables.filter((t) => !modelled.has(t))).toEqual([]);
  });
});
