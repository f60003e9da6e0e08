-- The seq of a resource's last splice, so that appending one needs no search of its splices.
ALTER TABLE resource ADD COLUMN splice_seq BIGINT NOT NULL DEFAULT 0;
