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

test("records whose referrals overlap are shown as not mergeable before a reason is given, and refused with nothing changed if the overlap arrives meanwhile", async ({ page, sql }) => {
  // a demo duplicate pair in another council than the test above merges in
  const [pair] = await sql<{ tenant: string; keep: string; keep_name: string; keep_case: string; dup: string; dup_name: string; dup_case: string; dup_ref: string }>(
    `SELECT a.tenant_id AS tenant, a.id AS keep, a.first_name || ' ' || a.last_name AS keep_name, b.id AS dup, b.first_name || ' ' || b.last_name AS dup_name,
            (SELECT cc.case_id FROM case_child cc JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id WHERE cc.tenant_id = a.tenant_id AND cc.person_id = a.id AND c.status = 'OPEN' LIMIT 1) AS keep_case,
            (SELECT cc.case_id FROM case_child cc WHERE cc.tenant_id = b.tenant_id AND cc.person_id = b.id LIMIT 1) AS dup_case,
            (SELECT c.reference FROM case_child cc JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id WHERE cc.tenant_id = b.tenant_id AND cc.person_id = b.id LIMIT 1) AS dup_ref
     FROM person a JOIN person b ON b.tenant_id = a.tenant_id AND b.last_name = a.last_name AND b.date_of_birth = a.date_of_birth AND b.id <> a.id
     JOIN tenant t ON t.tenant_id = a.tenant_id
     WHERE t.slug = 'tamsbridge' AND a.kind = 'CHILD' AND a.upn IS NOT NULL AND b.upn IS NULL AND b.merged_into_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM family_member fa JOIN family_member fb ON fb.tenant_id = fa.tenant_id AND fb.family_id = fa.family_id WHERE fa.tenant_id = a.tenant_id AND fa.person_id = a.id AND fb.person_id = b.id)
     ORDER BY a.la_child_id LIMIT 1`,
  );
  expect(pair, "a duplicate pair in the demo data").toBeDefined();
  const comparison = `/people/${pair!.keep}/merge?other=${pair!.dup}`;

  await signIn(page, "team.manager@tamsbridge.example");
  await page.goto(comparison);
  await expect(page.getByRole("button", { name: "Merge the records" })).toBeVisible();

  // meanwhile both records get a referral open for the same days (the duplicate's on its own case)
  const added = await sql<{ id: string }>(
    `INSERT INTO cin_episode (tenant_id, person_id, case_id, referral_date, referral_source)
     VALUES ($1, $2, $3, current_date - 20, '2A'), ($1, $4, $5, current_date - 10, '2A') RETURNING id`,
    [pair!.tenant, pair!.keep, pair!.keep_case, pair!.dup, pair!.dup_case],
  );
  try {
    await page.getByLabel("Why these are the same person").fill("Same date of birth and surname");
    await page.getByRole("button", { name: "Merge the records" }).click();
    const refusal = page.getByRole("alert", { name: "These records cannot be merged yet" });
    await expect(refusal).toContainText("Nothing has been changed.");
    await expect(refusal).toContainText(`on case ${pair!.dup_ref} (still open)`);
    await expectAccessible(page);
    expect((await sql<{ merged: string | null }>(`SELECT merged_into_id AS merged FROM person WHERE id = $1`, [pair!.dup]))[0]!.merged).toBeNull();

    // opened again, the page says so before a reason is asked for, with a link to where the duplicate's referral is closed
    await page.goto(comparison);
    const upFront = page.getByRole("region", { name: "These records cannot be merged yet" });
    await expect(upFront).toContainText(`on case ${pair!.dup_ref} (still open): they overlap from`);
    // (the demo's duplicate may have been recorded under the very same name: then each is told apart as "the duplicate" and "the record kept")
    await expect(upFront.getByRole("link", { name: new RegExp(`^${pair!.dup_name}( \\(the duplicate\\))?'s case ${pair!.dup_ref}$`) }).first()).toHaveAttribute("href", `/cases/${pair!.dup_case}`);
    await expect(page.getByRole("button", { name: "Merge the records" })).toHaveCount(0);
    await expectAccessible(page);
  } finally {
    await sql(`DELETE FROM cin_episode WHERE id = ANY($1::uuid[])`, [added.map((a) => a.id)]);
  }
});
