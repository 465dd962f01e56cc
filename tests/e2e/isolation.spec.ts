import { expect, signIn, test } from "./fixtures";

test("a council A user gets 'not found' for council B's case, family, person and team pages", async ({ page, sql }) => {
  const [b] = await sql<{ case_id: string; family_id: string; person_id: string; team_id: string }>(
    `SELECT c.id AS case_id, c.family_id, cc.person_id, c.team_id FROM case_file c
     JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id
     WHERE c.tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'tamsbridge') AND c.team_id IS NOT NULL LIMIT 1`,
  );
  await signIn(page, "head.of.service@wexcombe.example");
  for (const path of [`/cases/${b!.case_id}`, `/families/${b!.family_id}`, `/people/${b!.person_id}`, `/teams/${b!.team_id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
  // and B's teams are not in A's list
  await page.goto("/teams");
  const bTeams = await sql<{ name: string }>(`SELECT name FROM team WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'tamsbridge')`);
  const shown = await page.getByRole("table").getByRole("link").allTextContents();
  const aTeams = await sql<{ name: string }>(`SELECT name FROM team WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'wexcombe') ORDER BY name`);
  expect(shown).toEqual(aTeams.map((t) => t.name));
  expect(bTeams.length).toBeGreaterThan(0);
});
