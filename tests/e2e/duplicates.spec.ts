import { expect, expectAccessible, signIn, test } from "./fixtures";

test("recording a contact for a child who is already known shows the match and reuses the record", async ({ page, sql }) => {
  const [child] = await sql<{ id: string; first_name: string; last_name: string; dob: string }>(
    `SELECT p.id, p.first_name, p.last_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS dob
     FROM person p JOIN tenant t USING (tenant_id)
     WHERE t.slug = 'wexcombe' AND p.kind = 'CHILD' AND p.date_of_birth IS NOT NULL AND p.upn IS NOT NULL AND length(p.first_name) >= 5
     ORDER BY p.la_child_id DESC LIMIT 1`,
  );
  const misspelt = child!.first_name.slice(0, -1); // a letter dropped

  await signIn(page, "senior.practitioner@wexcombe.example");
  await page.goto("/front-door/new");
  await page.getByLabel("Family name").fill(child!.last_name);
  const group = page.getByRole("group", { name: "Child 1", exact: true });
  await group.getByLabel("First name").fill(misspelt);
  await group.getByLabel("Last name").fill(child!.last_name);
  await group.getByLabel("Date of birth", { exact: true }).fill(child!.dob);
  await group.getByRole("radio", { name: "Not known", exact: true }).check();
  await page.getByLabel("Who the contact came from").selectOption("3A");
  await page.getByLabel("Reason for the contact").fill("GP worried about missed appointments.");
  await page.getByRole("button", { name: "Record the contact" }).click();

  const matches = page.getByRole("group", { name: "Child 1 may already be known" });
  await expect(matches).toBeVisible();
  await expect(matches).toContainText(`${child!.first_name} ${child!.last_name}`);
  await expect(page.getByLabel("Reason for the contact")).toHaveValue("GP worried about missed appointments.");
  await expectAccessible(page);
  await matches.getByRole("radio", { name: new RegExp(`^Use the existing record: ${child!.first_name} ${child!.last_name}`) }).check();
  await page.getByRole("button", { name: "Record the contact" }).click();

  await expect(page.getByRole("status")).toContainText("The contact has been recorded");
  await expect(page.getByRole("link", { name: `${child!.first_name} ${child!.last_name}` }).first()).toHaveAttribute("href", `/people/${child!.id}`);
  const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM person WHERE tenant_id = (SELECT tenant_id FROM person WHERE id = $1) AND first_name = $2 AND last_name = $3`, [child!.id, misspelt, child!.last_name]);
  expect(count!.n).toBe(0); // no new record was made
});
