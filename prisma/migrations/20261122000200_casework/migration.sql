-- Casework: the front door (contacts and referrals), visits, the case summary, transitions between
-- levels, and per-tenant counters for human-readable references. Same tenancy rules as the core.

CREATE TYPE contact_decision AS ENUM ('NO_FURTHER_ACTION', 'ADVICE', 'EARLY_HELP', 'SUPPORT', 'REFERRAL');
CREATE TYPE visit_type AS ENUM ('HOME', 'STATUTORY', 'SCHOOL', 'OFFICE', 'VIRTUAL', 'PHONE');
CREATE TYPE transition_kind AS ENUM ('STEP_UP', 'STEP_DOWN', 'LEVEL_CHANGE', 'CLOSURE');
CREATE TYPE transition_status AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- Next number for references such as case WX-00123, per council.
CREATE TABLE tenant_counter (
  tenant_id uuid    NOT NULL,
  name      text    NOT NULL,
  value     integer NOT NULL DEFAULT 0,
  CONSTRAINT tenant_counter_pkey PRIMARY KEY (tenant_id, name),
  CONSTRAINT tenant_counter_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id)
);

-- A contact at the single front door, and its decision.
CREATE TABLE contact (
  tenant_id       uuid    NOT NULL,
  id              uuid    NOT NULL DEFAULT gen_random_uuid(),
  received_on     date    NOT NULL,
  source          varchar(2) NOT NULL,
  reason          text    NOT NULL,
  family_id       uuid,
  recorded_by_id  uuid    NOT NULL,
  decision        contact_decision,
  decision_on     date,
  decided_by_id   uuid,
  decision_note   text,
  case_id         uuid,
  idempotency_key uuid    NOT NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT contact_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT contact_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT contact_family_fkey FOREIGN KEY (tenant_id, family_id) REFERENCES family (tenant_id, id),
  CONSTRAINT contact_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT contact_decided_by_fkey FOREIGN KEY (tenant_id, decided_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT contact_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT contact_source_check CHECK (source IN ('1A','1B','1C','1D','2A','2B','3A','3B','3C','3D','3E','3F','4','5A','5B','5C','5D','6','7','8','9','10')),
  CONSTRAINT contact_decision_check CHECK (
    (decision IS NULL AND decision_on IS NULL AND decided_by_id IS NULL)
    OR (decision IS NOT NULL AND decision_on IS NOT NULL AND decided_by_id IS NOT NULL AND decision_on >= received_on)
  )
);
CREATE UNIQUE INDEX contact_tenant_id_idempotency_key_key ON contact (tenant_id, idempotency_key);
CREATE INDEX contact_tenant_id_decision_received_on_idx ON contact (tenant_id, decision, received_on);

CREATE TABLE contact_child (
  tenant_id  uuid NOT NULL,
  contact_id uuid NOT NULL,
  person_id  uuid NOT NULL,
  CONSTRAINT contact_child_pkey PRIMARY KEY (tenant_id, contact_id, person_id),
  CONSTRAINT contact_child_contact_fkey FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT contact_child_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX contact_child_tenant_id_person_id_idx ON contact_child (tenant_id, person_id);

-- A referral to children's social care for one child: the start of a CIN episode (CIN census
-- CINdetails). re_referral follows the DfE rule and links the earlier referral it was measured from.
CREATE TABLE cin_episode (
  tenant_id            uuid       NOT NULL,
  id                   uuid       NOT NULL DEFAULT gen_random_uuid(),
  person_id            uuid       NOT NULL,
  case_id              uuid       NOT NULL,
  contact_id           uuid,
  referral_date        date       NOT NULL,
  referral_source      varchar(2) NOT NULL,
  primary_need_code    varchar(2),
  re_referral          boolean    NOT NULL DEFAULT false,
  previous_episode_id  uuid,
  referral_nfa         boolean    NOT NULL DEFAULT false,
  closure_date         date,
  closure_reason       varchar(3),
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT cin_episode_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT cin_episode_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CONSTRAINT cin_episode_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT cin_episode_contact_fkey FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT cin_episode_previous_fkey FOREIGN KEY (tenant_id, previous_episode_id) REFERENCES cin_episode (tenant_id, id),
  CONSTRAINT cin_episode_source_check CHECK (referral_source IN ('1A','1B','1C','1D','2A','2B','3A','3B','3C','3D','3E','3F','4','5A','5B','5C','5D','6','7','8','9','10')),
  CONSTRAINT cin_episode_need_check CHECK (primary_need_code IS NULL OR primary_need_code ~ '^N[0-9]$'),
  CONSTRAINT cin_episode_closure_check CHECK (
    (closure_date IS NULL AND closure_reason IS NULL)
    OR (closure_date IS NOT NULL AND closure_date >= referral_date AND closure_reason ~ '^RC[1-9]$')
  )
);
CREATE INDEX cin_episode_tenant_id_person_id_referral_date_idx ON cin_episode (tenant_id, person_id, referral_date);
CREATE INDEX cin_episode_tenant_id_case_id_idx ON cin_episode (tenant_id, case_id);
CREATE INDEX cin_episode_tenant_id_referral_date_idx ON cin_episode (tenant_id, referral_date);

CREATE TABLE visit (
  tenant_id           uuid       NOT NULL,
  id                  uuid       NOT NULL DEFAULT gen_random_uuid(),
  case_id             uuid       NOT NULL,
  visited_at          timestamptz(3) NOT NULL,
  type                visit_type NOT NULL,
  others_present      text,
  note                text       NOT NULL,
  wishes_and_feelings text,
  significant         boolean    NOT NULL DEFAULT true,
  recorded_by_id      uuid       NOT NULL,
  idempotency_key     uuid       NOT NULL,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT visit_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT visit_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT visit_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES app_user (tenant_id, id)
);
CREATE UNIQUE INDEX visit_tenant_id_idempotency_key_key ON visit (tenant_id, idempotency_key);
CREATE INDEX visit_tenant_id_case_id_visited_at_idx ON visit (tenant_id, case_id, visited_at);

CREATE TABLE visit_child (
  tenant_id  uuid    NOT NULL,
  visit_id   uuid    NOT NULL,
  person_id  uuid    NOT NULL,
  seen_alone boolean NOT NULL DEFAULT false,
  CONSTRAINT visit_child_pkey PRIMARY KEY (tenant_id, visit_id, person_id),
  CONSTRAINT visit_child_visit_fkey FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  CONSTRAINT visit_child_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX visit_child_tenant_id_person_id_idx ON visit_child (tenant_id, person_id);

-- The case summary: every save is a new version; the primary key makes a stale save fail.
CREATE TABLE case_summary_version (
  tenant_id      uuid     NOT NULL,
  case_id        uuid     NOT NULL,
  version        integer  NOT NULL,
  purpose        text     NOT NULL,
  worries        text     NOT NULL,
  working_well   text     NOT NULL,
  next_steps     text     NOT NULL,
  safety_scale   smallint NOT NULL,
  saved_by_id    uuid     NOT NULL,
  saved_at       timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT case_summary_version_pkey PRIMARY KEY (tenant_id, case_id, version),
  CONSTRAINT case_summary_version_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT case_summary_version_saved_by_fkey FOREIGN KEY (tenant_id, saved_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT case_summary_version_version_check CHECK (version >= 1),
  CONSTRAINT case_summary_version_safety_check CHECK (safety_scale BETWEEN 0 AND 10)
);

-- A requested change of level (step-up, step-down, level change) or closure, and its decision.
CREATE TABLE transition (
  tenant_id              uuid              NOT NULL,
  id                     uuid              NOT NULL DEFAULT gen_random_uuid(),
  case_id                uuid              NOT NULL,
  kind                   transition_kind   NOT NULL,
  from_level             level             NOT NULL,
  to_level               level,
  status                 transition_status NOT NULL DEFAULT 'REQUESTED',
  reason                 text              NOT NULL,
  review_held_on         date,
  lead_professional_id   uuid,
  family_informed        boolean           NOT NULL DEFAULT false,
  new_worker_id          uuid,
  closure_reason         varchar(3),
  requested_by_id        uuid              NOT NULL,
  requested_at           timestamptz(3)    NOT NULL DEFAULT now(),
  decided_by_id          uuid,
  decided_at             timestamptz(3),
  decision_comment       text,
  effective_on           date,
  CONSTRAINT transition_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT transition_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT transition_lead_fkey FOREIGN KEY (tenant_id, lead_professional_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT transition_new_worker_fkey FOREIGN KEY (tenant_id, new_worker_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT transition_requested_by_fkey FOREIGN KEY (tenant_id, requested_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT transition_decided_by_fkey FOREIGN KEY (tenant_id, decided_by_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT transition_closure_check CHECK ((kind = 'CLOSURE') = (to_level IS NULL) AND (kind <> 'CLOSURE' OR closure_reason ~ '^RC[1-9]$')),
  CONSTRAINT transition_decision_check CHECK (
    (status IN ('REQUESTED', 'WITHDRAWN') AND decided_by_id IS NULL AND decided_at IS NULL)
    OR (status IN ('APPROVED', 'REJECTED') AND decided_by_id IS NOT NULL AND decided_at IS NOT NULL)
  )
);
CREATE INDEX transition_tenant_id_case_id_idx ON transition (tenant_id, case_id);
CREATE INDEX transition_tenant_id_status_idx ON transition (tenant_id, status);
-- at most one open request per case
CREATE UNIQUE INDEX transition_one_open_per_case ON transition (tenant_id, case_id) WHERE status = 'REQUESTED';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_counter', 'contact', 'contact_child', 'cin_episode', 'visit', 'visit_child',
                           'case_summary_version', 'transition']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END $$;
