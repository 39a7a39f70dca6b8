-- Projects module (issue 4, item 2): the park's enterprises placed on industry-chain links, so the
-- chain map shows 龙头/配套 firms next to projects and target investors and the 补链 gaps stand out.
-- enterprise_id points at the enterprise module's enterprises table (created by a later migration,
-- so no foreign key here); the service checks the enterprise belongs to the link's park.
CREATE TABLE chain_link_enterprises (
  park_id BIGINT NOT NULL,
  link_id BIGINT NOT NULL REFERENCES chain_links(id),
  enterprise_id BIGINT NOT NULL,
  role TEXT NOT NULL DEFAULT '',                    -- e.g. 龙头 / 配套
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (link_id, enterprise_id)
);
CREATE INDEX chain_link_enterprises_park ON chain_link_enterprises(park_id, link_id);
CREATE INDEX chain_link_enterprises_park_ent ON chain_link_enterprises(park_id, enterprise_id);
