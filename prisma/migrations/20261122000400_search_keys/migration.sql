-- Search keys as stored columns (docs/decisions/0011-search-and-merge.md, "Row-level security and
-- indexes"). Under row-level security PostgreSQL refuses to use an index for a condition whose
-- function is not LEAKPROOF applied to a column (lower(), dmetaphone(), the trigram % operator), so
-- the expression indexes of the previous migration were never used. The keys are computed once into
-- generated columns and searched with plain, leakproof text and date comparisons, which can use
-- ordinary B-tree indexes leading with tenant_id.

DROP INDEX person_full_name_trgm_idx;
DROP INDEX person_last_name_trgm_idx;
DROP INDEX person_last_name_metaphone_idx;
DROP INDEX person_first_name_metaphone_idx;
DROP INDEX person_postcode_idx;
DROP INDEX family_postcode_idx;

ALTER TABLE person
  ADD COLUMN first_name_key   text GENERATED ALWAYS AS (lower(first_name)) STORED,
  ADD COLUMN last_name_key    text GENERATED ALWAYS AS (lower(last_name)) STORED,
  ADD COLUMN first_name_sound text GENERATED ALWAYS AS (dmetaphone(first_name)) STORED,
  ADD COLUMN last_name_sound  text GENERATED ALWAYS AS (dmetaphone(last_name)) STORED,
  ADD COLUMN last_name_sound_alt text GENERATED ALWAYS AS (dmetaphone_alt(last_name)) STORED,
  ADD COLUMN postcode_key     text GENERATED ALWAYS AS (upper(replace(postcode, ' ', ''))) STORED;


CREATE INDEX person_tenant_id_first_name_key_idx ON person (tenant_id, first_name_key COLLATE "C");
CREATE INDEX person_tenant_id_last_name_sound_idx ON person (tenant_id, last_name_sound);
CREATE INDEX person_tenant_id_last_name_sound_alt_idx ON person (tenant_id, last_name_sound_alt);
CREATE INDEX person_tenant_id_first_name_sound_idx ON person (tenant_id, first_name_sound);
CREATE INDEX person_tenant_id_postcode_key_idx ON person (tenant_id, postcode_key);

ALTER TABLE family ADD COLUMN postcode_key text GENERATED ALWAYS AS (upper(replace(postcode, ' ', ''))) STORED;
CREATE INDEX family_tenant_id_postcode_key_idx ON family (tenant_id, postcode_key);
-- surname prefix with first-name initial in one index (typos keep their first letters)
CREATE INDEX person_tenant_id_last_first_key_idx ON person (tenant_id, last_name_key COLLATE "C", first_name_key COLLATE "C");
