// A social worker fixes what a statutory return would refuse, a child's missing ethnicity and UPN, on
// the child's identifiers and equality details; a UPN with the wrong check letter is refused with an
// error summary, keeping everything typed.
import { upnCheckLetter } from "../../lib/domain/identifiers";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a social worker records a child's missing ethnicity and UPN, after a UPN with the wrong check letter is refused", async ({ browser, sql }) => {
  // a child of an early help family (in neither return, so other tests' returns are untouched), stripped of both
  const [child] = await sql<{ id: string; name: string }>(
    `SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM person p
     JOIN tenant t ON t.tenant_id = p.tenant_id
     JOIN case_child cc ON cc.tenant_id = p.tenant_id AND cc.person_id = p.id
     JOIN case_file c ON c.tenant_id = cc.tenant_id AND c.id = cc.case_id
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     WHERE t.slug = 'tamsbridge' AND p.kind = 'CHILD' AND p.merged_into_id IS NULL AND p.date_of_birth IS NOT NULL AND c.level = 'EARLY_HELP' AND NOT f.restricted
       AND NOT EXISTS (SELECT 1 FROM care_episode e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM cin_episode e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id)
     ORDER BY p.la_child_id OFFSET 3 LIMIT 1`,
  );
  expect(child, "an early help child in Tamsbridge").toBeTruthy();
  await sql(`UPDATE person SET ethnicity = NULL, upn = NULL WHERE id = $1`, [child!.id]);
  const rest = `99${child!.id.replace(/\D/g, "").padEnd(9, "7").slice(0, 9)}4`;
  const upn = `${upnCheckLetter(rest)}${rest}`;
  const wrongUpn = `${upn[0] === "A" ? "B" : "A"}${rest}`;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, "social.worker@tamsbridge.example");
  await page.goto(`/people/${child!.id}`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("EthnicityNot recorded");
  await expect(details).toContainText("UPNNot recorded");
  await expectAccessible(page);

  await details.getByRole("link", { name: "Change identifiers and equality details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Identifiers and equality details");
  await expect(page.getByLabel("Ethnicity")).toHaveValue("");
  await expectAccessible(page);

  // a UPN with the wrong check letter: refused, everything typed is still there
  await page.getByLabel("Ethnicity").selectOption({ label: "White and Asian (MWAS)" });
  await page.getByLabel("Unique pupil number (UPN)").fill(wrongUpn);
  await page.getByRole("button", { name: "Save the details" }).click();
  const problem = errorSummary(page).getByRole("link", { name: /check letter \(the first letter\) does not match/ });
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute("href", "#upn");
  await expect(page.getByLabel("Unique pupil number (UPN)")).toHaveValue(wrongUpn);
  await expect(page.getByLabel("Unique pupil number (UPN)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Ethnicity")).toHaveValue("MWAS");
  await expectAccessible(page);
  const unchanged = await sql<{ ethnicity: string | null; upn: string | null }>(`SELECT ethnicity, upn FROM person WHERE id = $1`, [child!.id]);
  expect(unchanged).toEqual([{ ethnicity: null, upn: null }]);

  // the UPN as the school wrote it, in small letters with spaces: saved in capitals
  await page.getByLabel("Unique pupil number (UPN)").fill(`${upn.slice(0, 5).toLowerCase()} ${upn.slice(5)}`);
  await page.getByRole("button", { name: "Save the details" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${child!.id}\\?identifiers=saved$`));
  await expect(page.getByRole("status")).toHaveText("The child's identifiers and equality details have been saved.");
  await expect(details).toContainText("White and Asian (MWAS)");
  await expect(details).toContainText(`UPN${upn}`);
  await expectAccessible(page);

  const audit = await sql<{ details: { changes: Record<string, { before: string | null; after: string | null }> } }>(
    `SELECT a.details FROM audit_event a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
     WHERE a.person_id = $1 AND a.action = 'person.identifiers_changed' AND u.email = 'social.worker@tamsbridge.example'`,
    [child!.id],
  );
  expect(audit).toHaveLength(1);
  expect(audit[0]!.details.changes).toEqual({ ethnicity: { before: null, after: "MWAS" }, upn: { before: null, after: upn } });
});

test("the SSDA903 problem list links a child's missing ethnicity to the form that fixes it", async ({ browser, sql }) => {
  // a child looked after in 2025-26 whose ethnicity went missing; put back afterwards
  const [child] = await sql<{ id: string; name: string; child: string; ethnicity: string }>(
    `SELECT DISTINCT p.id, p.first_name || ' ' || p.last_name AS name, p.la_child_id AS child, p.ethnicity FROM care_episode e
     JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id JOIN tenant t ON t.tenant_id = e.tenant_id
     WHERE t.slug = 'kingsmere' AND e.start_date <= '2026-03-31' AND (e.end_date IS NULL OR e.end_date >= '2025-04-01') AND p.ethnicity IS NOT NULL
     ORDER BY p.la_child_id LIMIT 1`,
  );
  expect(child, "a child looked after in 2025-26").toBeDefined();
  await sql("UPDATE person SET ethnicity = NULL WHERE id = $1", [child!.id]);
  try {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, "head.of.service@kingsmere.example");
    await page.goto("/exports/ssda903?year=2026");
    const listed = () => page.getByRole("list", { name: "Children with problems" }).getByRole("listitem").filter({ hasText: `CHILD ${child!.child}` });
    await expect(listed()).toContainText("The child: give the ethnicity (ETHNIC).");
    await expectAccessible(page);
    await listed().getByRole("link", { name: `Change ${child!.name}'s identifiers and equality details` }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${child!.id}/identifiers$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Identifiers and equality details");
    await page.getByLabel("Ethnicity").selectOption(child!.ethnicity);
    await page.getByRole("button", { name: "Save the details" }).click();
    await expect(page.getByRole("status")).toHaveText("The child's identifiers and equality details have been saved.");
    await page.goto("/exports/ssda903?year=2026");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SSDA903 return (children looked after)");
    await expect(page.getByRole("main")).not.toContainText(`CHILD ${child!.child}`);
  } finally {
    await sql("UPDATE person SET ethnicity = $2 WHERE id = $1", [child!.id, child!.ethnicity]);
  }
});
