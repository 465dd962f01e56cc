import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a practitioner finds a child by a misspelt name and date of birth", async ({ page, sql }) => {
  const [child] = await sql<{ id: string; first_name: string; last_name: string; dob: string }>(
    `SELECT p.id, p.first_name, p.last_name, to_char(p.date_of_birth, 'DD/MM/YYYY') AS dob
     FROM person p JOIN tenant t USING (tenant_id)
     WHERE t.slug = 'tamsbridge' AND p.kind = 'CHILD' AND p.date_of_birth IS NOT NULL AND length(p.last_name) >= 6 AND p.last_name ~ '^[A-Za-z]+$'
     ORDER BY p.la_child_id LIMIT 1`,
  );
  // swap two letters in the middle of the surname, as a hurried typist would
  const name = child!.last_name;
  const misspelt = name.slice(0, 2) + name[3] + name[2] + name.slice(4);
  expect(misspelt.toLowerCase()).not.toBe(name.toLowerCase());

  await signIn(page, "social.worker@tamsbridge.example");
  const box = page.getByRole("searchbox", { name: "Search for a child, adult or family" });
  await box.fill(`${child!.first_name} ${misspelt} ${child!.dob}`);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const people = page.getByRole("list", { name: "People" }).getByRole("listitem");
  await expect(people.first()).toContainText(`${child!.first_name} ${child!.last_name}`);
  await expectAccessible(page);
  await people.first().getByRole("link", { name: `${child!.first_name} ${child!.last_name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${child!.first_name} ${child!.last_name}`);
});

test("search never shows another council's people", async ({ page, sql }) => {
  const [other] = await sql<{ la_child_id: string; first_name: string; last_name: string }>(
    `SELECT p.la_child_id, p.first_name, p.last_name FROM person p JOIN tenant t USING (tenant_id) WHERE t.slug = 'kingsmere' AND p.la_child_id IS NOT NULL ORDER BY p.la_child_id LIMIT 1`,
  );
  await signIn(page, "social.worker@tamsbridge.example");
  await page.goto(`/search?q=${encodeURIComponent(other!.la_child_id)}`);
  await expect(page.getByRole("heading", { name: "No people found" })).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent(`${other!.first_name} ${other!.last_name}`)}`);
  await expect(page.getByRole("main")).not.toContainText(other!.la_child_id);
});

test("a practitioner who knows only the postcode district finds a child by surname and district", async ({ page, sql }) => {
  const [child] = await sql<{ first_name: string; last_name: string; postcode: string }>(
    `SELECT p.first_name, p.last_name, p.postcode FROM person p JOIN tenant t USING (tenant_id)
     WHERE t.slug = 'wexcombe' AND p.kind = 'CHILD' AND p.merged_into_id IS NULL AND p.postcode ~ '^WX[0-9] [0-9][A-Z]{2}$' AND p.last_name ~ '^[A-Za-z]+$'
       AND NOT EXISTS (SELECT 1 FROM family_member m JOIN family f ON f.tenant_id = m.tenant_id AND f.id = m.family_id WHERE m.tenant_id = p.tenant_id AND m.person_id = p.id AND f.restricted)
     ORDER BY p.la_child_id LIMIT 1`,
  );
  const district = child!.postcode.split(" ")[0]!;

  await signIn(page, "social.worker@wexcombe.example");
  const box = page.getByRole("searchbox", { name: "Search for a child, adult or family" });
  await box.fill(`${child!.last_name} ${district.toLowerCase()}`);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const people = page.getByRole("list", { name: "People" });
  await expect(people.getByRole("link", { name: `${child!.first_name} ${child!.last_name}` }).first()).toBeVisible();
  // everyone listed lives in that district
  const postcodes = await people.locator("dt", { hasText: "Postcode" }).locator("xpath=following-sibling::dd[1]").allTextContents();
  expect(postcodes.length).toBeGreaterThan(0);
  for (const postcode of postcodes) expect(postcode).toMatch(new RegExp(`^${district} \\d[A-Z]{2}$`));
  await expectAccessible(page);
});
