import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a social worker records an assessment, an s47 with its conference, and a child protection plan", async ({ page, sql }) => {
  // a child in a child-in-need case led by Tamsbridge's demo social worker, with an open referral
  const [child] = await sql<{ id: string; name: string; case_id: string }>(
    `SELECT p.id, p.first_name || ' ' || p.last_name AS name, c.id AS case_id FROM person p
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

  // the case page now shows the plan's first review and the next child protection visit
  await page.goto(`/cases/${child!.case_id}`);
  const due = page.getByRole("region", { name: "What is due" });
  await expect(due).toContainText(/Child protection review conference — by \d/);
  await expect(due.getByRole("listitem").filter({ hasText: "Child protection visit" })).toContainText("working days from the plan's start");
  await expect(due.getByRole("listitem").filter({ hasText: "First core group meeting" })).toContainText("10 working days from the initial conference");
  await page.goto(`/people/${child!.id}/statutory`);

  // the core group meets today: the duty is met on time
  await plans.getByText("Record a core group meeting").click();
  await plans.getByRole("button", { name: "Record the meeting" }).click();
  await expect(plans).toContainText(/Core group meetings: \d/);
  const childDue = page.getByRole("region", { name: "What is due" });
  await expect(childDue.getByRole("listitem").filter({ hasText: "First core group meeting" })).toContainText("Met on time");

  // the census's disabilities: none and some at once is refused, and what was ticked stays
  const disabilities = page.getByRole("region", { name: "Disabilities" });
  await disabilities.getByText(/the child's disabilities/).click();
  await disabilities.getByRole("checkbox", { name: "No disability" }).check();
  await disabilities.getByRole("checkbox", { name: "Autism" }).check();
  await disabilities.getByRole("button", { name: "Save the disabilities" }).click();
  await expect(errorSummary(page)).toContainText("Choose either No disability or the disabilities the child has, not both");
  await expect(disabilities.getByRole("checkbox", { name: "Autism" })).toBeChecked();
  await expectAccessible(page);
  await disabilities.getByRole("checkbox", { name: "No disability" }).uncheck();
  await disabilities.getByRole("button", { name: "Save the disabilities" }).click();
  await expect(disabilities.locator("p").first()).toHaveText("Autism");

  const stored = await sql<{ kind: string }>(
    `SELECT 'assessment' AS kind FROM assessment WHERE person_id = $1 AND start_date = $2::date AND authorised_date IS NULL
     UNION ALL SELECT 's47' FROM section47 WHERE person_id = $1 AND icpc_date = $2::date
     UNION ALL SELECT 'cp' FROM cp_plan WHERE person_id = $1 AND start_date = $2::date AND end_date IS NULL
     UNION ALL SELECT 'core group' FROM cp_core_group g JOIN cp_plan p ON p.tenant_id = g.tenant_id AND p.id = g.cp_plan_id WHERE p.person_id = $1 AND g.meeting_date = $2::date`,
    [child!.id, today],
  );
  expect(stored.map((s) => s.kind).sort()).toEqual(["assessment", "core group", "cp", "s47"]);
});

test("the case page shows the next review and visit due, and logging a visit clears the overdue visit", async ({ page, sql }) => {
  // a looked-after child alone in their case, not visited since the placement began (the demo has no visits)
  const [c] = await sql<{ case_id: string; child: string; email: string }>(
    `SELECT c.id AS case_id, p.first_name || ' ' || p.last_name AS child, u.email::text AS email
     FROM case_file c JOIN tenant t ON t.tenant_id = c.tenant_id AND t.slug = 'kingsmere'
     JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id
     JOIN person p ON p.tenant_id = cc.tenant_id AND p.id = cc.person_id
     JOIN care_period cp ON cp.tenant_id = p.tenant_id AND cp.person_id = p.id AND cp.end_date IS NULL
     JOIN allocation a ON a.tenant_id = c.tenant_id AND a.case_id = c.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
     WHERE c.status = 'OPEN' AND c.level = 'LOOKED_AFTER'
       AND (SELECT count(*) FROM case_child x WHERE x.tenant_id = c.tenant_id AND x.case_id = c.id) = 1
       AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.tenant_id = c.tenant_id AND v.case_id = c.id)
     ORDER BY c.reference LIMIT 1`,
  );
  await signIn(page, c!.email);
  await page.goto(`/cases/${c!.case_id}`);
  const due = page.getByRole("region", { name: "What is due" });
  await expect(due).toContainText(/Looked-after review — by \d/);
  const visitItem = due.getByRole("listitem").filter({ hasText: "Looked-after visit (regulation 28)" });
  await expect(visitItem).toContainText("Overdue");
  await expectAccessible(page);

  await page.getByRole("list", { name: "Case actions" }).getByRole("link", { name: "Log a visit" }).click();
  await page.getByRole("radio", { name: "Home visit" }).check();
  await page.getByRole("group", { name: new RegExp(`^${c!.child}`) }).getByRole("radio", { name: "Seen alone", exact: true }).check();
  await page.getByLabel("Note", { exact: true }).fill("Settled with carers; talked about school.");
  await page.getByRole("button", { name: "Save the visit" }).click();
  await expect(page.getByRole("status")).toHaveText("The visit has been recorded.");
  await expect(visitItem).not.toContainText("Overdue");
  await expect(visitItem).toContainText(/6 weeks from the visit on|3 months from the visit on/);
});

test("a care leaver's worker sees the pathway plan review due and records one", async ({ page, sql }) => {
  // a care leaver whose last pathway plan review was missed (the demo data has some)
  const [young] = await sql<{ id: string; email: string }>(
    `SELECT p.id, u.email FROM person p
     JOIN case_child cc ON cc.tenant_id = p.tenant_id AND cc.person_id = p.id AND cc.removed_on IS NULL
     JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id AND c.status = 'OPEN' AND c.level = 'CARE_LEAVER'
     JOIN allocation a ON a.tenant_id = c.tenant_id AND a.case_id = c.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.active
     WHERE NOT EXISTS (SELECT 1 FROM pathway_plan_review r WHERE r.tenant_id = p.tenant_id AND r.person_id = p.id AND r.review_date > current_date - 183)
     ORDER BY p.la_child_id LIMIT 1`,
  );
  await signIn(page, young!.email);
  await page.goto(`/people/${young!.id}/statutory`);
  const due = page.getByRole("region", { name: "What is due" });
  await expect(due.getByRole("listitem").filter({ hasText: "Pathway plan review" })).toContainText("Overdue");
  await expectAccessible(page);

  const pathway = page.getByRole("region", { name: "Pathway plan" });
  await pathway.getByText("Record a pathway plan review").click();
  await pathway.getByLabel("Pathway plan reviewed on").fill("2099-01-01");
  await pathway.getByRole("button", { name: "Record the review" }).click();
  await expect(errorSummary(page)).toContainText("The review date must be today or in the past");
  await expect(pathway.getByLabel("Pathway plan reviewed on")).toHaveValue("2099-01-01");
  await expectAccessible(page);
  const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()));
  await pathway.getByLabel("Pathway plan reviewed on").fill(today);
  await pathway.getByRole("button", { name: "Record the review" }).click();
  const item = due.getByRole("listitem").filter({ hasText: "Pathway plan review" });
  await expect(item).toContainText("6 months from the last review");
  await expect(item).not.toContainText("Overdue");
});
