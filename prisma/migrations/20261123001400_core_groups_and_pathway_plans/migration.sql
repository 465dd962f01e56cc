-- Two statutory timescales the product did not yet follow (timescales-and-kpis.md): the first core
-- group meeting of a child protection plan, within 10 working days of the initial conference, and the
-- care leaver's pathway plan, reviewed at least every 6 months.
CREATE TABLE cp_core_group (
  tenant_id     uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  cp_plan_id    uuid NOT NULL,
  meeting_date  date NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT cp_core_group_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT cp_core_group_plan_fkey FOREIGN KEY (tenant_id, cp_plan_id) REFERENCES cp_plan (tenant_id, id)
);
CREATE UNIQUE INDEX cp_core_group_tenant_id_cp_plan_id_meeting_date_key ON cp_core_group (tenant_id, cp_plan_id, meeting_date);

CREATE TABLE pathway_plan_review (
  tenant_id    uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id    uuid NOT NULL,
  review_date  date NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT pathway_plan_review_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT pathway_plan_review_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE UNIQUE INDEX pathway_plan_review_tenant_id_person_id_review_date_key ON pathway_plan_review (tenant_id, person_id, review_date);

ALTER TABLE cp_core_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE cp_core_group FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON cp_core_group USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE pathway_plan_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE pathway_plan_review FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pathway_plan_review USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
