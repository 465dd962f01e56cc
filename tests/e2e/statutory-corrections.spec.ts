import { formatDate } from "../../lib/domain/dates";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a social worker corrects a child protection plan's start date, after a refusal that keeps what was typed", async ({ page, sql }) => {
  // a running plan led by a social worker, whose first core group and review come after the day after its start
  const [plan] = await sql<{ person_id: string; plan_id: string; email: string; start: string; next: string }>(
    `SELECT pl.person_id, pl.id AS plan_id, u.email::text AS email, to_char(pl.start_date, 'YYYY-MM-DD') AS start, to_char(pl.start_date + 1, 'YYYY-MM-DD') AS next
     FROM cp_plan pl
     JOIN case_file c ON c.tenant_id = pl.tenant_id AND c.id = pl.case_id AND c.status = 'OPEN'
     JOIN allocation a ON a.tenant_id = c.tenant_id AND a.case_id = c.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.role = 'SOCIAL_WORKER' AND u.active
     WHERE pl.end_date IS NULL AND pl.start_date < current_date - 1
       AND NOT EXISTS (SELECT 1 FROM cp_core_group g WHERE g.tenant_id = pl.tenant_id AND g.cp_plan_id = pl.id AND g.meeting_date <= pl.start_date + 1)
       AND NOT EXISTS (SELECT 1 FROM cp_review r WHERE r.tenant_id = pl.tenant_id AND r.cp_plan_id = pl.id AND r.review_date <= pl.start_date + 1)
     ORDER BY u.email = 'social.worker@wexcombe.example' DESC, u.email, pl.start_date DESC LIMIT 1`,
  );
  await signIn(page, plan!.email);
  await page.goto(`/people/${plan!.person_id}/statutory`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statutory record");
  await expectAccessible(page);

  const plans = page.getByRole("region", { name: "Child protection plans" });
  const summary = plans.locator("summary").filter({ hasText: "Correct this record" }).filter({ hasText: `child protection plan from ${formatDate(plan!.start)}` });
  await summary.click();
  const form = summary.locator("xpath=..");
  // prefilled with what is recorded; removing it is for a manager
  await expect(form.getByLabel("Date the plan started")).toHaveValue(plan!.start);
  await expect(form).toContainText("Ask your manager to remove it");

  await form.getByLabel("Date the plan started").fill("2099-01-01");
  await form.getByLabel("Why is it being corrected?").fill("The conference was the day after");
  await form.getByRole("button", { name: "Save the correction" }).click();
  await expect(errorSummary(page)).toContainText("The start date must be today or in the past");
  await expect(form.getByLabel("Date the plan started")).toHaveValue("2099-01-01");
  await expect(form.getByLabel("Why is it being corrected?")).toHaveValue("The conference was the day after");
  await expectAccessible(page);

  await form.getByLabel("Date the plan started").fill(plan!.next);
  await form.getByRole("button", { name: "Save the correction" }).click();
  // the form stays open, saying so (its summary now names the new date)
  await expect(plans.getByRole("status")).toContainText("Corrected.");
  await expect(plans).toContainText(`${formatDate(plan!.next)} to now`);

  const [stored] = await sql<{ start: string; reason: string; before: string; after: string }>(
    `SELECT to_char(pl.start_date, 'YYYY-MM-DD') AS start, e.details->>'reason' AS reason, e.details->'before'->>'startDate' AS before, e.details->'after'->>'startDate' AS after
     FROM cp_plan pl JOIN audit_event e ON e.tenant_id = pl.tenant_id AND e.entity_id = pl.id::text AND e.action = 'cp_plan.corrected' AND e.person_id = pl.person_id
     WHERE pl.id = $1`,
    [plan!.plan_id],
  );
  expect(stored).toEqual({ start: plan!.next, reason: "The conference was the day after", before: plan!.start, after: plan!.next });
});

test("a team manager removes an assessment recorded twice, giving a reason", async ({ page, sql }) => {
  // an assessment of a child on an open case of the team manager's team, recorded a second time
  const [original] = await sql<{ id: string; person_id: string; start: string }>(
    `SELECT a.id, a.person_id, to_char(a.start_date, 'YYYY-MM-DD') AS start
     FROM assessment a
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
     JOIN app_user m ON m.tenant_id = c.tenant_id AND m.team_id = c.team_id AND m.email = 'team.manager@kingsmere.example'
     WHERE (SELECT count(*) FROM assessment x WHERE x.tenant_id = a.tenant_id AND x.person_id = a.person_id) = 1
     ORDER BY a.start_date DESC, a.id LIMIT 1`,
  );
  await sql(
    `INSERT INTO assessment (tenant_id, person_id, case_id, cin_episode_id, start_date, authorised_date, factors, recorded_by_id)
     SELECT tenant_id, person_id, case_id, cin_episode_id, start_date, authorised_date, factors, recorded_by_id FROM assessment WHERE id = $1`,
    [original!.id],
  );
  await signIn(page, "team.manager@kingsmere.example");
  await page.goto(`/people/${original!.person_id}/statutory`);
  const assessments = page.getByRole("region", { name: "Assessments" });
  const copies = assessments.getByRole("listitem").filter({ hasText: new RegExp(`^Started ${formatDate(original!.start)}`) });
  await expect(copies).toHaveCount(2);

  const summary = assessments.locator("summary").filter({ hasText: "Remove (entered in error)" }).nth(1);
  await summary.click();
  const form = summary.locator("xpath=..");
  await form.getByRole("button", { name: "Remove this assessment" }).click();
  await expect(errorSummary(page)).toContainText("Enter why the record is being removed");
  await expectAccessible(page);
  await form.getByLabel("Why is it being removed?").fill("Recorded twice when the form was sent again");
  await form.getByRole("button", { name: "Remove this assessment" }).click();

  await expect(page.getByRole("status").filter({ hasText: "was removed" })).toHaveText("The assessment was removed. What it held, and why it was removed, are kept in the audit log.");
  await expect(copies).toHaveCount(1);
  await expectAccessible(page);

  const left = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM assessment WHERE person_id = $1`, [original!.person_id]);
  expect(left[0]!.n).toBe(1);
  const [event] = await sql<{ reason: string; start: string; who: string }>(
    `SELECT e.details->>'reason' AS reason, e.details->'before'->>'start_date' AS start, u.email::text AS who
     FROM audit_event e JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_id
     WHERE e.action = 'assessment.removed' AND e.person_id = $1`,
    [original!.person_id],
  );
  expect(event).toEqual({ reason: "Recorded twice when the form was sent again", start: original!.start, who: "team.manager@kingsmere.example" });
});

test("a head of service follows a census problem with a referral to the child's referrals and corrects it; the census no longer lists the child", async ({ browser, sql }) => {
  // a referral in 2025-26 of a child the census has nothing else against, left without its primary need
  // (a referral's source cannot be missing: the database requires one from the census list)
  const [episode] = await sql<{ id: string; person_id: string; need: string; name: string; child: string; referred: string }>(
    `SELECT e.id, e.person_id, e.primary_need_code AS need, p.first_name || ' ' || p.last_name AS name, p.la_child_id AS child, to_char(e.referral_date, 'YYYY-MM-DD') AS referred
     FROM cin_episode e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id JOIN tenant t ON t.tenant_id = e.tenant_id
     WHERE t.slug = 'kingsmere' AND e.referral_date BETWEEN '2025-04-01' AND '2026-03-31' AND NOT e.referral_nfa AND e.primary_need_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM family_member fm JOIN family f ON f.tenant_id = fm.tenant_id AND f.id = fm.family_id WHERE fm.tenant_id = p.tenant_id AND fm.person_id = p.id AND f.restricted)
       AND (SELECT count(*) FROM cin_episode x WHERE x.tenant_id = e.tenant_id AND x.person_id = e.person_id) = 1
     ORDER BY p.la_child_id ASC LIMIT 1`,
  );
  expect(episode, "a referral in 2025-26").toBeDefined();
  await sql("UPDATE cin_episode SET primary_need_code = NULL WHERE id = $1", [episode!.id]);
  const page = await (await browser.newContext()).newPage();
  try {
    await signIn(page, "head.of.service@kingsmere.example");
    await page.goto("/exports/cin-census?year=2026");
    const problems = page.getByRole("list", { name: "Children with problems" });
    const listed = problems.getByRole("listitem").filter({ hasText: `LA child ID ${episode!.child}` });
    await expect(listed).toContainText(`The referral of ${formatDate(episode!.referred)}: give the primary need code.`);
    await expectAccessible(page);

    await listed.getByRole("link", { name: `Correct ${episode!.name}'s referral` }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${episode!.person_id}/statutory#referrals-h$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statutory record");
    await expectAccessible(page);

    const referrals = page.getByRole("region", { name: "Referrals" });
    await expect(referrals).toContainText("no primary need recorded");
    const summary = referrals.locator("summary").filter({ hasText: "Correct this record" }).filter({ hasText: `referral of ${formatDate(episode!.referred)}` });
    await summary.click();
    const form = summary.locator("xpath=..");
    await expect(form.getByLabel("Date of the referral")).toHaveValue(episode!.referred);
    await expect(form.getByLabel("Primary need")).toHaveValue("");
    // a reason is required, and what was chosen is kept
    await form.getByLabel("Primary need").selectOption(episode!.need);
    await form.getByRole("button", { name: "Save the correction" }).click();
    await expect(errorSummary(page)).toContainText("Enter why the record is being corrected");
    await expect(form.getByLabel("Primary need")).toHaveValue(episode!.need);
    await expectAccessible(page);
    await form.getByLabel("Why is it being corrected?").fill("The need was lost when the record was migrated");
    await form.getByRole("button", { name: "Save the correction" }).click();
    await expect(referrals.getByRole("status")).toContainText("Corrected.");
    await expect(referrals).not.toContainText("no primary need recorded");
    await expectAccessible(page);

    await page.goto("/exports/cin-census?year=2026");
    await expect(page.getByRole("heading", { name: /Ready to download|Fix these before the census can be written/ })).toBeVisible();
    await expect(page.getByText(`LA child ID ${episode!.child}`)).toHaveCount(0);
    await expectAccessible(page);

    const [event] = await sql<{ reason: string; before: string | null; after: string }>(
      `SELECT details->>'reason' AS reason, details->'before'->>'primaryNeedCode' AS before, details->'after'->>'primaryNeedCode' AS after FROM audit_event WHERE action = 'cin_episode.corrected' AND entity_id = $1::text ORDER BY at DESC LIMIT 1`,
      [episode!.id],
    );
    expect(event).toEqual({ reason: "The need was lost when the record was migrated", before: null, after: episode!.need });
  } finally {
    await sql("UPDATE cin_episode SET primary_need_code = $2 WHERE id = $1", [episode!.id, episode!.need]);
    await page.context().close();
  }
});
