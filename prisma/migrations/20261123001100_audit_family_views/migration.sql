-- A child's access log includes views of their family's page (which shows each child's name, age,
-- address and cases): those events name the family, not the child, so the log finds them by family.
CREATE INDEX audit_event_tenant_id_family_idx ON audit_event (tenant_id, entity_id, at) WHERE entity_type = 'family';
