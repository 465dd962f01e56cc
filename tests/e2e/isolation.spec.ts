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

test("a council A user gets 'not found' for council B's child's placements, and sees none of B's carers", async ({ page, sql }) => {
  const [b] = await sql<{ person_id: string }>(
    `SELECT person_id FROM care_episode WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'tamsbridge') AND end_date IS NULL LIMIT 1`,
  );
  await signIn(page, "head.of.service@wexcombe.example");
  const response = await page.goto(`/people/${b!.person_id}/placements`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

  await page.goto("/carers");
  const shown = (await page.getByRole("rowheader").allTextContents()).sort();
  const mine = await sql<{ name: string }>(`SELECT name FROM carer WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'wexcombe')`);
  expect(shown).toEqual(mine.map((c) => c.name).sort());
  expect(mine.length).toBeGreaterThan(0);
});
