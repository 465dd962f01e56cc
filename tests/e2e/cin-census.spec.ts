// The Children in Need census page: heads of service and tenant administrators check the data and
// download the census XML; a child with a problem is listed and the download refused; social workers
// cannot reach it.
import { readFile } from "node:fs/promises";
import { expect, expectAccessible, errorSummary, signIn, test } from "./fixtures";

type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Children with a CIN episode open at some time in 2025-26, straight from the database. */
async function childrenInYear(sql: Sql, slug: string) {
  const rows = await sql<{ child: string }>(
    `SELECT DISTINCT p.la_child_id AS child FROM cin_episode e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id JOIN tenant t ON t.tenant_id = e.tenant_id
     WHERE t.slug = $1 AND e.referral_date <= '2026-03-31' AND (e.closure_date IS NULL OR e.closure_date >= '2025-04-01') ORDER BY 1`,
    [slug],
  );
  return rows.map((r) => r.child);
}

const laCodeOf = async (sql: Sql, slug: string) => (await sql<{ la_code: string }>("SELECT la_code FROM tenant WHERE slug = $1", [slug]))[0]!.la_code;
const childIds = (xml: string) => [...xml.matchAll(/<LAchildID>([^<]*)<\/LAchildID>/g)].map((m) => m[1]);

test("a head of service checks the 2025-26 census and downloads the XML", async ({ page, sql }) => {
  await signIn(page, "head.of.service@wexcombe.example");
  await page.getByRole("link", { name: "Statutory returns" }).click();
  await page.getByRole("link", { name: "Children in Need census" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Children in Need census");
  await expect(page.getByLabel("Year of the census")).toHaveValue("2026");
  await page.getByRole("button", { name: "Check the data" }).click();
  await expect(page.getByRole("heading", { name: "Ready to download" })).toBeVisible();
  const children = await childrenInYear(sql, "wexcombe");
  expect(children.length).toBeGreaterThan(0);
  await expect(page.getByRole("main")).toContainText(`${children.length} children had a CIN episode open at some time between 1 Apr 2025 and 31 Mar 2026`);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/cin-census.png", fullPage: true });

  const laCode = await laCodeOf(sql, "wexcombe");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the 2025-26 census (XML)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`CIN_2026_${laCode}.xml`);
  const xml = await readFile((await download.path())!, "utf8");
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml).toContain(`<LEA>${laCode}</LEA>`);
  // every child in the file is one of the council's, and all of them are there
  expect(childIds(xml)).toEqual(children);

  const audited = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event a JOIN tenant t USING (tenant_id) JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
     WHERE t.slug = 'wexcombe' AND u.email = 'head.of.service@wexcombe.example' AND a.action = 'export.cin-census'`,
  );
  expect(audited[0]!.n).toBeGreaterThan(0);
});

test("a year without a schema is refused with an error summary linked to the field", async ({ page }) => {
  await signIn(page, "head.of.service@kingsmere.example");
  await page.goto("/exports/cin-census?year=2019");
  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: /Choose the year of the census/ })).toHaveAttribute("href", "#year");
  await expect(page.getByLabel("Year of the census")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Year of the census")).toHaveAccessibleDescription(/Choose the year of the census/);
  await expectAccessible(page);
  expect((await page.request.get("/exports/cin-census/download?year=2019")).status()).toBe(400);
});

test("a child with a problem is listed with a link to their record, and the download is refused", async ({ page, sql }) => {
  // a referral in the year without its primary need (only the census reads it); put back afterwards
  const [episode] = await sql<{ id: string; person_id: string; need: string; name: string; child: string }>(
    `SELECT e.id, e.person_id, e.primary_need_code AS need, p.first_name || ' ' || p.last_name AS name, p.la_child_id AS child
     FROM cin_episode e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id JOIN tenant t ON t.tenant_id = e.tenant_id
     WHERE t.slug = 'kingsmere' AND e.referral_date BETWEEN '2025-04-01' AND '2026-03-31' AND NOT e.referral_nfa AND e.primary_need_code IS NOT NULL
     ORDER BY p.la_child_id DESC LIMIT 1`,
  );
  expect(episode, "a referral in 2025-26").toBeDefined();
  await sql("UPDATE cin_episode SET primary_need_code = NULL WHERE id = $1", [episode!.id]);
  try {
    await signIn(page, "head.of.service@kingsmere.example");
    await page.goto("/exports/cin-census?year=2026");
    await expect(page.getByRole("heading", { name: "Fix these before the census can be written" })).toBeVisible();
    const listed = page.getByRole("list", { name: "Children with problems" }).getByRole("listitem").filter({ hasText: `LA child ID ${episode!.child}` });
    await expect(listed).toContainText("give the primary need code");
    await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/cin-census-problems.png", fullPage: true });
    expect((await page.request.get("/exports/cin-census/download?year=2026")).status()).toBe(409);
    // a referral's problem also links to the referrals, where it is corrected (decision 0022)
    await expect(listed.getByRole("link", { name: `Correct ${episode!.name}'s referral` })).toHaveAttribute("href", `/people/${episode!.person_id}/statutory#referrals-h`);
    await listed.getByRole("link", { name: episode!.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${episode!.person_id}/statutory$`));
  } finally {
    await sql("UPDATE cin_episode SET primary_need_code = $2 WHERE id = $1", [episode!.id, episode!.need]);
  }
});

test("a tenant administrator can check and download the census, holding their council's children only", async ({ page, sql }) => {
  await signIn(page, "admin@tamsbridge.example");
  await page.getByRole("link", { name: "Statutory returns" }).click();
  await page.getByRole("link", { name: "Children in Need census" }).click();
  await expect(page.getByRole("heading", { name: "Ready to download" })).toBeVisible();
  await expectAccessible(page);
  const response = await page.request.get("/exports/cin-census/download?year=2026");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toContain(`<LEA>${await laCodeOf(sql, "tamsbridge")}</LEA>`);
  const children = childIds(xml);
  expect(children).toEqual(await childrenInYear(sql, "tamsbridge"));
  expect(children.every((c) => c!.startsWith("TB"))).toBe(true);
});

test("a social worker can neither open the page nor download the census", async ({ page }) => {
  await signIn(page, "social.worker@wexcombe.example");
  await expect(page.getByRole("link", { name: "Statutory returns" })).toHaveCount(0);
  const response = await page.goto("/exports/cin-census");
  expect(response?.status()).toBe(403);
  expect((await page.request.get("/exports/cin-census/download?year=2026")).status()).toBe(403);
});
