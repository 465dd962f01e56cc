import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

// In order, not side by side: the step-down ends a South social worker's allocation, and the cap test
// needs the South team's loads to stay put while it takes one of them over the cap.
test.describe.configure({ mode: "default" });

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
  await expect(page.getByRole("status")).toHaveText("You have signed out.");

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

test("a manager approving a step-up to a social worker over their cap is refused with the cap, keeping what was typed; with a reason it goes through and is flagged on the team page", async ({ page, sql }) => {
  // A Support case in Wexcombe's South team led by its family keyworker, never moved before (so not the
  // case the step-down test above has moved)
  const [c] = await sql<{ id: string; reference: string; family: string; kw_email: string; tm_email: string; tm_name: string }>(
    `SELECT c.id, c.reference, f.name AS family, kw.email::text AS kw_email, tm.email::text AS tm_email, tm.name AS tm_name
     FROM case_file c
     JOIN team t ON t.tenant_id = c.tenant_id AND t.id = c.team_id AND t.name = 'Support and Safeguarding South'
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id AND NOT f.restricted
     JOIN allocation l ON l.tenant_id = c.tenant_id AND l.case_id = c.id AND l.role_on_case = 'LEAD' AND l.end_date IS NULL
     JOIN app_user kw ON kw.tenant_id = l.tenant_id AND kw.id = l.worker_id AND kw.role = 'FAMILY_KEYWORKER'
     JOIN app_user tm ON tm.tenant_id = c.tenant_id AND tm.team_id = c.team_id AND tm.role = 'TEAM_MANAGER'
     WHERE c.level = 'SUPPORT' AND c.status = 'OPEN'
       AND NOT EXISTS (SELECT 1 FROM transition x WHERE x.tenant_id = c.tenant_id AND x.case_id = c.id)
     ORDER BY c.reference LIMIT 1`,
  );
  expect(c, "a Support case led by a keyworker in the demo data").toBeDefined();
  // the team's social workers: the demo has some at or over the 18-child cap
  const team = await sql<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM app_user u JOIN team t ON t.tenant_id = u.tenant_id AND t.id = u.team_id AND t.name = 'Support and Safeguarding South'
     WHERE u.role = 'SOCIAL_WORKER' AND u.active ORDER BY u.name`,
  );

  await signIn(page, c!.kw_email);
  await page.goto(`/cases/${c!.id}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Request a step-up, step-down or closure" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Step-up to Child in need" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request a step-up to Child in need");
  await page.getByLabel("Why this is needed").fill("New concerns from school about neglect; the family needs a social worker's assessment.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send to a manager" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c!.id}\\?requested=1$`));
  await page.getByRole("button", { name: "Sign out" }).click();
  // the case page has a status of its own ("sent"): wait for the sign-in page's
  await expect(page.getByRole("status")).toHaveText("You have signed out.");

  await signIn(page, c!.tm_email);
  await page.getByRole("link", { name: "Awaiting decision" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Awaiting my decision");
  await page.getByRole("region", { name: "Requests awaiting a decision" }).getByRole("link", { name: c!.family }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Step-up: Support to Child in need");
  await expectAccessible(page);

  // a social worker of this team whom this case would take over their cap, as the list says
  const choose = page.getByLabel("Social worker to allocate");
  const options = await choose.locator("option").allTextContents();
  const over = team.find((w) => options.some((o) => o.startsWith(`${w.name} — `) && o.endsWith("(would go over cap)")));
  expect(over, `a South social worker the list marks as going over the cap, among: ${options.join("; ")}`).toBeDefined();
  await choose.selectOption(over!.id);
  await page.getByLabel("Comment (optional)").fill("Agreed: threshold for CIN met.");
  await page.getByRole("button", { name: "Approve" }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText(`${over!.name} would go over their cap`);
  await expect(summary).toContainText("cap of 18 children");
  // what was typed and chosen is kept
  await expect(page.getByLabel("Comment (optional)")).toHaveValue("Agreed: threshold for CIN met.");
  await expect(choose).toHaveValue(over!.id);
  await expectAccessible(page);

  await page.getByLabel("Reason for going over the cap (only if needed)").fill("Knows the family from an earlier assessment; continuity matters");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("The request was approved and the case has been updated.");
  await expectAccessible(page);

  await page.getByRole("link", { name: "My team" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${over!.name}`) }) });
  await expect(row).toContainText("Over cap");
  await expect(row).toContainText(`Allocated over cap by ${c!.tm_name}`);
  await expect(row).toContainText(`${c!.reference}): Knows the family from an earlier assessment`);
  await expectAccessible(page);
});
