// The body of npm run seed:scale: a large council generated in SQL with generate_series (half a million
// people in seconds), deterministically (setseed + ordered generation, no parallel plans, and the ids
// that order rows derived from their number rather than random), through the
// application role inside the council's own transaction.
import { Faker, base, en, en_GB } from "@faker-js/faker";
import type pg from "pg";
import { hashPassword } from "../auth/password";
import type { ScaleProfile } from "./scale-profiles";

export async function seedScale(client: pg.ClientBase, slug: string, p: ScaleProfile, log: (line: string) => void = () => {}, today = new Date().toISOString().slice(0, 10)): Promise<string> {
  const f = new Faker({ locale: [en_GB, en, base] });
  f.seed(20_261_122);
  const firstNames = [...new Set(Array.from({ length: 1000 }, () => f.person.firstName()))].slice(0, 300);
  const lastNames = [...new Set(Array.from({ length: 2000 }, () => f.person.lastName()))].slice(0, 600);
  const passwordHash = await hashPassword("Continuum-demo-2026");
  const step = async (label: string, sql: string, params: unknown[]) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
    await client.query("SELECT set_config('app.platform_operator', 'on', true)");
    const found = await client.query("SELECT 1 FROM tenant WHERE slug = $1", [slug]);
    if (found.rowCount) throw new Error(`A council with slug ${slug} already exists. Scale data goes into a new council: choose another slug.`);
    const t = (await client.query<{ id: string }>("SELECT gen_random_uuid()::text AS id")).rows[0]!.id;
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [t]);
    await client.query("SELECT setseed(0.42)");

    // LA codes are unique: fictional ones from 993 up (the demo councils are 990 to 992)
    const code = (await client.query<{ code: string }>("SELECT lpad(c::text, 3, '0') AS code FROM generate_series(993, 999) c WHERE lpad(c::text, 3, '0') NOT IN (SELECT la_code FROM tenant) ORDER BY c LIMIT 1")).rows[0]?.code;
    if (!code) throw new Error("Every fictional LA code from 993 to 999 is taken by a council already: scale data goes into a new council, so remove an old scale council first.");
    await step("council", `INSERT INTO tenant (tenant_id, name, slug, la_code, child_population, settings) VALUES ($1, $2, $3, $4, $5, '{}')`, [t, `${p.name} (${slug})`, slug, code, p.childPopulation]);
    await step(
      "teams",
      `INSERT INTO team (tenant_id, name, kind)
       SELECT $1, 'Team ' || lpad(i::text, 3, '0'), (ARRAY['MIXED','MIXED','SOCIAL_WORK','CHILDREN_IN_CARE','EARLY_HELP','CARE_LEAVERS','SOCIAL_WORK'])[1 + (i % 7)]::team_kind
       FROM generate_series(1, $2) i`,
      [t, p.teams],
    );
    await step(
      "practitioners",
      `WITH teams AS (SELECT id, kind, row_number() OVER (ORDER BY name) AS n FROM team WHERE tenant_id = $1)
       INSERT INTO app_user (tenant_id, email, name, password_hash, role, team_id, fte, employment)
       SELECT $1, 'worker' || i || '@' || $3 || '.example', ($4::text[])[1 + (i % 300)] || ' ' || ($5::text[])[1 + ((i * 7) % 600)], $6,
              (CASE WHEN t.kind = 'EARLY_HELP' OR i % 4 = 0 THEN 'FAMILY_KEYWORKER' WHEN i % 9 = 0 THEN 'NEWLY_QUALIFIED_SOCIAL_WORKER'
                    WHEN i % 11 = 0 THEN 'SENIOR_PRACTITIONER' ELSE 'SOCIAL_WORKER' END)::role,
              t.id, CASE WHEN i % 8 = 0 THEN 0.6 ELSE 1.0 END, (CASE WHEN i % 5 = 0 THEN 'AGENCY' ELSE 'PERMANENT' END)::employment
       FROM generate_series(1, $2) i JOIN teams t ON t.n = 1 + (i % $7)`,
      [t, p.practitioners, slug, firstNames, lastNames, passwordHash, p.teams],
    );
    await step(
      "managers",
      `INSERT INTO app_user (tenant_id, email, name, password_hash, role, team_id)
       SELECT $1, CASE WHEN m = 1 THEN 'tm' ELSE 'atm' END || row_number() OVER (PARTITION BY m ORDER BY tm.name) || '@' || $2 || '.example',
              'Manager, ' || tm.name, $3, (CASE WHEN m = 1 THEN 'TEAM_MANAGER' ELSE 'ASSISTANT_TEAM_MANAGER' END)::role, tm.id
       FROM team tm CROSS JOIN generate_series(1, 2) m WHERE tm.tenant_id = $1
       UNION ALL SELECT $1, 'hos@' || $2 || '.example', 'Head of Service', $3, 'HEAD_OF_SERVICE'::role, NULL`,
      [t, slug, passwordHash],
    );
    await step("sign-in directory", `INSERT INTO login_identity (email, tenant_id, user_id) SELECT email, tenant_id, id FROM app_user WHERE tenant_id = $1`, [t]);
    await step(
      "families",
      `INSERT INTO family (tenant_id, id, name, postcode)
       SELECT $1, md5('family:' || i)::uuid, ($3::text[])[1 + floor(random() * 600)::int] || ' family', 'SC' || (1 + i % 40) || ' ' || (i % 10) || chr(65 + (i % 26)) || chr(65 + ((i / 26) % 26))
       FROM generate_series(1, $2) i`,
      [t, p.families, lastNames],
    );
    // people: each belongs to a family (children first, then parents)
    await client.query(
      `CREATE TEMP TABLE gen_person ON COMMIT DROP AS
       WITH fam AS (SELECT id, name, postcode, row_number() OVER (ORDER BY name, postcode, id) AS n FROM family WHERE tenant_id = $1)
       SELECT md5('person:' || i)::uuid AS id, i, fam.id AS family_id, fam.postcode, split_part(fam.name, ' family', 1) AS last_name, i <= $2 AS child
       FROM generate_series(1, $3) i JOIN fam ON fam.n = 1 + (i % $4)`,
      [t, p.children, p.people, p.families],
    );
    // the planner needs statistics for tables filled in this transaction (temp tables are ours to analyze)
    await client.query("ANALYZE gen_person");
    await step(
      "people",
      `INSERT INTO person (tenant_id, id, kind, first_name, last_name, date_of_birth, sex, ethnicity, la_child_id, upn, postcode)
       SELECT $1, g.id, (CASE WHEN g.child THEN 'CHILD' ELSE 'ADULT' END)::person_kind, ($2::text[])[1 + floor(random() * 300)::int], g.last_name,
              CASE WHEN g.child THEN $3::date - floor(random() * 365 * (18 + $4))::int ELSE $3::date - (floor(random() * 365 * 30)::int + 365 * 20) END,
              CASE WHEN random() < 0.5 THEN 'M' ELSE 'F' END,
              CASE WHEN g.child THEN (ARRAY['WBRI','WBRI','WBRI','WBRI','WBRI','WOTH','MWBC','AIND','APKN','BAFR','BCRB','CHNE','OOTH'])[1 + floor(random() * 13)::int] END,
              CASE WHEN g.child THEN 'SC' || lpad(g.i::text, 7, '0') END,
              NULL, g.postcode
       FROM gen_person g ORDER BY g.i`,
      [t, firstNames, today, p.years],
    );
    await step(
      "family membership",
      `INSERT INTO family_member (tenant_id, family_id, person_id, relationship, is_main_carer)
       SELECT $1, family_id, id, CASE WHEN child THEN 'CHILD' ELSE 'MOTHER' END, NOT child FROM gen_person ORDER BY i`,
      [t],
    );
    // cases over the years of history: the most recent openCases are still open
    await client.query(
      `CREATE TEMP TABLE gen_case ON COMMIT DROP AS
       WITH fam AS (SELECT family_id, row_number() OVER (ORDER BY family_id) AS n FROM (SELECT DISTINCT family_id FROM gen_person WHERE child) x),
            workers AS (SELECT id, team_id, role, row_number() OVER (ORDER BY email) AS n FROM app_user WHERE tenant_id = $1 AND role IN ('SOCIAL_WORKER','NEWLY_QUALIFIED_SOCIAL_WORKER','SENIOR_PRACTITIONER','FAMILY_KEYWORKER')),
            nw AS (SELECT count(*) AS c FROM workers),
            nf AS (SELECT count(*) AS c FROM fam)
       SELECT md5('case:' || i)::uuid AS id, i, fam.family_id, w.id AS worker_id, w.team_id,
              (CASE WHEN w.role = 'FAMILY_KEYWORKER' THEN (ARRAY['EARLY_HELP','SUPPORT','SUPPORT'])[1 + (i % 3)]
                    ELSE (ARRAY['CHILD_IN_NEED','CHILD_IN_NEED','CHILD_IN_NEED','CHILD_PROTECTION','LOOKED_AFTER','CARE_LEAVER'])[1 + (i % 6)] END)::level AS level,
              i <= $2 AS open,
              CASE WHEN i <= $2 THEN $3::date - floor(random() * 700)::int ELSE $3::date - 200 - floor(random() * (365 * $4 - 200))::int END AS opened_on,
              30 + floor(random() * 300)::int AS lasted,
              (ARRAY['RC7','RC7','RC7','RC8','RC9','RC5'])[1 + floor(random() * 6)::int] AS reason
       FROM generate_series(1, $5) i, nw, nf
       JOIN fam ON true JOIN workers w ON true
       WHERE fam.n = 1 + ((i * 7919) % nf.c) AND w.n = 1 + (i % nw.c)`,
      [t, p.openCases, today, p.years, p.cases],
    );
    await client.query(`ALTER TABLE gen_case ADD COLUMN closed_on date, ADD COLUMN closure_reason text`);
    await client.query(`UPDATE gen_case SET closed_on = LEAST(opened_on + lasted, $1::date), closure_reason = reason WHERE NOT open`, [today]);
    await client.query("ANALYZE gen_case");
    await client.query(
      `CREATE TEMP TABLE gen_case_child ON COMMIT DROP AS
       SELECT DISTINCT c.id AS case_id, g.id AS person_id, c.opened_on, c.closed_on, c.closure_reason, c.level, c.open, c.i
       FROM gen_case c JOIN gen_person g ON g.family_id = c.family_id AND g.child`,
    );
    await client.query("ANALYZE gen_case_child");
    await step(
      "cases",
      `INSERT INTO case_file (tenant_id, id, reference, family_id, team_id, level, status, opened_on, closed_on, closure_reason)
       SELECT $1, id, 'SC-' || lpad(i::text, 7, '0'), family_id, team_id, level, (CASE WHEN open THEN 'OPEN' ELSE 'CLOSED' END)::case_status,
              opened_on, closed_on, closure_reason
       FROM gen_case ORDER BY i`,
      [t],
    );
    await step("case children", `INSERT INTO case_child (tenant_id, case_id, person_id, added_on) SELECT $1, case_id, person_id, opened_on FROM gen_case_child ORDER BY i, person_id`, [t]);
    await step(
      "allocations",
      `INSERT INTO allocation (tenant_id, case_id, worker_id, role_on_case, start_date, end_date, end_reason)
       SELECT $1, id, worker_id, 'LEAD', opened_on, closed_on, CASE WHEN closed_on IS NOT NULL THEN 'Case closed' END FROM gen_case ORDER BY i`,
      [t],
    );
    await step(
      "contacts",
      `INSERT INTO contact (tenant_id, received_on, source, reason, family_id, recorded_by_id, decision, decision_on, decided_by_id, case_id, idempotency_key)
       SELECT $1, c.opened_on - 1, (ARRAY['2A','3A','3B','6','1A','5D','8','4'])[1 + floor(random() * 8)::int], 'Concerns reported', c.family_id, c.worker_id,
              (CASE WHEN c.level IN ('EARLY_HELP','SUPPORT') THEN c.level::text ELSE 'REFERRAL' END)::contact_decision, c.opened_on, c.worker_id, c.id, gen_random_uuid()
       FROM gen_case c ORDER BY c.i`,
      [t],
    );
    await step(
      "referrals (CIN episodes)",
      `INSERT INTO cin_episode (tenant_id, person_id, case_id, referral_date, referral_source, primary_need_code, closure_date, closure_reason)
       SELECT $1, person_id, case_id, opened_on, '2A', (ARRAY['N1','N1','N1','N2','N3','N4','N5','N6','N7','N8'])[1 + floor(random() * 10)::int],
              closed_on, closure_reason
       FROM gen_case_child WHERE level IN ('CHILD_IN_NEED','CHILD_PROTECTION','LOOKED_AFTER') ORDER BY i, person_id`,
      [t],
    );
    await step(
      "assessments",
      `INSERT INTO assessment (tenant_id, person_id, case_id, cin_episode_id, start_date, authorised_date, factors, recorded_by_id)
       SELECT $1, e.person_id, e.case_id, e.id, e.referral_date + 1,
              CASE WHEN e.referral_date + 60 < $2::date THEN e.referral_date + 10 + floor(random() * 60)::int END, ARRAY['3B','4B'], c.worker_id
       FROM cin_episode e JOIN gen_case c ON c.id = e.case_id WHERE e.tenant_id = $1 ORDER BY c.i, e.person_id`,
      [t, today],
    );
    // one row per child on a plan, dates drawn once, so the s47 and the plan agree without a join
    await client.query("ANALYZE cin_episode");
    await client.query(
      `CREATE TEMP TABLE gen_cp ON COMMIT DROP AS
       SELECT cc.case_id, cc.person_id, cc.opened_on, cc.closed_on, g.worker_id, cc.i, e.id AS episode,
              GREATEST(cc.opened_on + 2, LEAST(cc.opened_on + 16 + floor(random() * 10)::int, coalesce(cc.closed_on, $2::date))) AS icpc
       FROM cin_episode e
       JOIN gen_case_child cc ON cc.case_id = e.case_id AND cc.person_id = e.person_id
       JOIN gen_case g ON g.id = cc.case_id
       WHERE e.tenant_id = $1 AND cc.level = 'CHILD_PROTECTION' ORDER BY cc.i, cc.person_id`,
      [t, today],
    );
    await step(
      "s47 enquiries",
      `INSERT INTO section47 (tenant_id, person_id, case_id, cin_episode_id, strategy_discussion_date, start_date, icpc_date, recorded_by_id)
       SELECT $1, person_id, case_id, episode, opened_on + 2, opened_on + 2, icpc, worker_id FROM gen_cp ORDER BY i, person_id`,
      [t],
    );
    await step(
      "CP plans",
      `INSERT INTO cp_plan (tenant_id, person_id, case_id, cin_episode_id, start_date, end_date, initial_category, latest_category, recorded_by_id)
       SELECT $1, person_id, case_id, episode, icpc, closed_on, 'NEG', 'NEG', worker_id
       FROM gen_cp WHERE closed_on IS NULL OR closed_on > icpc ORDER BY i, person_id`,
      [t],
    );
    await step(
      "periods of care and placements",
      `WITH la AS (
         INSERT INTO care_period (tenant_id, person_id, case_id, start_date, end_date, reason_ended, category_of_need)
         SELECT $1, person_id, case_id, LEAST(opened_on + 10, coalesce(closed_on, $2::date)), closed_on, CASE WHEN closed_on IS NOT NULL THEN 'E4A' END, 'N1'
         FROM gen_case_child WHERE level = 'LOOKED_AFTER' ORDER BY i, person_id
         RETURNING id, person_id, start_date, end_date
       )
       INSERT INTO care_episode (tenant_id, care_period_id, person_id, start_date, end_date, legal_status, reason_new_episode, place, provider, weekly_cost)
       SELECT $1, id, person_id, start_date, end_date, 'C2', 'S', (ARRAY['U1','U3','U6','K2'])[1 + floor(random() * 4)::int],
              (ARRAY['PR1','PR1','PR4','PR4'])[1 + floor(random() * 4)::int], (ARRAY[300, 320, 850, 4200])[1 + floor(random() * 4)::int]
       FROM la`,
      [t, today],
    );
    // Carers: in-house households (12 a team, 1–3 places each) around the county, agencies and homes
    // further out, some in other authorities. Positions come from md5 of a name, so they repeat.
    const unit = (key: string) => `(abs(('x' || substr(md5(${key}), 1, 8))::bit(32)::int) / 2147483648.0)`;
    await step(
      "carers",
      `INSERT INTO carer (tenant_id, id, kind, name, provider, approved_places, age_from, age_to, postcode, latitude, longitude, la_code, usual_weekly_rate)
       SELECT $1::uuid, md5('carer:' || i)::uuid, 'FOSTER_HOUSEHOLD'::carer_kind, 'Household ' || lpad(i::text, 4, '0'), 'PR1', 1 + (i % 3),
              (ARRAY[0, 0, 5, 11])[1 + (i % 4)], (ARRAY[17, 4, 12, 17])[1 + (i % 4)], 'CX' || (1 + i % 40) || ' ' || (1 + i % 9) || 'AB', 
              52.2 + (${unit("'lat:' || i")} - 0.5) * 0.8, -1.5 + (${unit("'lon:' || i")} - 0.5) * 1.2, $3::char(3), 300 + (i % 5) * 10
       FROM generate_series(1, $2) i
       UNION ALL
       SELECT $1::uuid, md5('agency:' || i)::uuid, CASE WHEN i <= 12 THEN 'FOSTERING_AGENCY' ELSE 'RESIDENTIAL' END::carer_kind,
              CASE WHEN i <= 12 THEN 'Fostering agency ' || i ELSE 'Children''s home ' || (i - 12) END, 'PR4', NULL, NULL, NULL, 'CY' || i || ' 1AB',
              52.2 + (${unit("'alat:' || i")} - 0.5) * 2.5, -1.5 + (${unit("'alon:' || i")} - 0.5) * 3, (ARRAY[$3::char(3), '855', '925'])[1 + (i % 3)],
              CASE WHEN i <= 12 THEN 850 ELSE 4200 END
       FROM generate_series(1, 20) i`,
      [t, p.teams * 12, code],
    );
    // Each placement with a carer of its kind: open in-house ones fill the households' places in turn
    // (never more children than places), past ones are spread over them; agency and residential ones
    // go round the agencies and homes. The child's home is near the county's middle.
    await step(
      "placements' carers and distances",
      `WITH ep AS (
         SELECT e.id, e.person_id,
                CASE WHEN e.place = 'K2' THEN 'HOME' WHEN e.provider = 'PR1' THEN (CASE WHEN e.end_date IS NULL THEN 'OPEN' ELSE 'PAST' END) ELSE 'AGENCY' END AS grp,
                row_number() OVER (PARTITION BY CASE WHEN e.place = 'K2' THEN 'HOME' WHEN e.provider = 'PR1' THEN (CASE WHEN e.end_date IS NULL THEN 'OPEN' ELSE 'PAST' END) ELSE 'AGENCY' END
                                   ORDER BY e.person_id, e.start_date) AS k
         FROM care_episode e WHERE e.tenant_id = $1
       ), slots AS (
         SELECT c.id, row_number() OVER (ORDER BY c.name, s) AS k FROM carer c CROSS JOIN LATERAL generate_series(1, c.approved_places) s
         WHERE c.tenant_id = $1 AND c.kind = 'FOSTER_HOUSEHOLD'
       ), households AS (
         SELECT id, row_number() OVER (ORDER BY name) AS k, count(*) OVER () AS n FROM carer WHERE tenant_id = $1 AND kind = 'FOSTER_HOUSEHOLD'
       ), others AS (
         SELECT id, kind, row_number() OVER (PARTITION BY kind ORDER BY name) AS k, count(*) OVER (PARTITION BY kind) AS n FROM carer WHERE tenant_id = $1 AND kind <> 'FOSTER_HOUSEHOLD'
       ), chosen AS (
         SELECT ep.id, ep.person_id, coalesce(sl.id, h.id, o.id) AS carer_id
         FROM ep
         LEFT JOIN slots sl ON ep.grp = 'OPEN' AND sl.k = ep.k
         LEFT JOIN households h ON ep.grp = 'PAST' AND h.k = 1 + (ep.k - 1) % h.n
         LEFT JOIN others o ON (ep.grp = 'AGENCY' AND o.kind = 'FOSTERING_AGENCY' OR ep.grp = 'HOME' AND o.kind = 'RESIDENTIAL') AND o.k = 1 + (ep.k - 1) % o.n
       )
       UPDATE care_episode e
       SET carer_id = ch.carer_id,
           home_latitude = 52.2 + (${unit("'home:' || ch.person_id")} - 0.5) * 0.7,
           home_longitude = -1.5 + (${unit("'homel:' || ch.person_id")} - 0.5) * 1.0,
           placement_latitude = c.latitude, placement_longitude = c.longitude, placement_la_code = c.la_code,
           placement_postcode = c.postcode, weekly_cost = coalesce(c.usual_weekly_rate, e.weekly_cost)
       FROM chosen ch LEFT JOIN carer c ON c.tenant_id = $1 AND c.id = ch.carer_id
       WHERE e.tenant_id = $1 AND e.id = ch.id`,
      [t],
    );
    await client.query(
      `CREATE TEMP TABLE gen_visit ON COMMIT DROP AS
       SELECT md5('visit:' || c.i || ':' || v)::uuid AS id, c.id AS case_id, c.worker_id, c.i, v
       FROM gen_case c CROSS JOIN generate_series(1, $1) v WHERE c.open`,
      [p.visitsPerOpenCase],
    );
    await client.query("ANALYZE gen_visit");
    await step(
      "visits",
      `INSERT INTO visit (tenant_id, id, case_id, visited_at, type, note, significant, recorded_by_id, idempotency_key)
       SELECT $1, id, case_id, ($2::date - floor(random() * 120)::int)::timestamptz + interval '10 hours', (ARRAY['HOME','HOME','STATUTORY','SCHOOL','VIRTUAL'])[1 + floor(random() * 5)::int]::visit_type,
              'Visit note', random() < 0.8, worker_id, gen_random_uuid()
       FROM gen_visit ORDER BY i, v`,
      [t, today],
    );
    await step(
      "children seen",
      `INSERT INTO visit_child (tenant_id, visit_id, person_id, seen_alone)
       SELECT $1, v.id, cc.person_id, random() < 0.5 FROM gen_visit v JOIN gen_case_child cc ON cc.case_id = v.case_id ORDER BY v.i, v.v, cc.person_id`,
      [t],
    );
    await client.query("COMMIT");
    return t;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
