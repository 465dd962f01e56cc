import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a manager merges two records of the same child and the survivor shows both histories", async ({ page, sql }) => {
  // The demo data has children recorded twice: same surname and date of birth, a misspelt first name, different families
  const [pair] = await sql<{ keep: string; keep_name: string; dup: string; dup_name: string; dup_case: string }>(
    `SELECT a.id AS keep, a.first_name || ' ' || a.last_name AS keep_name, b.id AS dup, b.first_name || ' ' || b.last_name AS dup_name,
            (SELECT c.reference FROM case_child cc JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id WHERE cc.tenant_id = b.tenant_id AND cc.person_id = b.id LIMIT 1) AS dup_case
     FROM person a JOIN person b ON b.tenant_id = a.tenant_id AND b.last_name = a.last_name AND b.date_of_birth = a.date_of_birth AND b.id <> a.id
     JOIN tenant t ON t.tenant_id = a.tenant_id
     WHERE t.slug = 'kingsmere' AND a.kind = 'CHILD' AND a.upn IS NOT NULL AND b.upn IS NULL AND b.merged_into_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM family_member fa JOIN family_member fb ON fb.tenant_id = fa.tenant_id AND fb.family_id = fa.family_id WHERE fa.tenant_id = a.tenant_id AND fa.person_id = a.id AND fb.person_id = b.id)
     ORDER BY a.la_child_id LIMIT 1`,
  );
  expect(pair, "a duplicate pair in the demo data").toBeDefined();

  await signIn(page, "team.manager@kingsmere.example");
  await page.goto(`/people/${pair!.keep}`);
  await page.getByRole("link", { name: "Merge a duplicate record into this one" }).click();
  await expectAccessible(page);
  // a pasted link that names no record is explained, and kept
  await page.getByLabel("Or the link to the other record").fill("the Smith boy's page");
  await page.getByRole("button", { name: "Compare the records" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Paste the web address of the other person's page");
  await expect(page.getByLabel("Or the link to the other record")).toHaveValue("the Smith boy's page");
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(`^${pair!.dup_name}`) }).click();
  await expect(page.getByRole("region", { name: "Merge this one into it" })).toContainText(pair!.dup_name);
  await page.getByRole("button", { name: "Merge the records" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter why these are the same person");
  await page.getByLabel("Why these are the same person").fill("Same date of birth and surname; the first name was misspelt at the front door");
  await page.getByRole("button", { name: "Merge the records" }).click();
  await expect(page.getByRole("status")).toContainText("The records were merged");
  await expect(page.getByRole("main")).toContainText("Same date of birth and surname");

  // the survivor holds the duplicate's old case; the duplicate's address leads to the survivor
  await page.goto(`/people/${pair!.dup}`);
  await expect(page).toHaveURL(new RegExp(`/people/${pair!.keep}\\?mergedFrom=${pair!.dup}$`));
  await expect(page.getByRole("status")).toHaveText("The record you opened was merged into this one, which holds both histories.");
  await expect(page.getByRole("main")).toContainText(pair!.dup_case);
  await expectAccessible(page);
});
