-- Computed KPI figures per council (docs/decisions/0013-kpis-and-benchmarking.md).
-- kpi_snapshot: the whole head-of-service dashboard for one period, for the council itself only.
-- kpi_benchmark: the small-number-suppressed headline values a council shares with its partnership.
-- The one cross-council read in the product: a council that opted in may read the benchmark rows of
-- councils in the same group, and nothing else of theirs.

CREATE TABLE kpi_snapshot (
  tenant_id    uuid NOT NULL,
  period_key   text NOT NULL,
  computed_at  timestamptz(3) NOT NULL DEFAULT now(),
  payload      jsonb NOT NULL,
  CONSTRAINT kpi_snapshot_pkey PRIMARY KEY (tenant_id, period_key),
  CONSTRAINT kpi_snapshot_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id)
);

CREATE TABLE kpi_benchmark (
  tenant_id        uuid NOT NULL,
  period_key       text NOT NULL,
  benchmark_group  text NOT NULL,
  council_name     text NOT NULL,
  computed_at      timestamptz(3) NOT NULL DEFAULT now(),
  kpi_values       jsonb NOT NULL,
  CONSTRAINT kpi_benchmark_pkey PRIMARY KEY (tenant_id, period_key),
  CONSTRAINT kpi_benchmark_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (tenant_id)
);
CREATE INDEX kpi_benchmark_tenant_id_group_idx ON kpi_benchmark (tenant_id, benchmark_group);

ALTER TABLE kpi_snapshot ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_snapshot FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kpi_snapshot USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

ALTER TABLE kpi_benchmark ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_benchmark FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kpi_benchmark USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
-- partners' shared figures: readable only while the reader's session names the same group
CREATE POLICY benchmark_partners ON kpi_benchmark FOR SELECT
  USING (benchmark_group = nullif(current_setting('app.benchmark_group', true), ''));
