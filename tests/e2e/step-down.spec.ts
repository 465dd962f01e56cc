import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a practitioner requests a step-down, the manager approves it, and the keyworker leads while the social worker's allocation ends", async ({ page, sql }) => {
  // A child-in-need case in Wexcombe's South team, led by a social worker with a family keyworker alongside
  const [c] = await sql<{ id: string; family: string; sw_email: string; sw_name: string; kw_name: string; kw_id: string; tm_email: string }>(
    `SELECT c.id, f.name AS family, sw.email::text AS sw_email, sw.name AS sw_name, kw.name AS kw_name, kw.id AS kw_id,
            (SELECT email::text FROM app_user WHERE tenant_id = c.tenant_id AND team_id = c.team_id AND role = 'TEAM_MANAGER' LIMIT 1) AS tm_email
     FROM case_file c
     JOIN team t ON t.tenant_id = c.tenant_id AND t.id = c.team_id AND t.name = 'Support and Safeguarding South'
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     JOIN allocation l ON l.tenant_id = c.tenant_id AND l.case_id = c.id AND l.role_on_case = 'LEAD' AND l.end_date IS NULL
     JOIN app_user sw ON sw.tenant_id = l.tenant_id AND sw.id = l.worker_id AND sw.role = 'SOCIAL_WORKER'
     JOIN allocation k ON k.tenant_id = c.tenant_id AND k.case_id = c.id AND k.role_on_case = 'CO_WORKER' AND k.end_date IS NULL
     JOIN app_user kw ON kw.tenant_id = k.tenant_id AND kw.id = k.worker_id AND kw.role = 'FAMILY_KEYWORKER'
     WHERE c.level = 'CHILD_IN_NEED' AND c.status = 'OPEN' ORDER BY c.reference LIMIT 1`,
  );
  expect(c, "a co-worked CIN case in the demo data").toBeDefined();

  await signIn(page, c!.sw_email);
  await page.goto(`/cases/${c!.id}`);
  await page.getByRole("link", { name: "Request a step-up, step-down or closure" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Step-down to Support" }).click();
  await page.getByLabel("Rationale for stepping down").fill("The CIN plan's outcomes are met; the family is engaging well with their keyworker.");
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Date of the CIN review held before the step-down").fill(lastWeek);
  await page.getByLabel("Lead professional after the step-down").selectOption(c!.kw_id);
  await page.getByLabel("The family has been told about the step-down").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send to a manager" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c!.id}\\?requested=1$`));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, c!.tm_email);
  await page.getByRole("link", { name: "Awaiting decision" }).click();
  // wait for the page: the manager's home page also links the family's case
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Awaiting my decision");
  await expectAccessible(page);
  await page.getByRole("region", { name: "Requests awaiting a decision" }).getByRole("link", { name: c!.family }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Step-down: Child in need to Support");
  await expectAccessible(page);
  await page.getByLabel("Comment (optional)").fill("Agreed at the CIN review.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("The request was approved and the case has been updated.");

  await page.goto(`/cases/${c!.id}`);
  const workers = page.getByRole("region", { name: "Allocated workers" });
  await expect(workers.getByRole("listitem")).toHaveCount(1);
  await expect(workers).toContainText(c!.kw_name);
  await expect(workers).toContainText("Lead");
  await workers.getByText(/Earlier workers/).click();
  const ended = workers.getByRole("row").filter({ hasText: c!.sw_name });
  await expect(ended).toContainText("Stepped down to Support");
  await expect(page.getByText("Support", { exact: true }).first()).toBeVisible();
});

test("an impossible move is refused with a message saying what is possible", async ({ page, sql }) => {
  const [c] = await sql<{ id: string }>(
    `SELECT c.id FROM case_file c JOIN tenant t USING (tenant_id) WHERE t.slug = 'tamsbridge' AND c.level = 'CHILD_PROTECTION' AND c.status = 'OPEN' ORDER BY c.reference LIMIT 1`,
  );
  await signIn(page, "senior.practitioner@tamsbridge.example");
  await page.goto(`/cases/${c!.id}/transitions/new?to=EARLY_HELP`);
  await expect(page.getByRole("alert").filter({ hasText: "cannot move" })).toHaveText(
    "A case at Child protection cannot move to Early help directly. From Child protection it can: step-down to Child in need, change of level to Looked after, closure to Closed.",
  );
  await expectAccessible(page);
});
