-- A social worker's Social Work England registration number ("SW" and digits). The SSDA903 return
-- identifies each looked-after child's social worker by it (SWEpisodes.SW_ID); null for workers who
-- are not registered social workers, or whose number has not been recorded.
ALTER TABLE app_user ADD COLUMN swe_registration varchar(12);
ALTER TABLE app_user ADD CONSTRAINT app_user_swe_registration_check CHECK (swe_registration IS NULL OR swe_registration ~ '^SW[0-9]+$');
