import { COUNCILS, DEMO_LOGIN_NAMES } from "../../prisma/seed/councils";
import { ROLES, type Role } from "../../lib/domain/roles";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const HOME: Record<Role, { path: RegExp; heading: RegExp; nav: string[] }> = {
  SOCIAL_WORKER: { path: /\/caseload$/, heading: /My caseload/, nav: ["My caseload", "What's due", "Front door", "Carers and vacancies"] },
  NEWLY_QUALIFIED_SOCIAL_WORKER: { path: /\/caseload$/, heading: /My caseload/, nav: ["My caseload", "What's due", "Front door", "Carers and vacancies"] },
  SENIOR_PRACTITIONER: { path: /\/caseload$/, heading: /My caseload/, nav: ["My caseload", "What's due", "Front door", "Carers and vacancies"] },
  FAMILY_KEYWORKER: { path: /\/caseload$/, heading: /My caseload/, nav: ["My caseload", "What's due"] },
  SENIOR_FAMILY_KEYWORKER: { path: /\/caseload$/, heading: /My caseload/, nav: ["My caseload", "What's due"] },
  CLINICIAN: { path: /\/caseload$/, heading: /My caseload/, nav: ["My caseload", "What's due"] },
  ASSISTANT_TEAM_MANAGER: { path: /\/teams\/[0-9a-f-]{36}$/, heading: /.+/, nav: ["My team", "Front door", "Awaiting decision", "Carers and vacancies"] },
  TEAM_MANAGER: { path: /\/teams\/[0-9a-f-]{36}$/, heading: /.+/, nav: ["My team", "Front door", "Awaiting decision", "Carers and vacancies"] },
  HEAD_OF_SERVICE: { path: /\/teams$/, heading: /Teams/, nav: ["Teams", "Front door", "Awaiting decision", "Carers and vacancies", "Borough KPIs", "Statutory returns"] },
  TENANT_ADMIN: { path: /\/admin$/, heading: /Users and teams/, nav: ["Carers and vacancies", "Borough KPIs", "Statutory returns", "Users and teams", "Council settings"] },
};

test.describe("every demo login lands on its role's home page", () => {
  for (const council of COUNCILS) {
    for (const role of ROLES) {
      const email = `${DEMO_LOGIN_NAMES[role]}@${council.slug}.example`;
      test(`${council.slug}: ${role}`, async ({ page }) => {
        await signIn(page, email);
        await expect(page).toHaveURL(HOME[role].path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOME[role].heading);
        await expect(page.getByRole("banner")).toContainText(council.name);
        const nav = page.getByRole("navigation", { name: "Main" });
        await expect(nav.getByRole("link")).toHaveText(HOME[role].nav);
        if (council.slug === "wexcombe") await expectAccessible(page);
      });
    }
  }
});

test("the sign-in page is accessible and refuses a wrong password with a clear message, keeping the email", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(errorSummary(page)).toContainText("Enter your email address");
  await expect(errorSummary(page)).toContainText("Enter your password");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill("social.worker@kingsmere.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(errorSummary(page)).toContainText("The email address or password is not right");
  await expect(page.getByLabel("Email address")).toHaveValue("social.worker@kingsmere.example");
  await expect(page).toHaveURL(/\/login/);
});

test("an account locks after five failed attempts, says so, and the lock is audited", async ({ page, sql }) => {
  const [worker] = await sql<{ email: string; id: string }>(
    `SELECT u.email::text, u.id FROM app_user u JOIN tenant t USING (tenant_id)
     WHERE t.slug = 'kingsmere' AND u.role = 'SOCIAL_WORKER' AND u.email NOT LIKE 'social.worker@%' ORDER BY u.email LIMIT 1`,
  );
  await page.goto("/login");
  await page.getByLabel("Email address").fill(worker!.email);
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(errorSummary(page)).toContainText(i < 5 ? "not right" : "locked");
  }
  await page.getByLabel("Password").fill("Continuum-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(errorSummary(page)).toContainText("This account is locked after too many failed sign-in attempts");
  const audit = await sql<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'auth.%' ORDER BY id`, [worker!.id]);
  expect(audit.map((a) => a.action)).toContain("auth.account_locked");
});

test("sign out ends the session, on the server too: a copy of the session cookie kept from before no longer works", async ({ page }) => {
  await signIn(page, "keyworker@tamsbridge.example");
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcaseload/);
  // someone who copied the cookie before sign-out (a shared computer, a stolen token) puts it back
  await page.context().addCookies(copied);
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toHaveCount(0);
});

test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page, request }) => {
  const response = await request.get("/teams", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteams/);
  await page.getByLabel("Email address").fill("head.of.service@kingsmere.example");
  await page.getByLabel("Password").fill("Continuum-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teams$/);
});
