-- Tenant administrators manage their council's users (decision 0017).
--
-- updated_at: the version an administrator's edit form was loaded at, so two administrators editing
-- one user cannot silently overwrite each other.
ALTER TABLE app_user ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now();

-- A one-time link for a user to choose their password: made by an administrator when the user is
-- added (INVITE) or has forgotten it (RESET). Only a SHA-256 of the secret is kept; the link itself is
-- shown once to the administrator. Used or replaced links stop working.
CREATE TYPE password_link_purpose AS ENUM ('INVITE', 'RESET');

CREATE TABLE password_link (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL,
  purpose     password_link_purpose NOT NULL,
  token_hash  char(64) NOT NULL,
  created_by  uuid,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  expires_at  timestamptz(3) NOT NULL,
  used_at     timestamptz(3),
  revoked_at  timestamptz(3),
  CONSTRAINT password_link_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT password_link_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT password_link_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  CONSTRAINT password_link_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id)
);
CREATE UNIQUE INDEX password_link_tenant_id_token_hash_key ON password_link (tenant_id, token_hash);
CREATE INDEX password_link_tenant_id_user_id_idx ON password_link (tenant_id, user_id);

ALTER TABLE password_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON password_link USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
