import { expect, expectAccessible, signIn, test } from "./fixtures";

const COUNTS = `
  SELECT u.name, count(DISTINCT a.case_id)::int AS open_cases
  FROM app_user u
  LEFT JOIN allocation a ON a.tenant_id = u.tenant_id AND a.worker_id = u.id AND a.end_date IS NULL
    AND EXISTS (SELECT 1 FROM case_file c WHERE c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN')
  WHERE u.tenant_id = (SELECT tenant_id FROM app_user WHERE email = $1)
    AND u.team_id = (SELECT team_id FROM app_user WHERE email = $1) AND u.active
  GROUP BY u.name`;

for (const email of ["team.manager@wexcombe.example", "atm@tamsbridge.example"]) {
  test(`a manager (${email}) sees their team's workers with the right open-case counts`, async ({ page, sql }) => {
    const expected = await sql<{ name: string; open_cases: number }>(COUNTS, [email]);
    expect(expected.length).toBeGreaterThan(5);
    await signIn(page, email);
    const table = page.getByRole("region", { name: "Workers and their open cases" }).getByRole("table");
    for (const worker of expected) {
      const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${worker.name}`) }) });
      await expect(row.getByRole("cell").nth(2), worker.name).toHaveText(String(worker.open_cases));
    }
    await expect(table.getByRole("row")).toHaveCount(expected.length + 1);
    await expectAccessible(page);
  });
}

test("a head of service sees every team and opens one", async ({ page, sql }) => {
  const teams = await sql<{ name: string }>(`SELECT name FROM team WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'tamsbridge') ORDER BY name`);
  await signIn(page, "head.of.service@tamsbridge.example");
  const links = page.getByRole("table").getByRole("link");
  await expect(links).toHaveText(teams.map((t) => t.name));
  await expectAccessible(page);
  await links.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teams[0]!.name);
});

test("a team manager cannot open another team's page", async ({ page, sql }) => {
  const [other] = await sql<{ id: string }>(
    `SELECT id FROM team WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'wexcombe')
       AND id <> (SELECT team_id FROM app_user WHERE email = 'team.manager@wexcombe.example') LIMIT 1`,
  );
  await signIn(page, "team.manager@wexcombe.example");
  const response = await page.goto(`/teams/${other!.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
});
