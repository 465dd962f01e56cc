import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a practitioner sees exactly their own open cases, and opens one", async ({ page, sql }) => {
  const expected = await sql<{ family: string; case_id: string }>(
    `SELECT f.name AS family, c.id AS case_id FROM allocation a
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     WHERE u.email = 'social.worker@wexcombe.example' AND a.end_date IS NULL AND c.status = 'OPEN'`,
  );
  expect(expected.length).toBeGreaterThan(3);
  await signIn(page, "social.worker@wexcombe.example");
  const cases = page.getByRole("list", { name: "Open cases" }).getByRole("heading", { level: 2 });
  await expect(cases).toHaveCount(expected.length);
  expect((await cases.allTextContents()).sort()).toEqual(expected.map((e) => e.family).sort());
  await expectAccessible(page);

  // A co-worked case shows the keyworker alongside
  const [coWorked] = await sql<{ family: string; keyworker: string }>(
    `SELECT f.name AS family, kw.name AS keyworker FROM allocation a
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
     JOIN allocation k ON k.tenant_id = a.tenant_id AND k.case_id = a.case_id AND k.role_on_case = 'CO_WORKER' AND k.end_date IS NULL
     JOIN app_user kw ON kw.tenant_id = k.tenant_id AND kw.id = k.worker_id
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     WHERE u.email = 'social.worker@wexcombe.example' AND a.end_date IS NULL LIMIT 1`,
  );
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: coWorked!.family }) });
  await expect(card).toContainText(coWorked!.keyworker);

  await card.getByRole("link", { name: coWorked!.family }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(coWorked!.family);
  const workers = page.getByRole("region", { name: "Allocated workers" });
  await expect(workers).toContainText(coWorked!.keyworker);
  await expect(workers).toContainText("Co-worker");
  await expectAccessible(page);

  // and a child's record from there
  await page.getByRole("region", { name: "Children" }).getByRole("link").first().click();
  await expect(page.getByText("Child", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("opening a case is audited", async ({ page, sql }) => {
  const [c] = await sql<{ id: string }>(
    `SELECT c.id FROM case_file c JOIN tenant t USING (tenant_id) WHERE t.slug = 'kingsmere' AND c.status = 'OPEN' ORDER BY c.reference LIMIT 1`,
  );
  await signIn(page, "senior.practitioner@kingsmere.example");
  await page.goto(`/cases/${c!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const audit = await sql<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_event e JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_id
     WHERE e.action = 'case.viewed' AND e.case_id = $1 AND u.email = 'senior.practitioner@kingsmere.example'`,
    [c!.id],
  );
  expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(1);
});
