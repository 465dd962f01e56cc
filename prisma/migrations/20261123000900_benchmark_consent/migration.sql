-- Benchmarking by mutual consent (docs/decisions/0020-benchmarking-by-mutual-consent.md).
-- Before: a council saw the shared figures of every council that typed the same partnership name,
-- so any council could read another's figures by typing its partnership's name. Now a council's
-- figures are read only by a council it names by DfE LA code, and only while that council names it
-- back: both halves are checked here, by the database, from the reader's own tenant row.

-- One council per LA code: the code is how councils name each other.
ALTER TABLE tenant ADD CONSTRAINT tenant_la_code_key UNIQUE (la_code);

-- Shared rows are published again at the next refresh, with the council's code and whom it shares with.
DELETE FROM kpi_benchmark;
DROP POLICY benchmark_partners ON kpi_benchmark;
DROP INDEX kpi_benchmark_tenant_id_group_idx;
ALTER TABLE kpi_benchmark DROP COLUMN benchmark_group;
ALTER TABLE kpi_benchmark ADD COLUMN la_code char(3) NOT NULL;
ALTER TABLE kpi_benchmark ADD COLUMN shared_with char(3)[] NOT NULL;
ALTER TABLE kpi_benchmark ADD CONSTRAINT kpi_benchmark_la_code_check CHECK (la_code ~ '^[0-9]{3}$');

-- A partner's row is readable when it is shared with the reader's LA code, the reader shares
-- (benchmarking.optIn) and the reader names the partner's LA code among its own partners.
CREATE POLICY benchmark_partners ON kpi_benchmark FOR SELECT
  USING (EXISTS (
    SELECT 1 FROM tenant reader
    WHERE reader.tenant_id = app_tenant_id()
      AND reader.la_code = ANY (kpi_benchmark.shared_with)
      AND reader.settings -> 'benchmarking' -> 'optIn' = 'true'::jsonb
      AND reader.settings -> 'benchmarking' -> 'partners' ? kpi_benchmark.la_code::text
  ));
