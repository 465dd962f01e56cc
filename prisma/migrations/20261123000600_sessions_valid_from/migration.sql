-- Sessions that began before this moment have ended: set when a user chooses a new password through a
-- link, or is switched off (decision 0017). Null: every session still valid.
ALTER TABLE app_user ADD COLUMN sessions_valid_from timestamptz(3);
