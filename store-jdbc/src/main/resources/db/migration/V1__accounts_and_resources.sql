-- Accounts and their API keys.
CREATE TABLE account (
  app_id       BIGINT PRIMARY KEY,
  owner_uin    VARCHAR(32)  NOT NULL UNIQUE,
  name         VARCHAR(128) NOT NULL,
  created_time TIMESTAMP    NOT NULL
);

CREATE TABLE api_key (
  secret_id    VARCHAR(64)  PRIMARY KEY,
  secret_key   VARCHAR(128) NOT NULL,
  app_id       BIGINT       NOT NULL REFERENCES account (app_id),
  created_time TIMESTAMP    NOT NULL
);

-- One row per account and region: its revision counter, whose row lock serialises the writers of
-- that scope, also across servers sharing the database.
CREATE TABLE scope (
  app_id   BIGINT      NOT NULL,
  region   VARCHAR(64) NOT NULL,
  revision BIGINT      NOT NULL,
  PRIMARY KEY (app_id, region)
);

-- Every resource as a JSON document, by its globally unique ID.
CREATE TABLE resource (
  id     VARCHAR(64) PRIMARY KEY,
  app_id BIGINT      NOT NULL,
  region VARCHAR(64) NOT NULL,
  kind   VARCHAR(64) NOT NULL,
  body   VARCHAR     NOT NULL
);
CREATE INDEX resource_scope ON resource (app_id, region);

-- Unique keys the database guarantees, e.g. a private address within a VPC.
CREATE TABLE claim (
  namespace VARCHAR(128) NOT NULL,
  claim_key VARCHAR(128) NOT NULL,
  owner     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (namespace, claim_key)
);
