-- API secret keys are stored sealed (AES-256-GCM under a key kept in a file outside the database, see
-- SecretSeal). secret_key keeps the plain text of keys written before, until each is first read and
-- sealed in its place.
ALTER TABLE api_key ADD COLUMN sealed_key VARCHAR(512);
ALTER TABLE api_key ALTER COLUMN secret_key DROP NOT NULL;
