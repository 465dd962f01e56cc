// The Placements section of the head of service's dashboard (issue 6): the in-house share with its
// definition, the spend and mix tables, distance from home, stability, and a CSV of each table; an
// administrator sees the same figures with no way to a child; the section fits a phone.
// Kingsmere: no other e2e test changes its placements.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const placementsOf = (page: Page) => page.getByRole("region", { name: "Placements", exact: true });

async function download(page: Page, link: Locator): Promise<string[]> {
  const file = page.waitForEvent("download");
  await link.click();
  return (await readFile(await (await file).path(), "utf8")).trim().split("\n");
}

test("a head of service sees the Placements section: in-house share and its definition, spend, mix, stability, each table as CSV", async ({ page, sql }) => {
  await signIn(page, "head.of.service@kingsmere.example");
  await page.goto("/kpis");
  const placements = placementsOf(page);
  await expect(placements.getByRole("heading", { level: 2 })).toHaveText("Placements");

  // the in-house share, named for what it is, and the same as a count of the council's own rows today
  const share = placements.getByRole("group", { name: "In-house share of fostering placements" });
  await expect(share).toContainText(/^\d+\.\d%/);
  const [, inHouse, fostering] = /(\d+) of (\d+) child(?:ren)? in foster care/.exec((await share.textContent()) ?? "")!;
  const [counted] = await sql<{ in_house: number; fostering: number }>(
    `SELECT count(*) FILTER (WHERE e.provider = 'PR1')::int AS in_house, count(*)::int AS fostering
     FROM care_episode e JOIN tenant t USING (tenant_id)
     WHERE t.slug = 'kingsmere' AND e.place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
       AND e.start_date <= (now() AT TIME ZONE 'Europe/London')::date AND (e.end_date IS NULL OR e.end_date > (now() AT TIME ZONE 'Europe/London')::date)`,
  );
  expect({ inHouse: Number(inHouse), fostering: Number(fostering) }).toEqual({ inHouse: counted!.in_house, fostering: counted!.fostering });
  expect(Number(fostering)).toBeGreaterThan(0);
  const fosteringBlock = page.locator('[data-kpi="in-house-share"]');
  await fosteringBlock.getByText("How these are calculated").click();
  await expect(fosteringBlock).toContainText("with the council's own foster carers (provider PR1) on the last day of the period");
  await expect(fosteringBlock).toContainText("England: no national figure");

  // distance from home and out of area, unknowns counted apart
  await expect(placements.getByRole("definition").filter({ hasText: "placements whose distance is known" })).toBeVisible();
  await expect(placements.getByRole("term")).toContainText(["Placed 20 miles or more from home", "Placed outside the council's area", "Not known"]);

  // spend by provider: every provider, and the total a week the same as the summary above it
  const spend = placements.getByRole("table", { name: "Spend by provider" });
  await expect(spend.getByRole("rowheader")).toContainText(["Parent PR0", "Own council PR1", "Other council PR2", "Other public PR3", "Private PR4", "Voluntary PR5", "All providers"]);
  const total = spend.getByRole("row", { name: /^All providers/ }).getByRole("cell");
  await expect(placements.getByText(/costing £[\d,]+ a week/)).toContainText(`costing ${await total.nth(1).textContent()} a week`);

  // mix by group of placement types, adding up to the placements now
  const mix = placements.getByRole("table", { name: /^Placements by type on/ });
  await expect(mix.getByRole("rowheader").first()).toHaveText("Foster care with relatives or friends U1, U2, U3");
  const counts = await mix.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(counts.reduce((n, c) => n + Number(c.replace(/,/g, "")), 0)).toBe(Number((await total.nth(0).textContent())!.replace(/,/g, "")));

  // stability: three figures with their England comparison and definition
  const stability = placements.getByRole("list", { name: "Placement stability" }).getByRole("listitem");
  await expect(stability.getByRole("heading", { level: 4 })).toHaveText(["Placement stability: 3+ placements in the year", "Placement stability: long term", "Looked-after children with 3+ social workers in the year"]);
  await expect(stability.nth(0)).toContainText("England: about 10%");
  await expect(stability.nth(1)).toContainText("England: 69% (2025)");
  await expect(stability.nth(2)).toContainText("England: 27% (2024)");
  await stability.nth(0).getByText("How this is calculated").click();
  await expect(stability.nth(0)).toContainText("a change of legal status alone is not a new placement");
  await expectAccessible(page);
  await placements.screenshot({ path: "test-results/placements-desktop.png" });

  // a CSV of each table, and of the whole section
  const spendCsv = await download(page, placements.getByRole("link", { name: "Download spend by provider (CSV)" }));
  expect(spendCsv[0]).toBe("provider,label,placements_now,spend_a_week_now,spend_over_period");
  expect(spendCsv.map((l) => l.split(",")[0])).toEqual(["provider", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5", "NONE", "all"]);
  const mixCsv = await download(page, placements.getByRole("link", { name: "Download placements by type (CSV)" }));
  expect(mixCsv[0]).toBe("type_group,label,codes,placements_now");
  expect(mixCsv).toHaveLength(12); // header, 10 groups, all
  const stabilityCsv = await download(page, placements.getByRole("link", { name: "Download placement stability (CSV)" }));
  expect(stabilityCsv.map((l) => l.split(",")[0])).toEqual(["kpi", "stability-short", "stability-long", "sw-changes"]);
  const all = await download(page, placements.getByRole("link", { name: "Download as CSV" }));
  expect(all[0]).toBe("measure,group,value");
  expect(all).toContain(`in_house_fostering_now,all,${inHouse}`);
  expect(all).toContain(`fostering_now,all,${fostering}`);
});

test("a tenant administrator sees the placement figures with no link to a child", async ({ page }) => {
  await signIn(page, "admin@kingsmere.example");
  await page.goto("/kpis");
  const placements = placementsOf(page);
  await expect(placements.getByRole("group", { name: "In-house share of fostering placements" })).toContainText("%");
  await expect(placements.getByRole("table", { name: "Spend by provider" })).toBeVisible();
  const hrefs = await placements.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.filter((h) => !h.startsWith("/kpis"))).toEqual([]);
  await expectAccessible(page);
});

test("the Placements section fits a phone: nothing wider than the screen but the tables, which scroll", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "head.of.service@kingsmere.example");
  await page.goto("/kpis");
  const placements = placementsOf(page);
  await placements.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(placements.getByRole("region", { name: "Spend by provider" })).toBeVisible();
  await placements.screenshot({ path: "test-results/placements-phone.png" });
  await expectAccessible(page);
});
