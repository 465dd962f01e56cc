// A tenant administrator changes the council's settings on the Council settings page. The demo
// database is shared with the other specs: the save uses Wexcombe's clinician cap and agency saving,
// which no other spec reads, and puts them back afterwards; the refused save is in Tamsbridge and
// changes nothing.
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const settingsOf = async (sql: <T>(text: string, params?: unknown[]) => Promise<T[]>, slug: string) =>
  (await sql<{ settings: Record<string, unknown> }>(`SELECT settings FROM tenant WHERE slug = $1`, [slug]))[0]!.settings;

test("an administrator changes a cap and the agency saving and sees them saved", async ({ page, sql }) => {
  const original = await settingsOf(sql, "wexcombe");
  try {
    await signIn(page, "admin@wexcombe.example");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Council settings" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Council settings");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Council settings" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users and teams" })).not.toHaveAttribute("aria-current", "page");
    await expectAccessible(page);

    const clinician = page.getByRole("group", { name: "Caps by role" }).getByLabel("Clinician");
    const saving = page.getByLabel("Saving per agency placement avoided (£ a week)");
    await expect(clinician).toHaveValue("12");
    await expect(saving).toHaveValue("500");
    // what the council already has is shown, not the defaults
    await expect(page.getByLabel("Share the council's KPI figures with partner councils")).toBeChecked();
    await expect(page.getByLabel("Partner councils' LA codes")).toHaveValue("991, 992");
    await expect(page.getByLabel("Partner councils' LA codes")).toHaveAccessibleDescription(/enters this council's code, 990/);
    await expect(page.getByLabel("Partnership's name (optional)")).toHaveValue("Southern partnership");

    await clinician.fill("11");
    await saving.fill("£650");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(page.getByRole("status")).toHaveText("Settings saved: 2 settings changed.");
    await expect(page.getByRole("group", { name: "Caps by role" }).getByLabel("Clinician")).toHaveValue("11");
    await expect(page.getByLabel("Saving per agency placement avoided (£ a week)")).toHaveValue("650");
    await expectAccessible(page);

    const saved = await settingsOf(sql, "wexcombe");
    expect(saved).toMatchObject({ caseload: { capsByRole: { CLINICIAN: 11, SOCIAL_WORKER: 18 } }, placements: { ifaSavingPerWeek: 650 }, benchmarking: { optIn: true, group: "Southern partnership", partners: ["991", "992"] } });
    const [audit] = await sql<{ details: Record<string, unknown> }>(
      `SELECT a.details FROM audit_event a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
       WHERE u.email = 'admin@wexcombe.example' AND a.action = 'tenant.settings_saved' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(audit!.details).toMatchObject({ changes: { "caseload.capsByRole.CLINICIAN": { before: 12, after: 11 }, "placements.ifaSavingPerWeek": { before: 500, after: 650 } } });
  } finally {
    await sql(`UPDATE tenant SET settings = $1 WHERE slug = 'wexcombe'`, [original]);
    await sql(
      `UPDATE kpi_snapshot SET payload = jsonb_set(payload, '{staleSince}', to_jsonb(now()::text)) WHERE tenant_id = (SELECT tenant_id FROM tenant WHERE slug = 'wexcombe')`,
    );
  }
});

test("an invalid value is refused with the error summary, and everything typed stays; it fits a phone", async ({ page, sql }) => {
  const before = await settingsOf(sql, "tamsbridge");
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin@tamsbridge.example");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Council settings");
  // Tamsbridge's own caps, not the defaults
  await expect(page.getByRole("group", { name: "Caps by role" }).getByLabel("Social worker", { exact: true })).toHaveValue("12");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  await page.getByRole("group", { name: "Caps by role" }).getByLabel("Social worker", { exact: true }).fill("0");
  await page.getByLabel("Amber fraction").fill("three quarters");
  await page.getByLabel("Saving per agency placement avoided (£ a week)").fill("720");
  await page.getByLabel("Minutes an account stays locked").fill("45");
  await page.getByRole("radio", { name: "After closure" }).check();
  await page.getByLabel("Partner councils' LA codes").fill("990, 99");
  await page.getByRole("button", { name: "Save settings" }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "The cap for a social worker must be 1 or more",
    "Enter the amber fraction as a number",
    "An LA code is the DfE's 3-digit number for a council, like 202: check “99”",
  ]);
  const cap = page.getByRole("group", { name: "Caps by role" }).getByLabel("Social worker", { exact: true });
  await expect(cap).toHaveAttribute("aria-invalid", "true");
  await expect(cap).toHaveAccessibleDescription(/Error: The cap for a social worker must be 1 or more/);
  await expect(page.getByLabel("Amber fraction")).toHaveAttribute("aria-invalid", "true");
  // what was typed is all still there
  await expect(cap).toHaveValue("0");
  await expect(page.getByLabel("Amber fraction")).toHaveValue("three quarters");
  await expect(page.getByLabel("Saving per agency placement avoided (£ a week)")).toHaveValue("720");
  await expect(page.getByLabel("Minutes an account stays locked")).toHaveValue("45");
  await expect(page.getByRole("radio", { name: "After closure" })).toBeChecked();
  await expect(page.getByLabel("Share the council's KPI figures with partner councils")).toBeChecked();
  await expect(page.getByLabel("Partner councils' LA codes")).toHaveValue("990, 99");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  // the summary's link takes you to the field
  await summary.getByRole("link", { name: "Enter the amber fraction as a number" }).click();
  await expect(page.getByLabel("Amber fraction")).toBeFocused();
  expect(await settingsOf(sql, "tamsbridge")).toEqual(before);
});

test("naming the council's own LA code as a partner is refused on the field, keeping what was typed", async ({ page, sql }) => {
  const before = await settingsOf(sql, "tamsbridge");
  await signIn(page, "admin@tamsbridge.example");
  await page.goto("/admin/settings");
  await page.getByLabel("Partner councils' LA codes").fill("990, 991");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["991 is this council's own LA code: enter the codes of the partner councils only"]);
  await expect(page.getByLabel("Partner councils' LA codes")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Partner councils' LA codes")).toHaveValue("990, 991");
  await expectAccessible(page);
  expect(await settingsOf(sql, "tamsbridge")).toEqual(before);
});

test("a social worker cannot open the council's settings", async ({ page }) => {
  await signIn(page, "social.worker@wexcombe.example");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Council settings" })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expectAccessible(page);
});
