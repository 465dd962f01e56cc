// Human-readable references, numbered per council from tenant_counter: case "KM-00151", LA child id
// "KM000151".
// Call inside the transaction that uses the reference, so a rolled-back case gives its number back
// and two transactions can never take the same one (the counter row is locked by the UPDATE until the
// transaction ends).
import "server-only";
import type { Tx } from "@/lib/db/tenant";

const CASE_COUNTER = "case";
/** PREFIX-digits, as the seed writes them (prisma/seed/build.ts: `${casePrefix}-00001`). */
const REFERENCE_PATTERN = "^[A-Z]{1,4}-[0-9]{1,9}$";

/**
 * The council's case reference prefix: the one its existing references use (the demo councils' WX,
 * TB, KM), or, for a council without any yet, the first two letters of its slug upper-cased.
 */
async function casePrefix(tx: Tx, tenantId: string): Promise<string> {
  // the unique index (tenant_id, reference) answers this without a scan
  const [latest] = await tx.$queryRaw<{ prefix: string }[]>`
    SELECT substring(reference FROM '^([A-Z]{1,4})-') AS prefix FROM case_file
    WHERE tenant_id = ${tenantId}::uuid AND reference ~ ${REFERENCE_PATTERN}
    ORDER BY reference DESC LIMIT 1`;
  if (latest?.prefix) return latest.prefix;
  const [tenant] = await tx.$queryRaw<{ slug: string }[]>`SELECT slug FROM tenant WHERE tenant_id = ${tenantId}::uuid`;
  const letters = (tenant?.slug ?? "").replace(/[^a-z]/gi, "").toUpperCase();
  return letters.slice(0, 2).padEnd(2, "X");
}

/** Takes the next value of a counter, creating the row (starting at `start`) the first time. */
async function nextCounterValue(tx: Tx, tenantId: string, name: string, start: () => Promise<number>): Promise<number> {
  const bump = () => tx.$queryRaw<{ value: number }[]>`
    UPDATE tenant_counter SET value = value + 1 WHERE tenant_id = ${tenantId}::uuid AND name = ${name} RETURNING value`;
  let [row] = await bump();
  if (!row) {
    // Two first callers may both get here: the second insert waits for the first and then does
    // nothing, and its UPDATE then waits for the row lock and counts on from the first.
    const initial = await start();
    await tx.$executeRaw`
      INSERT INTO tenant_counter (tenant_id, name, value) VALUES (${tenantId}::uuid, ${name}, ${initial})
      ON CONFLICT (tenant_id, name) DO NOTHING`;
    [row] = await bump();
  }
  if (!row) throw new Error(`Counter ${name} could not be created`);
  return row.value;
}

/**
 * The next case reference for the council, e.g. "KM-00151". The counter starts above the highest
 * number any existing reference of this shape carries (the seed's, or ones loaded from an earlier
 * system), and a number that is somehow taken already is skipped rather than reused.
 */
export async function nextCaseReference(tx: Tx, tenantId: string): Promise<string> {
  const prefix = await casePrefix(tx, tenantId);
  const highestExisting = async () => {
    const [row] = await tx.$queryRaw<{ highest: number | null }[]>`
      SELECT max(substring(reference FROM '-([0-9]+)$')::int) AS highest FROM case_file
      WHERE tenant_id = ${tenantId}::uuid AND reference ~ ${REFERENCE_PATTERN}`;
    return row?.highest ?? 0;
  };
  for (;;) {
    const value = await nextCounterValue(tx, tenantId, CASE_COUNTER, highestExisting);
    const reference = `${prefix}-${String(value).padStart(5, "0")}`;
    const taken = await tx.case.findFirst({ where: { tenantId, reference }, select: { id: true } });
    if (!taken) return reference;
  }
}

const LA_CHILD_ID_COUNTER = "la_child_id";

/**
 * The next LA child id for a child the council records, written as its existing ones are: the case
 * reference prefix and a zero-padded number, as both seeds write them (prisma/seed/build.ts
 * `WX000123`, lib/db/scale-seed.ts `SC0000123`), with as many digits as the council's latest such id
 * (6 when it has none). Numbered from the council's counter, which starts above the highest number of
 * that shape any child holds; an id that is somehow taken already (typed in by hand) is skipped. The
 * unique index (tenant_id, la_child_id) stays the last word.
 */
export async function nextLaChildId(tx: Tx, tenantId: string): Promise<string> {
  const prefix = await casePrefix(tx, tenantId);
  // the prefix is letters only (casePrefix), so it needs no escaping in the pattern
  const pattern = `^${prefix}[0-9]{6,9}$`;
  // the unique index (tenant_id, la_child_id) answers this by reading back from the end
  const [latest] = await tx.$queryRaw<{ la_child_id: string }[]>`
    SELECT la_child_id FROM person WHERE tenant_id = ${tenantId}::uuid AND la_child_id ~ ${pattern} ORDER BY la_child_id DESC LIMIT 1`;
  const digits = latest ? latest.la_child_id.length - prefix.length : 6;
  const highestExisting = async () => {
    const [row] = await tx.$queryRaw<{ highest: bigint | number | null }[]>`
      SELECT max(substring(la_child_id FROM '[0-9]+$')::bigint) AS highest FROM person WHERE tenant_id = ${tenantId}::uuid AND la_child_id ~ ${pattern}`;
    return Number(row?.highest ?? 0);
  };
  for (;;) {
    const value = await nextCounterValue(tx, tenantId, LA_CHILD_ID_COUNTER, highestExisting);
    const id = `${prefix}${String(value).padStart(digits, "0")}`;
    // one a person typed in another case (the form saves capitals, older records may not) is taken too
    const taken = await tx.person.findFirst({ where: { tenantId, laChildId: { equals: id, mode: "insensitive" } }, select: { id: true } });
    if (!taken) return id;
  }
}
