import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

// A tenant administrator adds a family keyworker; the keyworker chooses their password through the
// one-time link and signs in; the administrator changes them, then switches the account off, which
// ends the keyworker's session at once. (Kingsmere; the new user has no team or cases, so the other
// specs' counts are untouched, and is switched off at the end.)
test("an administrator adds a user, who chooses a password through the link and signs in; switched off, their session ends", async ({ page, browser, sql }) => {
  const email = `new.keyworker.${Date.now()}@kingsmere.example`;
  await signIn(page, "admin@kingsmere.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and teams");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a user");
  await expectAccessible(page);

  // mistakes are listed, linked to their fields, and what was typed stays
  await page.getByLabel("Full name").fill("Robin Okafor");
  await page.getByLabel("Work email address").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Family keyworker" });
  await page.getByLabel("Full-time equivalent").fill("1.5");
  await page.getByLabel("Social Work England registration number (optional)").fill("12345");
  await page.getByRole("button", { name: "Add the user" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: "Full-time equivalent must be between 0.1 and 1" })).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: /Social Work England registration number: "SW" then digits/ })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Robin Okafor");
  await expect(page.getByLabel("Work email address")).toHaveValue(email);
  await expect(page.getByLabel("Role")).toHaveValue("FAMILY_KEYWORKER");
  await expectAccessible(page);
  await errorSummary(page).getByRole("link", { name: "Full-time equivalent must be between 0.1 and 1" }).click();
  await expect(page.getByLabel("Full-time equivalent")).toBeFocused();

  await page.getByLabel("Full-time equivalent").fill("0.8");
  await page.getByLabel("Social Work England registration number (optional)").fill("");
  await page.getByRole("button", { name: "Add the user" }).click();
  await expect(page.getByRole("heading", { name: "User added" })).toBeVisible();
  const link = await page.getByLabel("Link").inputValue();
  expect(link).toMatch(/\/set-password\?token=/);
  await expectAccessible(page);
  const [stored] = await sql<{ role: string; fte: string; active: boolean }>(`SELECT role::text, fte::text, active FROM app_user WHERE email = $1`, [email]);
  expect(stored).toEqual({ role: "FAMILY_KEYWORKER", fte: "0.80", active: true });

  await page.getByRole("link", { name: "See the user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Robin Okafor");
  await expect(page.getByText(/Waiting to be used, until/)).toBeVisible();
  await expectAccessible(page);

  // the new keyworker, in their own browser
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Choose your password");
  await expect(them.getByText(email)).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel("New password").fill("teapot river lantern");
  await them.getByLabel("Type it again").fill("teapot river lanterns");
  await them.getByRole("button", { name: "Save my password" }).click();
  await expect(errorSummary(them).getByRole("link", { name: "The two passwords are not the same: type it again" })).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel("New password").fill("teapot river lantern");
  await them.getByLabel("Type it again").fill("teapot river lantern");
  await them.getByRole("button", { name: "Save my password" }).click();
  await them.waitForURL(/\/login\?reason=password-set/);
  await expect(them.getByText("Your password is set.")).toBeVisible();
  await signIn(them, email, "teapot river lantern");
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(/caseload/i);

  // the link works once only
  await them.goto(link);
  await expect(them.getByText(/^This link does not work/)).toBeVisible();

  // the administrator sees it used, changes them, then switches the account off
  await page.reload();
  await expect(page.getByText(/^Used /)).toBeVisible();
  await page.getByLabel("Full-time equivalent").fill("0.6");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
  await expect(page.getByLabel("Full-time equivalent")).toHaveValue("0.6");
  await page.getByLabel("Account switched on").uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
  await expect(page.getByText("Switched off", { exact: true })).toBeVisible();

  await them.goto("/caseload");
  await them.waitForURL(/\/login/);
  await theirs.close();

  const audit = await sql<{ action: string }>(
    `SELECT e.action FROM audit_event e JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id::text = e.entity_id::text WHERE u.email = $1 ORDER BY e.at`,
    [email],
  );
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["user.created", "user.password_set", "user.updated"]));
});

test("an administrator cannot switch off their own account, and is told why", async ({ page, sql }) => {
  await signIn(page, "admin@tamsbridge.example");
  const [me] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = 'admin@tamsbridge.example'`);
  await page.goto(`/admin/users/${me!.id}`);
  await page.getByLabel("Account switched on").uncheck();
  await page.getByLabel("Full name").fill("Changed name, not to be saved");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "You cannot switch off your own account. Ask another administrator to do it." })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Changed name, not to be saved");
  await expectAccessible(page);
  const [after] = await sql<{ active: boolean; name: string }>(`SELECT active, name FROM app_user WHERE id = $1`, [me!.id]);
  expect(after!.active).toBe(true);
  expect(after!.name).not.toBe("Changed name, not to be saved");
});

test("no other role can open user management, and another council's user is not found", async ({ page, sql }) => {
  await signIn(page, "head.of.service@wexcombe.example");
  for (const path of ["/admin", "/admin/users/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await page.context().clearCookies();
  await signIn(page, "admin@wexcombe.example");
  const [b] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = 'admin@tamsbridge.example'`);
  const response = await page.goto(`/admin/users/${b!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("an administrator adds a team and can then put a user in it", async ({ page, sql }) => {
  const name = `Care Leavers ${Date.now()}`;
  await signIn(page, "admin@kingsmere.example");
  const teams = page.getByRole("region", { name: "Teams", exact: true });
  await teams.getByRole("button", { name: "Add the team" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the team's name" })).toBeVisible();
  await expectAccessible(page);
  await teams.getByLabel("Team name").fill(name);
  await teams.getByLabel("Kind of team").selectOption({ label: "Care leavers" });
  await teams.getByRole("button", { name: "Add the team" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Team added." })).toBeVisible();
  await expect(teams.getByRole("rowheader", { name })).toBeVisible();
  const [stored] = await sql<{ kind: string }>(`SELECT kind::text FROM team WHERE name = $1`, [name]);
  expect(stored).toEqual({ kind: "CARE_LEAVERS" });

  await page.getByRole("link", { name: "Add a user" }).click();
  await expect(page.getByLabel("Team").getByRole("option", { name })).toHaveCount(1);
});
