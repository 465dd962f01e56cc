-- Core tenant-owned tables of Continuum.
--
-- Rules every tenant table follows (docs/decisions/0003-tenancy.md):
--   * tenant_id leads the primary key, and every foreign key to another tenant table includes it;
--   * row-level security is ENABLED and FORCED with the policy tenant_id = app_tenant_id();
--   * indexes lead with tenant_id.

CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The tenant of the current transaction, set by the data layer with
-- set_config('app.tenant_id', <uuid>, true). NULL when unset (a reset custom setting reads as '').
CREATE FUNCTION app_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TYPE role AS ENUM (
  'SOCIAL_WORKER', 'NEWLY_QUALIFIED_SOCIAL_WORKER', 'SENIOR_PRACTITIONER', 'FAMILY_KEYWORKER',
  'SENIOR_FAMILY_KEYWORKER', 'CLINICIAN', 'ASSISTANT_TEAM_MANAGER', 'TEAM_MANAGER', 'HEAD_OF_SERVICE',
  'TENANT_ADMIN'
);
CREATE TYPE employment AS ENUM ('PERMANENT', 'AGENCY');
CREATE TYPE team_kind AS ENUM (
  'FRONT_DOOR', 'EARLY_HELP', 'MIXED', 'SOCIAL_WORK', 'CHILDREN_IN_CARE', 'CARE_LEAVERS', 'CLINICAL',
  'MANAGEMENT'
);
CREATE TYPE level AS ENUM (
  'EARLY_HELP', 'SUPPORT', 'CHILD_IN_NEED', 'CHILD_PROTECTION', 'LOOKED_AFTER', 'CARE_LEAVER'
);
CREATE TYPE case_status AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE person_kind AS ENUM ('CHILD', 'ADULT');
CREATE TYPE allocation_role AS ENUM ('LEAD', 'CO_WORKER', 'CLINICIAN');

CREATE TABLE tenant (
  tenant_id        uuid        NOT NULL DEFAULT gen_random_uuid(),
  name             text        NOT NULL,
  slug             text        NOT NULL,
  la_code          char(3)     NOT NULL,
  child_population integer     NOT NULL,
  settings         jsonb       NOT NULL DEFAULT '{}',
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT tenant_pkey PRIMARY KEY (tenant_id),
  CONSTRAINT tenant_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  CONSTRAINT tenant_la_code_check CHECK (la_code ~ '^[0-9]{3}$'),
  CONSTRAINT tenant_child_population_check CHECK (child_population > 0),
  CONSTRAINT tenant_settings_check CHECK (jsonb_typeof(settings) = 'object')
);
CREATE UNIQUE INDEX tenant_slug_key ON tenant (slug);

CREATE TABLE team (
  tenant_id  uuid      NOT NULL,
  id         uuid      NOT NULL DEFAULT gen_random_uuid(),
  name       text      NOT NULL,
  kind       team_kind NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT team_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT team_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id)
);
CREATE UNIQUE INDEX team_tenant_id_name_key ON team (tenant_id, name);

CREATE TABLE app_user (
  tenant_id          uuid       NOT NULL,
  id                 uuid       NOT NULL DEFAULT gen_random_uuid(),
  email              citext     NOT NULL,
  name               text       NOT NULL,
  password_hash      text       NOT NULL,
  role               role       NOT NULL,
  team_id            uuid,
  fte                numeric(3, 2) NOT NULL DEFAULT 1.0,
  employment         employment NOT NULL DEFAULT 'PERMANENT',
  caseload_cap       integer,
  active             boolean    NOT NULL DEFAULT true,
  failed_login_count integer    NOT NULL DEFAULT 0,
  locked_until       timestamptz(3),
  last_login_at      timestamptz(3),
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT app_user_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT app_user_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT app_user_team_id_fkey FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
  CONSTRAINT app_user_fte_check CHECK (fte > 0 AND fte <= 1),
  CONSTRAINT app_user_caseload_cap_check CHECK (caseload_cap IS NULL OR caseload_cap > 0),
  CONSTRAINT app_user_failed_login_count_check CHECK (failed_login_count >= 0)
);
CREATE UNIQUE INDEX app_user_tenant_id_email_key ON app_user (tenant_id, email);
CREATE INDEX app_user_tenant_id_team_id_idx ON app_user (tenant_id, team_id);

-- Which council an email address signs in to (docs/decisions/0005-sign-in.md). Not keyed by tenant:
-- the address is looked up before the tenant is known. A session sees only the row whose email it
-- has set in app.login_email, or the rows of its own tenant.
CREATE TABLE login_identity (
  email     citext NOT NULL,
  tenant_id uuid   NOT NULL,
  user_id   uuid   NOT NULL,
  CONSTRAINT login_identity_pkey PRIMARY KEY (email),
  CONSTRAINT login_identity_user_fkey FOREIGN KEY (tenant_id, user_id)
    REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX login_identity_tenant_id_user_id_key ON login_identity (tenant_id, user_id);

CREATE TABLE family (
  tenant_id  uuid NOT NULL,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  address    text,
  postcode   text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT family_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT family_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id)
);

CREATE TABLE person (
  tenant_id              uuid        NOT NULL,
  id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
  kind                   person_kind NOT NULL,
  first_name             text        NOT NULL,
  last_name              text        NOT NULL,
  date_of_birth          date,
  expected_date_of_birth date,
  sex                    char(1)     NOT NULL DEFAULT 'U',
  ethnicity              varchar(4),
  upn                    varchar(13),
  la_child_id            varchar(20),
  postcode               text,
  created_at             timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT person_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT person_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT person_sex_check CHECK (sex IN ('M', 'F', 'U')),
  CONSTRAINT person_upn_check CHECK (upn IS NULL OR upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
  CONSTRAINT person_la_child_id_check CHECK (la_child_id IS NULL OR la_child_id ~ '^[A-Za-z0-9]{1,20}$'),
  -- an unborn child has an expected date instead of a date of birth
  CONSTRAINT person_birth_check CHECK (
    kind = 'ADULT' OR date_of_birth IS NOT NULL OR expected_date_of_birth IS NOT NULL
  )
);
CREATE UNIQUE INDEX person_tenant_id_la_child_id_key ON person (tenant_id, la_child_id);
CREATE INDEX person_tenant_id_last_name_first_name_idx ON person (tenant_id, last_name, first_name);

CREATE TABLE family_member (
  tenant_id     uuid    NOT NULL,
  family_id     uuid    NOT NULL,
  person_id     uuid    NOT NULL,
  relationship  text    NOT NULL,
  is_main_carer boolean NOT NULL DEFAULT false,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT family_member_pkey PRIMARY KEY (tenant_id, family_id, person_id),
  CONSTRAINT family_member_family_fkey FOREIGN KEY (tenant_id, family_id) REFERENCES family (tenant_id, id),
  CONSTRAINT family_member_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX family_member_tenant_id_person_id_idx ON family_member (tenant_id, person_id);

CREATE TABLE person_relationship (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id         uuid NOT NULL,
  related_person_id uuid NOT NULL,
  relationship      text NOT NULL,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT person_relationship_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT person_relationship_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT person_relationship_related_fkey FOREIGN KEY (tenant_id, related_person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT person_relationship_not_self CHECK (person_id <> related_person_id)
);
CREATE UNIQUE INDEX person_relationship_tenant_id_person_id_related_person_id_key
  ON person_relationship (tenant_id, person_id, related_person_id);
CREATE INDEX person_relationship_tenant_id_related_person_id_idx ON person_relationship (tenant_id, related_person_id);

CREATE TABLE case_file (
  tenant_id      uuid        NOT NULL,
  id             uuid        NOT NULL DEFAULT gen_random_uuid(),
  reference      text        NOT NULL,
  family_id      uuid        NOT NULL,
  team_id        uuid,
  level          level       NOT NULL,
  status         case_status NOT NULL DEFAULT 'OPEN',
  opened_on      date        NOT NULL,
  closed_on      date,
  closure_reason varchar(3),
  version        integer     NOT NULL DEFAULT 1,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT case_file_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT case_file_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT case_file_family_fkey FOREIGN KEY (tenant_id, family_id) REFERENCES family (tenant_id, id),
  CONSTRAINT case_file_team_fkey FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
  CONSTRAINT case_file_closed_check CHECK (
    (status = 'OPEN' AND closed_on IS NULL AND closure_reason IS NULL)
    OR (status = 'CLOSED' AND closed_on IS NOT NULL AND closed_on >= opened_on)
  ),
  CONSTRAINT case_file_closure_reason_check CHECK (closure_reason IS NULL OR closure_reason ~ '^RC[1-9]$')
);
CREATE UNIQUE INDEX case_file_tenant_id_reference_key ON case_file (tenant_id, reference);
CREATE INDEX case_file_tenant_id_family_id_idx ON case_file (tenant_id, family_id);
CREATE INDEX case_file_tenant_id_team_id_status_idx ON case_file (tenant_id, team_id, status);

CREATE TABLE case_child (
  tenant_id  uuid NOT NULL,
  case_id    uuid NOT NULL,
  person_id  uuid NOT NULL,
  added_on   date NOT NULL,
  removed_on date,
  CONSTRAINT case_child_pkey PRIMARY KEY (tenant_id, case_id, person_id),
  CONSTRAINT case_child_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT case_child_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT case_child_dates_check CHECK (removed_on IS NULL OR removed_on >= added_on)
);
CREATE INDEX case_child_tenant_id_person_id_idx ON case_child (tenant_id, person_id);

CREATE TABLE allocation (
  tenant_id       uuid            NOT NULL,
  id              uuid            NOT NULL DEFAULT gen_random_uuid(),
  case_id         uuid            NOT NULL,
  worker_id       uuid            NOT NULL,
  role_on_case    allocation_role NOT NULL,
  start_date      date            NOT NULL,
  end_date        date,
  end_reason      text,
  override_reason text,
  created_by_id   uuid,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT allocation_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT allocation_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT allocation_worker_fkey FOREIGN KEY (tenant_id, worker_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT allocation_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT allocation_end_reason_check CHECK (end_date IS NULL OR end_reason IS NOT NULL)
);
CREATE INDEX allocation_tenant_id_worker_id_end_date_idx ON allocation (tenant_id, worker_id, end_date);
CREATE INDEX allocation_tenant_id_case_id_idx ON allocation (tenant_id, case_id);
-- a worker holds a case once at a time, and a case has at most one current lead
CREATE UNIQUE INDEX allocation_one_current_per_worker ON allocation (tenant_id, case_id, worker_id)
  WHERE end_date IS NULL;
CREATE UNIQUE INDEX allocation_one_current_lead ON allocation (tenant_id, case_id)
  WHERE end_date IS NULL AND role_on_case = 'LEAD';

CREATE TABLE audit_event (
  tenant_id   uuid      NOT NULL,
  id          bigserial NOT NULL,
  at          timestamptz(3) NOT NULL DEFAULT now(),
  actor_id    uuid,
  action      text      NOT NULL,
  entity_type text      NOT NULL,
  entity_id   text,
  case_id     uuid,
  person_id   uuid,
  details     jsonb     NOT NULL DEFAULT '{}',
  CONSTRAINT audit_event_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT audit_event_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id)
);
CREATE INDEX audit_event_tenant_id_person_id_at_idx ON audit_event (tenant_id, person_id, at);
CREATE INDEX audit_event_tenant_id_case_id_at_idx ON audit_event (tenant_id, case_id, at);
CREATE INDEX audit_event_tenant_id_at_idx ON audit_event (tenant_id, at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Row-level security, enabled and forced, on every tenant table.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant', 'team', 'app_user', 'family', 'person', 'family_member',
                           'person_relationship', 'case_file', 'case_child', 'allocation', 'audit_event']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END $$;

ALTER TABLE login_identity ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_identity FORCE ROW LEVEL SECURITY;
CREATE POLICY login_lookup ON login_identity FOR SELECT
  USING (email = nullif(current_setting('app.login_email', true), '')::citext);
CREATE POLICY tenant_isolation ON login_identity
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

-- The platform operator (creating councils, checking whether a database holds any) may list the
-- councils themselves, never anything inside them.
CREATE POLICY platform_operator_reads_tenants ON tenant FOR SELECT
  USING (current_setting('app.platform_operator', true) = 'on');
