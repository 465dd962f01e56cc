// The SSDA903 return page: heads of service and tenant administrators check the data and download a
// zip of the CSVs with DfE's exact headers; social workers cannot reach it.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expect, expectAccessible, errorSummary, signIn, test } from "./fixtures";

const EPISODES_HEADER = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
const FILES = ["Header", "Episodes", "Reviews", "SWEpisodes"].map((t) => `SSDA903_2026_${t}.csv`);

/** Children with a care episode open at some time in 2025-26, straight from the database. */
async function lookedAfterInYear(sql: <T>(text: string, params?: unknown[]) => Promise<T[]>, slug: string) {
  const rows = await sql<{ child: string }>(
    `SELECT DISTINCT p.la_child_id AS child FROM care_episode e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id JOIN tenant t ON t.tenant_id = e.tenant_id
     WHERE t.slug = $1 AND e.start_date <= '2026-03-31' AND (e.end_date IS NULL OR e.end_date >= '2025-04-01') ORDER BY 1`,
    [slug],
  );
  return rows.map((r) => r.child);
}

test("a head of service checks the 2025-26 return and downloads the zip of CSVs", async ({ page, sql }) => {
  await signIn(page, "head.of.service@wexcombe.example");
  await page.getByRole("link", { name: "Statutory returns" }).click();
  await page.getByRole("link", { name: "SSDA903 (children looked after)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SSDA903 return (children looked after)");
  await expect(page.getByLabel("Year of the return")).toHaveValue("2026");
  await page.getByRole("button", { name: "Check the data" }).click();
  await expect(page.getByRole("heading", { name: "Ready to download" })).toBeVisible();
  const children = await lookedAfterInYear(sql, "wexcombe");
  expect(children.length).toBeGreaterThan(0);
  await expect(page.getByRole("main")).toContainText(`${children.length} children were looked after at some time between 1 Apr 2025 and 31 Mar 2026`);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/ssda903.png", fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the 2025-26 return/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("SSDA903_2026.zip");
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual([...FILES].sort());
  const episodes = strFromU8(files["SSDA903_2026_Episodes.csv"]!).split("\r\n");
  expect(episodes[0]).toBe(EPISODES_HEADER);
  expect(episodes[1]).toMatch(/^WX\d+,\d{2}\/\d{2}\/\d{4},[SLPTBU],/);
  // every child in the file is one of the council's, and all of them are there
  const header = strFromU8(files["SSDA903_2026_Header.csv"]!).trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
  expect(header).toEqual(children);

  const audited = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event a JOIN tenant t USING (tenant_id) JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
     WHERE t.slug = 'wexcombe' AND u.email = 'head.of.service@wexcombe.example' AND a.action = 'export.ssda903'`,
  );
  expect(audited[0]!.n).toBeGreaterThan(0);
});

test("a year without 2025-26 code lists is refused with an error summary linked to the field", async ({ page }) => {
  await signIn(page, "head.of.service@kingsmere.example");
  await page.goto("/exports/ssda903?year=2019");
  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: /Choose the year of the return/ })).toHaveAttribute("href", "#year");
  await expect(page.getByLabel("Year of the return")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Year of the return")).toHaveAccessibleDescription(/Choose the year of the return/);
  await expectAccessible(page);
  expect((await page.request.get("/exports/ssda903/download?year=2019")).status()).toBe(400);
});

test("a child with a problem is listed with a link to their record, and the download is refused", async ({ page, sql }) => {
  // a review in the year without the code for how the child took part; put back afterwards
  const [review] = await sql<{ id: string; person_id: string; review_code: string; name: string; child: string }>(
    `SELECT r.id, r.person_id, r.review_code, p.first_name || ' ' || p.last_name AS name, p.la_child_id AS child
     FROM la_review r JOIN person p ON p.tenant_id = r.tenant_id AND p.id = r.person_id JOIN tenant t ON t.tenant_id = r.tenant_id
     WHERE t.slug = 'kingsmere' AND r.review_date BETWEEN '2025-04-01' AND '2026-03-31' AND r.review_code IS NOT NULL
     ORDER BY p.la_child_id DESC, r.review_date LIMIT 1`,
  );
  expect(review, "a looked-after review in 2025-26").toBeDefined();
  await sql("UPDATE la_review SET review_code = NULL WHERE id = $1", [review!.id]);
  try {
    await signIn(page, "head.of.service@kingsmere.example");
    await page.goto("/exports/ssda903?year=2026");
    await expect(page.getByRole("heading", { name: "Fix these before the return can be written" })).toBeVisible();
    const listed = page.getByRole("list", { name: "Children with problems" }).getByRole("listitem").filter({ hasText: `CHILD ${review!.child}` });
    await expect(listed).toContainText("give the code for how the child took part (REVIEW_CODE)");
    await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/ssda903-problems.png", fullPage: true });
    expect((await page.request.get("/exports/ssda903/download?year=2026")).status()).toBe(409);
    await listed.getByRole("link", { name: review!.name }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${review!.person_id}/statutory$`));
  } finally {
    await sql("UPDATE la_review SET review_code = $2 WHERE id = $1", [review!.id, review!.review_code]);
  }
});

test("a tenant administrator can check and download the return too", async ({ page, sql }) => {
  await signIn(page, "admin@tamsbridge.example");
  await page.getByRole("link", { name: "Statutory returns" }).click();
  await page.getByRole("link", { name: "SSDA903 (children looked after)" }).click();
  await expect(page.getByRole("heading", { name: "Ready to download" })).toBeVisible();
  await expectAccessible(page);
  const response = await page.request.get("/exports/ssda903/download?year=2026");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await response.body()));
  const children = strFromU8(files["SSDA903_2026_Header.csv"]!).trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
  // isolation: Tamsbridge's return holds Tamsbridge's children only
  expect(children).toEqual(await lookedAfterInYear(sql, "tamsbridge"));
  expect(children.every((c) => c!.startsWith("TB"))).toBe(true);
});

test("a social worker can neither open the page nor download the return", async ({ page }) => {
  await signIn(page, "social.worker@wexcombe.example");
  await expect(page.getByRole("link", { name: "Statutory returns" })).toHaveCount(0);
  const response = await page.goto("/exports/ssda903");
  expect(response?.status()).toBe(403);
  expect((await page.request.get("/exports/ssda903/download?year=2026")).status()).toBe(403);
});
