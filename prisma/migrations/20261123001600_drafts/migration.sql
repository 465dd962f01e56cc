-- Drafts (decision 0023): what a practitioner is typing into a visit or the case summary, kept on the
-- server a few seconds after they stop typing, so a closed tab, a crash or a lost connection loses
-- nothing. One draft per person, case and form; only its author reads it (the data layer keys every
-- read by user_id; RLS keeps it inside the council). Not part of the child's record: sending the form
-- deletes it in the same transaction as the save, and a draft untouched for 30 days is deleted.
CREATE TYPE draft_kind AS ENUM ('VISIT', 'SUMMARY');

CREATE TABLE draft (
  tenant_id    uuid NOT NULL,
  user_id      uuid NOT NULL,
  case_id      uuid NOT NULL,
  kind         draft_kind NOT NULL,
  fields       jsonb NOT NULL,
  -- the summary version the text was typed against, so a stale draft is refused on send like a stale form
  base_version integer,
  updated_at   timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT draft_pkey PRIMARY KEY (tenant_id, user_id, case_id, kind),
  CONSTRAINT draft_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT draft_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT draft_case_fkey FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  CONSTRAINT draft_fields_check CHECK (jsonb_typeof(fields) = 'object'),
  -- the application allows 50 kB; this is only a backstop (jsonb's text adds spaces)
  CONSTRAINT draft_fields_size_check CHECK (octet_length(fields::text) <= 100000),
  CONSTRAINT draft_base_version_check CHECK (base_version IS NULL OR (kind = 'SUMMARY' AND base_version >= 0))
);

-- the nightly clean-up of drafts older than 30 days
CREATE INDEX draft_tenant_id_updated_at_idx ON draft (tenant_id, updated_at);
-- deleting a case's drafts when its form is sent is by the primary key; this serves the case's foreign key
CREATE INDEX draft_tenant_id_case_id_idx ON draft (tenant_id, case_id);

ALTER TABLE draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON draft USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
