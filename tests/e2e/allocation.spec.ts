import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a manager's over-cap allocation is refused with the cap message, then overridden with a reason and flagged on the team page", async ({ page, sql }) => {
  // In Kingsmere's Family Help team: the social worker furthest over the cap, and a case nobody holds yet
  const [worker] = await sql<{ id: string; name: string; load: number }>(
    `SELECT u.id, u.name, count(cc.person_id)::int AS load FROM app_user u
     JOIN allocation a ON a.tenant_id = u.tenant_id AND a.worker_id = u.id AND a.end_date IS NULL
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
     JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id
     WHERE u.team_id = (SELECT team_id FROM app_user WHERE email = 'team.manager@kingsmere.example') AND u.role = 'SOCIAL_WORKER'
     GROUP BY u.id, u.name ORDER BY load DESC LIMIT 1`,
  );
  expect(worker!.load).toBeGreaterThan(18);
  const [open] = await sql<{ id: string; family: string }>(
    `SELECT c.id, f.name AS family FROM case_file c JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     WHERE c.team_id = (SELECT team_id FROM app_user WHERE email = 'team.manager@kingsmere.example') AND c.status = 'OPEN'
       AND NOT EXISTS (SELECT 1 FROM allocation a WHERE a.tenant_id = c.tenant_id AND a.case_id = c.id AND a.end_date IS NULL)
     ORDER BY c.reference LIMIT 1`,
  );

  await signIn(page, "team.manager@kingsmere.example");
  await page.goto(`/cases/${open!.id}`);
  await page.getByRole("link", { name: "Allocate a worker" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Allocate: ${open!.family}`);
  await expectAccessible(page);
  await page.getByLabel("Worker", { exact: true }).selectOption(worker!.id);
  await page.getByRole("radio", { name: "Lead" }).check();
  await page.getByRole("button", { name: "Allocate" }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText(`${worker!.name} would go over their cap`);
  await expect(summary).toContainText("their cap is the social worker cap of 18 children");
  await expect(summary).toContainText("Team members with room");
  await expect(page.getByLabel("Worker", { exact: true })).toHaveValue(worker!.id); // what was chosen is kept
  await expectAccessible(page);

  await page.getByLabel("Reason for going over the cap (only if needed)").fill("Sibling already allocated to this worker; continuity for the family");
  await page.getByRole("button", { name: "Allocate" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${open!.id}\\?allocated=1$`));
  await expect(page.getByRole("region", { name: "Allocated workers" })).toContainText(worker!.name);

  await page.getByRole("link", { name: "My team" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${worker!.name}`) }) });
  await expect(row).toContainText("Over cap");
  await expect(row).toContainText("Allocated over cap by");
  await expect(row).toContainText("Sibling already allocated to this worker");
  await expectAccessible(page);
});
