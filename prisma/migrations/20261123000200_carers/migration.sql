-- Carers and providers: in-house foster households, independent fostering agencies and residential
-- providers, with where they are (decision 0015: coordinates stored with the postcode, no online
-- lookup) and their usual weekly rates. A placement (care_episode) names its carer, and records
-- where the child's home and the placement are, so distance and "out of area" need no lookup.
CREATE TYPE carer_kind AS ENUM ('FOSTER_HOUSEHOLD', 'FOSTERING_AGENCY', 'RESIDENTIAL');

CREATE TABLE carer (
  tenant_id          uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  kind               carer_kind NOT NULL,
  name               text NOT NULL,
  -- SSDA903 PLACE_PROVIDER code of placements with this carer (PR1 in-house, PR4 private, …)
  provider           varchar(3) NOT NULL,
  -- children the household is approved for (foster households); null for agencies and homes
  approved_places    integer,
  age_from           integer,
  age_to             integer,
  on_hold            boolean NOT NULL DEFAULT false,
  postcode           text NOT NULL,
  latitude           double precision NOT NULL,
  longitude          double precision NOT NULL,
  -- the 3-digit DfE code of the local authority the carer lives in
  la_code            char(3) NOT NULL,
  usual_weekly_rate  numeric(10, 2),
  urn                varchar(8),
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT carer_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT carer_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id),
  CONSTRAINT carer_provider_check CHECK (provider ~ '^PR[0-5]$'),
  CONSTRAINT carer_places_check CHECK (approved_places IS NULL OR approved_places BETWEEN 0 AND 12),
  CONSTRAINT carer_ages_check CHECK (age_from IS NULL OR age_to IS NULL OR (age_from BETWEEN 0 AND 17 AND age_to BETWEEN age_from AND 17)),
  CONSTRAINT carer_household_check CHECK (kind <> 'FOSTER_HOUSEHOLD' OR (approved_places IS NOT NULL AND age_from IS NOT NULL AND age_to IS NOT NULL)),
  CONSTRAINT carer_rate_check CHECK (usual_weekly_rate IS NULL OR usual_weekly_rate >= 0),
  CONSTRAINT carer_latitude_check CHECK (latitude BETWEEN 49 AND 61),
  CONSTRAINT carer_longitude_check CHECK (longitude BETWEEN -9 AND 3)
);
CREATE INDEX carer_tenant_id_kind_idx ON carer (tenant_id, kind);

ALTER TABLE care_episode
  ADD COLUMN home_latitude double precision,
  ADD COLUMN home_longitude double precision,
  ADD COLUMN placement_latitude double precision,
  ADD COLUMN placement_longitude double precision,
  ADD COLUMN placement_la_code char(3),
  ADD CONSTRAINT care_episode_carer_fkey FOREIGN KEY (tenant_id, carer_id) REFERENCES carer (tenant_id, id);

ALTER TABLE carer ENABLE ROW LEVEL SECURITY;
ALTER TABLE carer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON carer USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
