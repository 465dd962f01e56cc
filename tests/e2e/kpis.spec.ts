import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a head of service sees each KPI with its England comparison, the charts, and drills down to a team", async ({ page }) => {
  await signIn(page, "head.of.service@wexcombe.example");
  await page.getByRole("link", { name: "Borough KPIs" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Borough KPIs");
  const kpis = page.getByRole("list", { name: "KPIs" }).getByRole("listitem");
  // the five about children in care (in-house share, spend, stability) are in the Placements section
  await expect(kpis).toHaveCount(15);
  for (const [title, england] of [
    ["Re-referral rate (DfE)", "England: 22% (2024)"],
    ["Children in need per 10,000", "England: 330 per 10,000 (2025)"],
    ["Assessments within 45 working days", "England: 85.7% (2025)"],
    ["Initial conferences within 15 working days", "England: 81.4% (2025)"],
    ["Children looked after per 10,000", "England: 67 per 10,000 (2025)"],
  ] as const) {
    const card = kpis.filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    await expect(card).toContainText(england);
    await expect(card.locator("figure svg.recharts-surface")).toBeVisible();
  }
  await expectAccessible(page);

  // how a figure is calculated
  const assessments = kpis.filter({ has: page.getByRole("heading", { name: "Assessments within 45 working days", exact: true }) });
  await assessments.getByText("How this is calculated").click();
  await expect(assessments).toContainText("within 45 working days of their start");
  await page.screenshot({ path: "test-results/kpis.png", fullPage: true });

  // drill down to a team
  await assessments.getByRole("link", { name: "By team and by month" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assessments within 45 working days");
  await expectAccessible(page);
  // and to one team's workers: each practitioner's assessments on time
  await page.getByRole("region", { name: /by team/ }).getByRole("link", { name: "Workers in Support and Safeguarding North" }).click();
  await expect(page.getByRole("heading", { name: "By worker: Support and Safeguarding North" })).toBeVisible();
  await expect(page.getByRole("region", { name: /by worker/ }).getByRole("row").nth(1)).toContainText("Support and Safeguarding North");
  await expectAccessible(page);
  const team = page.getByRole("region", { name: /by team/ }).getByRole("link", { name: "Support and Safeguarding North", exact: true });
  await team.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Support and Safeguarding North");
});

test("two councils that name each other see each other's figures; one that does not share sees none and is not seen", async ({ page }) => {
  await signIn(page, "head.of.service@tamsbridge.example");
  await page.goto("/kpis");
  const table = page.getByRole("region", { name: "Partner councils' figures" });
  await expect(table.getByRole("rowheader")).toHaveText(["London Borough of Tamsbridge (you)", "Wexcombe County Council"]);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  // Wexcombe also named Kingsmere, which does not share: it is told so, and sees nothing of it
  await signIn(page, "head.of.service@wexcombe.example");
  await page.goto("/kpis");
  await expect(table.getByRole("rowheader")).toHaveText(["London Borough of Tamsbridge", "Wexcombe County Council (you)"]);
  await expect(page.getByRole("region", { name: "Benchmarking with partner councils" })).toContainText("Not sharing with this council yet: LA 992");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await signIn(page, "head.of.service@kingsmere.example");
  await page.goto("/kpis");
  await expect(page.getByRole("region", { name: "Benchmarking with partner councils" })).toContainText("does not share figures with partner councils");
  await expect(page.getByRole("main")).not.toContainText("Tamsbridge");
});

test("a tenant administrator sees the KPIs without links to teams' cases", async ({ page }) => {
  await signIn(page, "admin@kingsmere.example");
  await page.goto("/kpis/looked-after");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Children looked after per 10,000");
  await expect(page.getByRole("region", { name: /by team/ }).getByRole("link")).toHaveCount(0);
});

test("figures older than 15 minutes show at once, marked, and are worked out again behind the page", async ({ page, sql }) => {
  await signIn(page, "head.of.service@kingsmere.example");
  await page.goto("/kpis");
  await sql(`UPDATE kpi_snapshot SET computed_at = now() - interval '2 hours' WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'kingsmere')`);
  await page.goto("/kpis");
  await expect(page.getByRole("main")).toContainText("newer figures are being worked out: reload in a minute");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("main")).not.toContainText("newer figures are being worked out", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
});

test("a custom period ending before it starts is explained, keeps the dates typed, and shows the financial year meanwhile", async ({ page }) => {
  await signIn(page, "head.of.service@wexcombe.example");
  await page.goto("/kpis?period=custom&from=2026-06-01&to=2026-01-01");
  await expect(errorSummary(page)).toContainText("Enter a last day on or after the first day");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-01-01");
  await expect(page.getByLabel("From (dates I choose)")).toHaveValue("2026-06-01");
  await expect(page.getByText(/^Financial year \d{4}–\d{2} \(1 Apr/)).toBeVisible();
  await expectAccessible(page);
});
