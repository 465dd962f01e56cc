-- Signing out ends that session on the server too (decision 0005): sessions are signed tokens held by
-- the browser, so a copy of one taken before sign-out would otherwise stay valid until it expired.
-- Each sign-in gets an id; signing out records it here, and a request carrying it is refused.
-- Rows are needed only until the session would have expired anyway (expires_at).
CREATE TABLE ended_session (
  tenant_id  uuid NOT NULL,
  session_id uuid NOT NULL,
  user_id    uuid NOT NULL,
  ended_at   timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  CONSTRAINT ended_session_pkey PRIMARY KEY (tenant_id, session_id),
  CONSTRAINT ended_session_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT ended_session_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

ALTER TABLE ended_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE ended_session FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ended_session USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
