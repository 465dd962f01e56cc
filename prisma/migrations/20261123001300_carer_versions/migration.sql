-- Carers and providers can be changed after they are added (approval, ages, rate, where they are).
--
-- updated_at: the version an edit form was loaded at, so two people changing one carer cannot
-- silently overwrite each other (as app_user.updated_at, 20261123000300_user_admin).
ALTER TABLE carer ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now();

-- Where a carer or placement is: the 3-digit DfE code of an English local authority, or the SSDA903
-- code of an area outside England (WAL Wales, SCO Scotland, NIR Northern Ireland, NUK outside the
-- UK), where a placement has no Ofsted URN.
ALTER TABLE carer ADD CONSTRAINT carer_la_code_check CHECK (la_code ~ '^([0-9]{3}|WAL|SCO|NIR|NUK)$');
ALTER TABLE care_episode ADD CONSTRAINT care_episode_placement_la_code_check CHECK (placement_la_code IS NULL OR placement_la_code ~ '^([0-9]{3}|WAL|SCO|NIR|NUK)$');
