-- Restricted records (decision 0019): a family's records (the family, its people, its cases and all
-- they hold) can be restricted by a manager, e.g. when a parent works for the council. Only the
-- workers on its cases, the managers of the teams holding them, the head of service and the people
-- named here may then open them; everyone else sees only that a restricted record exists.
ALTER TABLE family
  ADD COLUMN restricted        boolean NOT NULL DEFAULT false,
  ADD COLUMN restricted_reason text,
  ADD COLUMN restricted_by     uuid,
  ADD COLUMN restricted_at     timestamptz(3),
  ADD CONSTRAINT family_restricted_by_fkey FOREIGN KEY (tenant_id, restricted_by) REFERENCES app_user (tenant_id, id),
  ADD CONSTRAINT family_restriction_check CHECK (NOT restricted OR (restricted_reason IS NOT NULL AND restricted_at IS NOT NULL));

-- restricted families are few: the search and the guards look them up through this index
CREATE INDEX family_tenant_id_restricted_idx ON family (tenant_id, id) WHERE restricted;

CREATE TABLE family_access (
  tenant_id  uuid NOT NULL,
  family_id  uuid NOT NULL,
  user_id    uuid NOT NULL,
  reason     text NOT NULL,
  granted_by uuid NOT NULL,
  granted_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT family_access_pkey PRIMARY KEY (tenant_id, family_id, user_id),
  CONSTRAINT family_access_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT family_access_family_fkey FOREIGN KEY (tenant_id, family_id) REFERENCES family (tenant_id, id),
  CONSTRAINT family_access_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT family_access_granted_by_fkey FOREIGN KEY (tenant_id, granted_by) REFERENCES app_user (tenant_id, id)
);

ALTER TABLE family_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_access FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON family_access USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
