-- The long ordered lists of some resources (a security group's rules) live here rather than in the
-- resource's document: as a log of splices (at position at_index, `removed` elements give way to the
-- JSON array `items`), applied in seq order to empty lists. A change to one rule then writes one small
-- row instead of the whole list; the store compacts a resource's log into fresh rows when it grows
-- long. The rows belong to the resource row of the same ID and go with it.
CREATE TABLE resource_splice (
  resource_id VARCHAR(64) NOT NULL,
  seq         BIGINT      NOT NULL,
  list_name   VARCHAR(32) NOT NULL,
  at_index    INT         NOT NULL,
  removed     INT         NOT NULL,
  items       VARCHAR     NOT NULL,
  PRIMARY KEY (resource_id, seq)
);
