import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a social worker records an assessment, an s47 with its conference, and a child protection plan", async ({ page, sql }) => {
  // a child in a child-in-need case led by Tamsbridge's demo social worker, with an open referral
  const [child] = await sql<{ id: string; name: string }>(
    `SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM person p
     JOIN cin_episode e ON e.tenant_id = p.tenant_id AND e.person_id = p.id AND e.closure_date IS NULL
     JOIN case_file c ON c.tenant_id = e.tenant_id AND c.id = e.case_id AND c.status = 'OPEN' AND c.level = 'CHILD_IN_NEED'
     JOIN allocation a ON a.tenant_id = c.tenant_id AND a.case_id = c.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.email = 'social.worker@tamsbridge.example'
     WHERE NOT EXISTS (SELECT 1 FROM section47 s WHERE s.tenant_id = p.tenant_id AND s.person_id = p.id)
     ORDER BY p.la_child_id LIMIT 1`,
  );
  await signIn(page, "social.worker@tamsbridge.example");
  await page.goto(`/people/${child!.id}`);
  await page.getByRole("link", { name: "Statutory record" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statutory record");
  await expectAccessible(page);

  const assessments = page.getByRole("region", { name: "Assessments" });
  await assessments.getByText("Start an assessment").click();
  await assessments.getByLabel("Start date").fill("2099-01-01");
  await assessments.getByRole("button", { name: "Record the assessment" }).click();
  await expect(errorSummary(page)).toContainText("The start date must be today or in the past");
  await expect(assessments.getByLabel("Start date")).toHaveValue("2099-01-01");
  const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()));
  await assessments.getByLabel("Start date").fill(today);
  await assessments.getByRole("button", { name: "Record the assessment" }).click();
  await expect(assessments).toContainText("not yet authorised");

  const s47 = page.getByRole("region", { name: "Section 47 enquiries" });
  await s47.getByText("Record a strategy discussion and section 47 enquiry").click();
  await s47.getByRole("button", { name: "Record the enquiry" }).click();
  await expect(s47).toContainText("conference not yet held");
  await s47.getByText("Record the conference").first().click();
  await s47.getByRole("button", { name: "Record the conference" }).click();
  await expect(s47).toContainText(/conference \d/);

  const plans = page.getByRole("region", { name: "Child protection plans" });
  await plans.getByText("Start a child protection plan").click();
  await plans.getByRole("radio", { name: "Neglect" }).check();
  await plans.getByRole("button", { name: "Start the plan" }).click();
  await expect(plans).toContainText("to now · Neglect");
  await expectAccessible(page);

  const stored = await sql<{ kind: string }>(
    `SELECT 'assessment' AS kind FROM assessment WHERE person_id = $1 AND start_date = $2::date AND authorised_date IS NULL
     UNION ALL SELECT 's47' FROM section47 WHERE person_id = $1 AND icpc_date = $2::date
     UNION ALL SELECT 'cp' FROM cp_plan WHERE person_id = $1 AND start_date = $2::date AND end_date IS NULL`,
    [child!.id, today],
  );
  expect(stored.map((s) => s.kind).sort()).toEqual(["assessment", "cp", "s47"]);
});
