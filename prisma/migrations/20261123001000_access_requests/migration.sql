-- Requests to open a restricted family's records (decision 0019): a worker who finds that a restricted
-- record exists asks, with a reason; a manager who may name people for that family grants (naming
-- them in family_access) or declines with a note. One open request per worker and family.
CREATE TYPE access_request_status AS ENUM ('PENDING', 'GRANTED', 'DECLINED', 'CLOSED');

CREATE TABLE access_request (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  family_id      uuid NOT NULL,
  requested_by   uuid NOT NULL,
  reason         text NOT NULL,
  requested_at   timestamptz(3) NOT NULL DEFAULT now(),
  status         access_request_status NOT NULL DEFAULT 'PENDING',
  decided_by     uuid,
  decided_at     timestamptz(3),
  decision_note  text,
  CONSTRAINT access_request_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT access_request_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT access_request_family_fkey FOREIGN KEY (tenant_id, family_id) REFERENCES family (tenant_id, id),
  CONSTRAINT access_request_requested_by_fkey FOREIGN KEY (tenant_id, requested_by) REFERENCES app_user (tenant_id, id),
  CONSTRAINT access_request_decided_by_fkey FOREIGN KEY (tenant_id, decided_by) REFERENCES app_user (tenant_id, id),
  CONSTRAINT access_request_reason_check CHECK (btrim(reason) <> ''),
  -- decided requests say when; a declined one says why
  CONSTRAINT access_request_decision_check CHECK ((status = 'PENDING') = (decided_at IS NULL) AND (status <> 'DECLINED' OR decision_note IS NOT NULL))
);

CREATE UNIQUE INDEX access_request_one_pending_idx ON access_request (tenant_id, family_id, requested_by) WHERE status = 'PENDING';
CREATE INDEX access_request_tenant_id_status_idx ON access_request (tenant_id, status, family_id);
CREATE INDEX access_request_tenant_id_requested_by_idx ON access_request (tenant_id, requested_by, family_id);

ALTER TABLE access_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_request FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON access_request USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
