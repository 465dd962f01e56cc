-- Child-level statutory records (CIN census and SSDA903): assessments, section 47 enquiries, child
-- protection plans and their reviews, CIN plans, periods of care with their SSDA903 episodes,
-- looked-after reviews and health assessments. Dates that are rules (targets, due dates) are derived
-- by lib/domain/timescales.ts, never stored.

CREATE TYPE abuse_category AS ENUM ('NEG', 'PHY', 'SAB', 'EMO', 'MUL');
CREATE TYPE health_assessment_kind AS ENUM ('INITIAL', 'REVIEW');

ALTER TABLE person ADD COLUMN disabilities text[] NOT NULL DEFAULT '{}';
ALTER TABLE person ADD CONSTRAINT person_disabilities_check
  CHECK (disabilities <@ ARRAY['NONE','MOB','HAND','PC','INC','COMM','LD','HEAR','VIS','BEH','CON','AUT','DDA']::text[]);

CREATE TABLE assessment (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL,
  case_id          uuid NOT NULL,
  cin_episode_id   uuid,
  start_date       date NOT NULL,
  authorised_date  date,
  factors          text[] NOT NULL DEFAULT '{}',
  recorded_by_id   uuid NOT NULL,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT assessment_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT assessment_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT assessment_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT assessment_episode_fkey FOREIGN KEY (tenant_id, cin_episode_id) REFERENCES cin_episode (tenant_id, id),
  CONSTRAINT assessment_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT assessment_dates_check CHECK (authorised_date IS NULL OR authorised_date >= start_date),
  -- the 2025-26 census factor codes (18A and 19A are queried by DfE and not used)
  CONSTRAINT assessment_factors_check CHECK (factors <@ ARRAY['1A','1B','1C','2A','2B','2C','3A','3B','3C','4A','4B','4C','5A','5B','5C','6A','6B','6C','7A','8B','8C','8D','8E','8F','9A','10A','11A','12A','13A','14A','15A','16A','17A','18B','18C','19B','19C','20','21','22A','23A','24A']::text[])
);
CREATE INDEX assessment_tenant_id_person_id_idx ON assessment (tenant_id, person_id);
CREATE INDEX assessment_tenant_id_case_id_idx ON assessment (tenant_id, case_id);
CREATE INDEX assessment_tenant_id_authorised_date_idx ON assessment (tenant_id, authorised_date);

CREATE TABLE section47 (
  tenant_id                 uuid    NOT NULL,
  id                        uuid    NOT NULL DEFAULT gen_random_uuid(),
  person_id                 uuid    NOT NULL,
  case_id                   uuid    NOT NULL,
  cin_episode_id            uuid,
  strategy_discussion_date  date    NOT NULL,
  start_date                date    NOT NULL,
  icpc_date                 date,
  icpc_not_required         boolean NOT NULL DEFAULT false,
  recorded_by_id            uuid    NOT NULL,
  created_at                timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT section47_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT section47_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT section47_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT section47_episode_fkey FOREIGN KEY (tenant_id, cin_episode_id) REFERENCES cin_episode (tenant_id, id),
  CONSTRAINT section47_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT section47_dates_check CHECK (start_date >= strategy_discussion_date AND (icpc_date IS NULL OR icpc_date >= start_date)),
  CONSTRAINT section47_conference_check CHECK (NOT (icpc_not_required AND icpc_date IS NOT NULL))
);
CREATE INDEX section47_tenant_id_person_id_idx ON section47 (tenant_id, person_id);
CREATE INDEX section47_tenant_id_case_id_idx ON section47 (tenant_id, case_id);
CREATE INDEX section47_tenant_id_icpc_date_idx ON section47 (tenant_id, icpc_date);

CREATE TABLE cp_plan (
  tenant_id         uuid           NOT NULL,
  id                uuid           NOT NULL DEFAULT gen_random_uuid(),
  person_id         uuid           NOT NULL,
  case_id           uuid           NOT NULL,
  cin_episode_id    uuid,
  start_date        date           NOT NULL,
  end_date          date,
  initial_category  abuse_category NOT NULL,
  latest_category   abuse_category NOT NULL,
  recorded_by_id    uuid           NOT NULL,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT cp_plan_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT cp_plan_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT cp_plan_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT cp_plan_episode_fkey FOREIGN KEY (tenant_id, cin_episode_id) REFERENCES cin_episode (tenant_id, id),
  CONSTRAINT cp_plan_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT cp_plan_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
  -- a child is on one plan at a time
  CONSTRAINT cp_plan_no_overlap EXCLUDE USING gist (tenant_id WITH =, person_id WITH =, daterange(start_date, end_date, '[)') WITH &&)
);
CREATE INDEX cp_plan_tenant_id_person_id_idx ON cp_plan (tenant_id, person_id);
CREATE INDEX cp_plan_tenant_id_case_id_idx ON cp_plan (tenant_id, case_id);
CREATE INDEX cp_plan_tenant_id_start_date_idx ON cp_plan (tenant_id, start_date);

CREATE TABLE cp_review (
  tenant_id    uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  cp_plan_id   uuid NOT NULL,
  review_date  date NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT cp_review_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT cp_review_plan_fkey FOREIGN KEY (tenant_id, cp_plan_id) REFERENCES cp_plan (tenant_id, id)
);
CREATE UNIQUE INDEX cp_review_tenant_id_cp_plan_id_review_date_key ON cp_review (tenant_id, cp_plan_id, review_date);

CREATE TABLE cin_plan (
  tenant_id       uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id       uuid NOT NULL,
  case_id         uuid NOT NULL,
  cin_episode_id  uuid,
  start_date      date NOT NULL,
  end_date        date,
  recorded_by_id  uuid NOT NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT cin_plan_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT cin_plan_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT cin_plan_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT cin_plan_episode_fkey FOREIGN KEY (tenant_id, cin_episode_id) REFERENCES cin_episode (tenant_id, id),
  CONSTRAINT cin_plan_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT cin_plan_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT cin_plan_no_overlap EXCLUDE USING gist (tenant_id WITH =, person_id WITH =, daterange(start_date, end_date, '[)') WITH &&)
);
CREATE INDEX cin_plan_tenant_id_person_id_idx ON cin_plan (tenant_id, person_id);
CREATE INDEX cin_plan_tenant_id_case_id_idx ON cin_plan (tenant_id, case_id);

-- A period of care (looked after from start to end) and its SSDA903 episodes: a new episode at every
-- change of legal status or placement, no gaps or overlaps (lib/domain/placements.ts).
CREATE TABLE care_period (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id         uuid NOT NULL,
  case_id           uuid NOT NULL,
  start_date        date NOT NULL,
  end_date          date,
  reason_ended      varchar(4),
  category_of_need  varchar(2),
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT care_period_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT care_period_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT care_period_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT care_period_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT care_period_ended_check CHECK ((end_date IS NULL) = (reason_ended IS NULL)),
  CONSTRAINT care_period_need_check CHECK (category_of_need IS NULL OR category_of_need ~ '^N[1-8]$'),
  CONSTRAINT care_period_no_overlap EXCLUDE USING gist (tenant_id WITH =, person_id WITH =, daterange(start_date, end_date, '[)') WITH &&)
);
CREATE INDEX care_period_tenant_id_person_id_idx ON care_period (tenant_id, person_id);
CREATE INDEX care_period_tenant_id_case_id_idx ON care_period (tenant_id, case_id);
CREATE INDEX care_period_tenant_id_start_date_idx ON care_period (tenant_id, start_date);

CREATE TABLE care_episode (
  tenant_id            uuid NOT NULL,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  care_period_id       uuid NOT NULL,
  person_id            uuid NOT NULL,
  start_date           date NOT NULL,
  end_date             date,
  legal_status         varchar(2) NOT NULL,
  reason_new_episode   char(1) NOT NULL,
  place                varchar(3) NOT NULL,
  provider             varchar(3),
  carer_id             uuid,
  reason_place_change  varchar(6),
  end_planned          boolean,
  home_postcode        text,
  placement_postcode   text,
  urn                  varchar(8),
  weekly_cost          numeric(10, 2),
  avoided_agency       boolean NOT NULL DEFAULT false,
  intended_until_18    boolean NOT NULL DEFAULT false,
  temporary_approval   boolean NOT NULL DEFAULT false,
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT care_episode_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT care_episode_period_fkey FOREIGN KEY (tenant_id, care_period_id) REFERENCES care_period (tenant_id, id),
  CONSTRAINT care_episode_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT care_episode_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT care_episode_rne_check CHECK (reason_new_episode IN ('S', 'L', 'P', 'T', 'B', 'U')),
  CONSTRAINT care_episode_cost_check CHECK (weekly_cost IS NULL OR weekly_cost >= 0),
  CONSTRAINT care_episode_no_overlap EXCLUDE USING gist (tenant_id WITH =, person_id WITH =, daterange(start_date, end_date, '[)') WITH &&)
);
CREATE INDEX care_episode_tenant_id_person_id_idx ON care_episode (tenant_id, person_id);
CREATE INDEX care_episode_tenant_id_care_period_id_idx ON care_episode (tenant_id, care_period_id);
CREATE INDEX care_episode_tenant_id_carer_id_idx ON care_episode (tenant_id, carer_id);

CREATE TABLE la_review (
  tenant_id       uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id       uuid NOT NULL,
  care_period_id  uuid NOT NULL,
  review_date     date NOT NULL,
  review_code     varchar(3),
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT la_review_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT la_review_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT la_review_period_fkey FOREIGN KEY (tenant_id, care_period_id) REFERENCES care_period (tenant_id, id),
  CONSTRAINT la_review_code_check CHECK (review_code IS NULL OR review_code ~ '^PN[0-7]$')
);
CREATE UNIQUE INDEX la_review_tenant_id_person_id_review_date_key ON la_review (tenant_id, person_id, review_date);

CREATE TABLE health_assessment (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL,
  kind             health_assessment_kind NOT NULL,
  assessment_date  date NOT NULL,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT health_assessment_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT health_assessment_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE UNIQUE INDEX health_assessment_tenant_id_person_id_assessment_date_key ON health_assessment (tenant_id, person_id, assessment_date);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assessment', 'section47', 'cp_plan', 'cp_review', 'cin_plan', 'care_period', 'care_episode', 'la_review', 'health_assessment']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END $$;
