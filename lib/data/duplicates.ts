// Likely existing records for a person about to be added (duplicate prevention at the front door).
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { judgeDuplicate } from "@/lib/domain/duplicates";
import type { Level } from "@/lib/domain/roles";

export type NewPersonDetails = { firstName: string; lastName: string; dateOfBirth?: string | null; upn?: string | null; laChildId?: string | null };

export type LikelyDuplicate = {
  id: string;
  name: string;
  dateOfBirth: string | null;
  age: number | null;
  postcode: string | null;
  laChildId: string | null;
  level: Level | null;
  caseReference: string | null;
  reasons: string[];
  /** set (with every other detail blank) when the match is a restricted record the user may not open: whom to ask */
  restricted?: string;
};

type Row = {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date | null;
  postcode: string | null;
  la_child_id: string | null;
  id_match: boolean;
  days_apart: number | null;
  swapped: boolean;
  similarity: number;
  last_sounds: boolean;
  first_matches: boolean;
  level: Level | null;
  reference: string | null;
};

export async function findLikelyDuplicatesInTx(tx: Tx, tenantId: string, p: NewPersonDetails): Promise<LikelyDuplicate[]> {
  const first = p.firstName.trim().toLowerCase();
  const last = p.lastName.trim().toLowerCase();
  const full = `${first} ${last}`;
  const dob = p.dateOfBirth || null;
  const upn = p.upn?.trim().toUpperCase() || null;
  const laId = p.laChildId?.trim().toUpperCase() || null;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT p.id, p.first_name, p.last_name, p.date_of_birth, p.postcode, p.la_child_id,
           ((${upn}::text IS NOT NULL AND p.upn = ${upn}::text) OR (${laId}::text IS NOT NULL AND p.la_child_id = ${laId}::text)) AS id_match,
           CASE WHEN ${dob}::date IS NULL OR p.date_of_birth IS NULL THEN NULL ELSE abs(p.date_of_birth - ${dob}::date) END AS days_apart,
           (${dob}::date IS NOT NULL AND p.date_of_birth IS NOT NULL
             AND extract(year FROM p.date_of_birth) = extract(year FROM ${dob}::date)
             AND extract(day FROM p.date_of_birth) = extract(month FROM ${dob}::date)
             AND extract(month FROM p.date_of_birth) = extract(day FROM ${dob}::date)) AS swapped,
           similarity(lower(p.first_name || ' ' || p.last_name), ${full})::float8 AS similarity,
           (dmetaphone(p.last_name) = dmetaphone(${last}) OR levenshtein(lower(p.last_name), ${last}) <= 2) AS last_sounds,
           (lower(p.first_name) = ${first} OR dmetaphone(p.first_name) = dmetaphone(${first}) OR levenshtein(lower(p.first_name), ${first}) <= 2
             OR lower(p.first_name) IN (SELECT v2.name FROM name_variant v1 JOIN name_variant v2 ON v2.group_no = v1.group_no WHERE v1.name = ${first})) AS first_matches,
           (SELECT c.level FROM case_child cc JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id
            WHERE cc.tenant_id = p.tenant_id AND cc.person_id = p.id AND c.status = 'OPEN' ORDER BY c.opened_on DESC LIMIT 1) AS level,
           (SELECT c.reference FROM case_child cc JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id
            WHERE cc.tenant_id = p.tenant_id AND cc.person_id = p.id ORDER BY c.opened_on DESC LIMIT 1) AS reference
    FROM person p
    WHERE p.tenant_id = ${tenantId}::uuid AND p.merged_into_id IS NULL AND p.kind = 'CHILD'
      AND ((${upn}::text IS NOT NULL AND p.upn = ${upn}::text)
        OR (${laId}::text IS NOT NULL AND p.la_child_id = ${laId}::text)
        OR (${dob}::date IS NOT NULL AND p.date_of_birth BETWEEN ${dob}::date - 366 AND ${dob}::date + 366
            AND (p.last_name_sound = dmetaphone(${last}) OR p.last_name_key = ${last} OR similarity(lower(p.first_name || ' ' || p.last_name), ${full}) >= 0.3)))
    LIMIT 200`;
  const today = todayInEngland();
  return rows
    .map((r) => ({
      r,
      verdict: judgeDuplicate({
        identifierMatch: r.id_match,
        dobDaysApart: r.days_apart,
        dobDayMonthSwapped: r.swapped,
        nameSimilarity: r.similarity,
        lastNameSoundsAlike: r.last_sounds,
        firstNameMatches: r.first_matches,
      }),
    }))
    .filter(({ verdict }) => verdict.likely)
    .sort((a, b) => Number(b.r.id_match) - Number(a.r.id_match) || (a.r.days_apart ?? 999) - (b.r.days_apart ?? 999) || b.r.similarity - a.r.similarity)
    .slice(0, 10)
    .map(({ r, verdict }) => {
      const dobIso = r.date_of_birth ? toIsoDate(r.date_of_birth) : null;
      return {
        id: r.id,
        name: `${r.first_name} ${r.last_name}`,
        dateOfBirth: dobIso,
        age: dobIso ? ageOn(dobIso, today) : null,
        postcode: r.postcode,
        laChildId: r.la_child_id,
        level: r.level,
        caseReference: r.reference,
        reasons: verdict.reasons,
      };
    });
}

export async function findLikelyDuplicates(ctx: Ctx, person: NewPersonDetails): Promise<LikelyDuplicate[]> {
  assertCan(ctx, "contact:record", "add people");
  return withTenant(ctx.tenantId, (tx) => findLikelyDuplicatesInTx(tx, ctx.tenantId, person));
}
