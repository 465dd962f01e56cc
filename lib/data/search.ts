// Finding people and families (docs/decisions/0011-search-and-merge.md): trigram similarity, double
// metaphone and nickname variants on names, dates of birth, identifiers and postcodes, ranked in one
// query that uses the tenant-leading indexes. Every search is audited.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { Prisma } from "@/lib/db/generated/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import type { Level } from "@/lib/domain/roles";
import { isEmptyQuery, parseSearchQuery, postcodeKeyRanges, type SearchQuery } from "@/lib/domain/search-query";
import { recordAudit } from "./audit";
import { refusedPeople, restrictionsFor, type RestrictedMatch } from "./restricted";

export type PersonResult = {
  id: string;
  kind: "CHILD" | "ADULT";
  name: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  age: number | null;
  postcode: string | null;
  laChildId: string | null;
  level: Level | null;
  caseId: string | null;
  caseReference: string | null;
  leadWorker: string | null;
  score: number;
};

export type FamilyResult = { id: string; name: string; postcode: string | null; openCaseLevel: Level | null; members: number };

/** A match the caller may not open (decision 0019): only that it exists, and whom to ask. */
export type { RestrictedMatch };

export type SearchResults = { query: SearchQuery; people: (PersonResult | RestrictedMatch)[]; families: (FamilyResult | RestrictedMatch)[] };

type Row = {
  id: string;
  kind: "CHILD" | "ADULT";
  first_name: string;
  last_name: string;
  date_of_birth: Date | null;
  expected_date_of_birth: Date | null;
  postcode: string | null;
  la_child_id: string | null;
  level: Level | null;
  case_id: string | null;
  reference: string | null;
  lead: string | null;
  score: number;
};

/**
 * A condition on a postcode key column for the start of a postcode ("WX1", "WX1 4"): the key ranges of
 * postcodeKeyRanges, which hold that district's postcodes and no other ("WX1" never matches
 * "WX10 1AB"). Plain comparisons, which are leakproof, so a B-tree index on the column serves them under
 * row-level security. (No length() or left() check on top: the planner guesses such a filter keeps
 * almost nothing, and then reads every family in the district to find one surname among them.)
 */
function postcodeStartCondition(column: Prisma.Sql, postcodeStart: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(
    postcodeKeyRanges(postcodeStart).map(([from, to]) => Prisma.sql`${column} BETWEEN ${from}::text AND ${to}::text`),
    " OR ",
  )})`;
}

/**
 * Ranked candidates for a parsed query. Candidates come only through indexed lookups, one per thing
 * typed (identifier, postcode, date of birth, trigram or metaphone name match), unioned; the score then
 * orders them: an identifier match first, then name closeness, nickname and sound-alike matches, date
 * of birth. Only the top rows get their current involvement looked up.
 */
export async function rankPeople(tx: Tx, tenantId: string, q: SearchQuery, limit: number): Promise<Row[]> {
  const sql = await rankPeopleSql(tx, tenantId, q, limit);
  return sql ? tx.$queryRaw<Row[]>(sql) : [];
}

/** The ranking statement (separate so that its plan can be inspected). */
export async function rankPeopleSql(tx: Tx, tenantId: string, q: SearchQuery, limit: number): Promise<Prisma.Sql | null> {
  const first = q.names.length > 1 ? q.names[0]!.toLowerCase() : null;
  const last = q.names.length > 0 ? q.names[q.names.length - 1]!.toLowerCase() : null;
  const single = q.names.length === 1 ? last : null;
  const full = q.names.length ? q.names.join(" ").toLowerCase() : null;
  const yearFrom = q.birthYear ? `${q.birthYear - 1}-01-01` : null;
  const yearTo = q.birthYear ? `${q.birthYear + 1}-12-31` : null;

  // Sounds of the typed names, worked out once, so the lookups below compare stored keys with plain
  // (leakproof) text equality and can use their indexes under row-level security.
  const sounds = (
    await tx.$queryRaw<{ last: string | null; last_alt: string | null; first: string | null }[]>`
      SELECT dmetaphone(${last}::text) AS last, dmetaphone_alt(${last}::text) AS last_alt, dmetaphone(coalesce(${first}::text, ${single}::text)) AS first`
  )[0]!;
  const prefix = (value: string, length: number) => {
    const start = value.slice(0, length);
    return { from: start, to: start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + 1) };
  };

  const t = Prisma.sql`p.tenant_id = ${tenantId}::uuid`;
  // a typed birth year narrows every branch, so a common surname's LIMIT is spent on that year's people
  const born = yearFrom ? Prisma.sql` AND coalesce(p.date_of_birth, p.expected_date_of_birth) BETWEEN ${yearFrom}::date AND ${yearTo}::date` : Prisma.empty;
  // so does a postcode district ("Smith WX1"): only people whose postcode is in it
  const district = q.postcodeStart ? Prisma.sql` AND ${postcodeStartCondition(Prisma.sql`p.postcode_key`, q.postcodeStart)}` : Prisma.empty;
  const branch = (where: Prisma.Sql) => Prisma.sql`(SELECT p.id FROM person p WHERE ${t} AND ${where}${born}${district} LIMIT 3000)`;
  const branches: Prisma.Sql[] = [];
  if (q.identifier) {
    branches.push(branch(Prisma.sql`p.upn = ${q.identifier}`));
    branches.push(branch(Prisma.sql`p.la_child_id = ${q.identifier}`));
  }
  if (q.postcode) branches.push(branch(Prisma.sql`p.postcode_key = ${q.postcode}`));
  if (q.dateOfBirth) branches.push(branch(Prisma.sql`p.date_of_birth BETWEEN ${q.dateOfBirth}::date - 31 AND ${q.dateOfBirth}::date + 31`));
  if (last && sounds.last) {
    branches.push(branch(Prisma.sql`p.last_name_sound = ${sounds.last}`));
    if (sounds.last_alt && sounds.last_alt !== sounds.last) branches.push(branch(Prisma.sql`p.last_name_sound_alt = ${sounds.last_alt}`));
  }
  if (first && last && last.length >= 2) {
    // typos that change how a surname sounds usually keep its first letters, and the first name's initial
    const p2 = prefix(last, 2);
    const p1 = prefix(first, 1);
    branches.push(
      branch(
        Prisma.sql`p.last_name_key COLLATE "C" >= ${p2.from} AND p.last_name_key COLLATE "C" < ${p2.to} AND p.first_name_key COLLATE "C" >= ${p1.from} AND p.first_name_key COLLATE "C" < ${p1.to}`,
      ),
    );
  }
  if (single && sounds.first) branches.push(branch(Prisma.sql`p.first_name_sound = ${sounds.first}`));
  if (first && last && sounds.first) {
    // a first name that sounds the same, with a surname that starts the same (Steven Tomson → Stephen Thompson)
    const p1 = prefix(last, 1);
    branches.push(branch(Prisma.sql`p.first_name_sound = ${sounds.first} AND p.last_name_key COLLATE "C" >= ${p1.from} AND p.last_name_key COLLATE "C" < ${p1.to}`));
  }
  if (yearFrom && !full && !q.identifier) branches.push(branch(Prisma.sql`p.date_of_birth BETWEEN ${yearFrom}::date AND ${yearTo}::date`));
  // a district with nothing else typed: the people living there, first by name (they all score the
  // same, so only the first page is fetched, not 3,000 to rank). OFFSET 0 keeps the district's own
  // index lookup: otherwise the planner may walk the whole council in name order looking for it.
  if (branches.length === 0 && q.postcodeStart) {
    branches.push(Prisma.sql`(SELECT d.id FROM (SELECT p.id, p.last_name, p.first_name FROM person p WHERE ${t}${district} AND p.merged_into_id IS NULL OFFSET 0) d
      ORDER BY d.last_name, d.first_name LIMIT ${limit})`);
  }
  if (branches.length === 0) return null;
  // a full postcode ranks its exact match first, then others in its district (a mistyped inward code)
  const outward = q.postcode ? q.postcode.slice(0, -3) : null;

  return Prisma.sql`
    WITH variants AS (
      SELECT v2.name FROM name_variant v1 JOIN name_variant v2 ON v2.group_no = v1.group_no
      WHERE v1.name = coalesce(${first}::text, ${single}::text)
    ),
    ids AS (${Prisma.join(branches, " UNION ")}),
    scored AS (
      SELECT c.*,
        (CASE WHEN ${q.identifier}::text IS NOT NULL AND (c.upn = ${q.identifier}::text OR c.la_child_id = ${q.identifier}::text) THEN 10 ELSE 0 END)
        + (CASE WHEN ${full}::text IS NULL THEN 0 ELSE similarity(lower(c.first_name || ' ' || c.last_name), ${full}::text) END)
        + (CASE WHEN ${last}::text IS NULL THEN 0
                WHEN lower(c.last_name) = ${last}::text THEN 0.6
                WHEN dmetaphone(c.last_name) = dmetaphone(${last}::text) THEN 0.4
                WHEN levenshtein(lower(c.last_name), ${last}::text) <= 2 THEN 0.3
                ELSE 0 END)
        + (CASE WHEN ${first}::text IS NULL THEN 0
                WHEN lower(c.first_name) = ${first}::text THEN 0.6
                WHEN lower(c.first_name) IN (SELECT name FROM variants) THEN 0.45
                WHEN dmetaphone(c.first_name) = dmetaphone(${first}::text) THEN 0.4
                WHEN levenshtein(lower(c.first_name), ${first}::text) <= 2 THEN 0.3
                ELSE 0 END)
        + (CASE WHEN ${single}::text IS NULL THEN 0
                WHEN lower(c.first_name) = ${single}::text THEN 0.5
                WHEN lower(c.first_name) IN (SELECT name FROM variants) THEN 0.4
                ELSE 0 END)
        + (CASE WHEN ${q.dateOfBirth}::date IS NULL THEN 0
                WHEN c.date_of_birth = ${q.dateOfBirth}::date THEN 1
                WHEN c.date_of_birth IS NOT NULL AND abs(c.date_of_birth - ${q.dateOfBirth}::date) <= 31 THEN 0.3
                WHEN extract(day FROM c.date_of_birth) = extract(month FROM ${q.dateOfBirth}::date)
                 AND extract(month FROM c.date_of_birth) = extract(day FROM ${q.dateOfBirth}::date)
                 AND extract(year FROM c.date_of_birth) = extract(year FROM ${q.dateOfBirth}::date) THEN 0.5
                ELSE -0.6 END)
        + (CASE WHEN ${q.birthYear}::int IS NOT NULL AND extract(year FROM coalesce(c.date_of_birth, c.expected_date_of_birth)) = ${q.birthYear}::int THEN 0.3 ELSE 0 END)
        + (CASE WHEN ${q.postcode}::text IS NULL THEN 0
                WHEN c.postcode_key = ${q.postcode}::text THEN 0.5
                WHEN length(c.postcode_key) = length(${q.postcode}::text) AND left(c.postcode_key, -3) = ${outward}::text THEN 0.2
                ELSE 0 END)
        -- everyone left is in a typed district (the branches are narrowed to it)
        + (CASE WHEN ${q.postcodeStart}::text IS NULL THEN 0 ELSE 0.3 END)
        AS score
      FROM person c JOIN ids ON ids.id = c.id
      WHERE c.tenant_id = ${tenantId}::uuid AND c.merged_into_id IS NULL
        -- a birth year narrows the search (a year either side, for a mistyped year)
        AND (${yearFrom}::date IS NULL OR coalesce(c.date_of_birth, c.expected_date_of_birth) BETWEEN ${yearFrom}::date AND ${yearTo}::date)
    ),
    top AS (SELECT * FROM scored WHERE score > 0.25 ORDER BY score DESC, last_name, first_name LIMIT ${limit})
    SELECT s.id, s.kind, s.first_name, s.last_name, s.date_of_birth, s.expected_date_of_birth, s.postcode, s.la_child_id,
           oc.level, oc.id AS case_id, oc.reference, oc.lead, s.score::float8 AS score
    FROM top s
    LEFT JOIN LATERAL (
      SELECT x.id, x.level, x.reference,
             (SELECT u.name FROM allocation a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
              WHERE a.tenant_id = s.tenant_id AND a.case_id = x.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD' LIMIT 1) AS lead
      FROM (
        -- the person's own open case, or their family's (two indexed lookups, not one OR)
        SELECT c.id, c.level, c.reference, c.opened_on FROM case_child cc
        JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id AND c.status = 'OPEN'
        WHERE cc.tenant_id = s.tenant_id AND cc.person_id = s.id AND cc.removed_on IS NULL
        UNION ALL
        SELECT c.id, c.level, c.reference, c.opened_on FROM family_member fm
        JOIN case_file c ON c.tenant_id = fm.tenant_id AND c.family_id = fm.family_id AND c.status = 'OPEN'
        WHERE fm.tenant_id = s.tenant_id AND fm.person_id = s.id
      ) x
      ORDER BY x.opened_on DESC LIMIT 1
    ) oc ON true
    ORDER BY s.score DESC, s.last_name, s.first_name`;
}

async function rankFamilies(tx: Tx, tenantId: string, q: SearchQuery): Promise<FamilyResult[]> {
  const last = q.names.length === 1 ? q.names[0]!.toLowerCase() : null;
  // a district narrows to the families living there; typed without a name, it finds them
  const inDistrict = q.postcodeStart ? postcodeStartCondition(Prisma.sql`f.postcode_key`, q.postcodeStart) : null;
  const wanted: Prisma.Sql[] = [];
  if (q.postcode) wanted.push(Prisma.sql`SELECT f.id FROM family f WHERE f.tenant_id = ${tenantId}::uuid AND f.postcode_key = ${q.postcode}::text`);
  if (last) {
    // (COLLATE "C" so the surname lookup uses the person_tenant_id_last_first_key index)
    wanted.push(Prisma.sql`SELECT m.family_id FROM person p JOIN family_member m ON m.tenant_id = p.tenant_id AND m.person_id = p.id
      WHERE p.tenant_id = ${tenantId}::uuid AND p.merged_into_id IS NULL AND p.last_name_key COLLATE "C" = ${last}::text`);
  }
  if (inDistrict && q.names.length === 0 && wanted.length === 0) wanted.push(Prisma.sql`SELECT f.id FROM family f WHERE f.tenant_id = ${tenantId}::uuid AND ${inDistrict}`);
  if (wanted.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; name: string; postcode: string | null; level: Level | null; members: number }[]>`
    WITH wanted (id) AS (${Prisma.join(wanted, " UNION ")})
    SELECT f.id, f.name, f.postcode,
           (SELECT c.level FROM case_file c WHERE c.tenant_id = f.tenant_id AND c.family_id = f.id AND c.status = 'OPEN' ORDER BY c.opened_on DESC LIMIT 1) AS level,
           (SELECT count(*)::int FROM family_member m WHERE m.tenant_id = f.tenant_id AND m.family_id = f.id) AS members
    FROM family f JOIN wanted w ON w.id = f.id
    WHERE f.tenant_id = ${tenantId}::uuid${inDistrict ? Prisma.sql` AND ${inDistrict}` : Prisma.empty}
    ORDER BY f.name LIMIT 10`;
  return rows.map((r) => ({ id: r.id, name: r.name, postcode: r.postcode, openCaseLevel: r.level, members: r.members }));
}

export async function searchPeople(ctx: Ctx, text: string, options: { limit?: number } = {}): Promise<SearchResults> {
  assertCan(ctx, "search:people", "search for people");
  const query = parseSearchQuery(text);
  if (isEmptyQuery(query)) return { query, people: [], families: [] };
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    const rows = await rankPeople(tx, ctx.tenantId, query, options.limit ?? 25);
    const families = await rankFamilies(tx, ctx.tenantId, query);
    await recordAudit(tx, ctx, { action: "search.performed", entityType: "search", details: { query: query.text, results: rows.length } });
    // people in a restricted family, and restricted families, that the caller may not open: only that they match
    const hiddenPeople = await refusedPeople(tx, ctx, rows.map((r) => r.id));
    const restrictions = await restrictionsFor(tx, ctx, families.map((f) => f.id));
    const hiddenFamily = (familyId: string): RestrictedMatch | null => {
      const r = restrictions.get(familyId);
      return r && !r.access ? { restricted: true, familyId, message: r.message } : null;
    };
    return {
      query,
      families: families.map((f) => hiddenFamily(f.id) ?? f),
      people: rows.map((r) => {
        const hidden = hiddenPeople.get(r.id);
        if (hidden) return hidden;
        const dob = r.date_of_birth ? toIsoDate(r.date_of_birth) : null;
        return {
          id: r.id,
          kind: r.kind,
          name: `${r.first_name} ${r.last_name}`,
          dateOfBirth: dob,
          expectedDateOfBirth: r.expected_date_of_birth ? toIsoDate(r.expected_date_of_birth) : null,
          age: dob ? ageOn(dob, today) : null,
          postcode: r.postcode,
          laChildId: r.la_child_id,
          level: r.level,
          caseId: r.case_id,
          caseReference: r.reference,
          leadWorker: r.lead,
          score: Math.round(r.score * 100) / 100,
        };
      }),
    };
  });
}
