// The versioned case summary: writing and updating it, its history, and two people editing at once.
import type { Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const unique = () => `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1e4)}`;

type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** An open case led by `email` with no summary yet; `pick` keeps tests on different cases. */
async function caseWithoutSummary(sql: Sql, email: string, pick: number) {
  const rows = await sql<{ id: string; family: string }>(
    `SELECT c.id, f.name AS family FROM allocation a
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     WHERE u.email = $1 AND a.end_date IS NULL AND a.role_on_case = 'LEAD' AND c.status = 'OPEN'
       AND NOT EXISTS (SELECT 1 FROM case_summary_version s WHERE s.tenant_id = c.tenant_id AND s.case_id = c.id)
     ORDER BY c.reference DESC`,
    [email],
  );
  expect(rows.length, `${email} leads open cases without a summary`).toBeGreaterThan(pick);
  return rows[pick]!;
}

async function fillSummary(page: Page, text: { purpose?: string; worries?: string; workingWell?: string; nextSteps?: string; scale?: string }) {
  if (text.purpose !== undefined) await page.getByLabel("Purpose of involvement").fill(text.purpose);
  if (text.worries !== undefined) await page.getByLabel("What we are worried about").fill(text.worries);
  if (text.workingWell !== undefined) await page.getByLabel("What is working well").fill(text.workingWell);
  if (text.nextSteps !== undefined) await page.getByLabel("What needs to happen").fill(text.nextSteps);
  if (text.scale !== undefined) await page.getByRole("group", { name: /^Safety scale/ }).getByRole("radio", { name: text.scale, exact: true }).check();
}

test("a social worker writes the case summary, updates it, and reads an earlier version", async ({ page, sql }) => {
  const email = "social.worker@kingsmere.example";
  const c = await caseWithoutSummary(sql, email, 0);
  const tag = unique();
  const first = {
    purpose: `Help Mum keep the children safe at home (${tag}).`,
    worries: "Arguments at home when Dad visits; the children hear shouting late at night.",
    workingWell: "Gran is close by and the school knows the children well.",
    nextSteps: "Family network meeting this month; Dad to start the parenting course.",
    scale: "4",
  };

  await signIn(page, email);
  await page.goto(`/cases/${c.id}`);
  const section = page.getByRole("region", { name: "Case summary" });
  await expect(section).toContainText("No case summary has been written yet.");
  await expectAccessible(page);
  await section.getByRole("link", { name: "Write the case summary" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write the case summary");
  await expectAccessible(page);

  // a section left empty is refused, and nothing typed is lost
  await fillSummary(page, { ...first, nextSteps: "" });
  await page.getByRole("button", { name: "Save the summary" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter what needs to happen" })).toBeVisible();
  await expect(page.getByLabel("Purpose of involvement")).toHaveValue(first.purpose);
  await expect(page.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  await expectAccessible(page);
  await fillSummary(page, { nextSteps: first.nextSteps });
  await page.getByRole("button", { name: "Save the summary" }).click();

  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?summary=1$`));
  await expect(page.getByRole("status")).toHaveText("The case summary has been saved as version 1.");
  await expect(section).toContainText(first.purpose);
  await expect(section).toContainText(first.worries);
  await expect(section).toContainText("4 out of 10");
  await expect(section).toContainText("Version 1, saved by");

  // version 2: the form starts from version 1's text
  await section.getByRole("link", { name: "Update the case summary" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Update the case summary");
  await expect(page.getByLabel("What is working well")).toHaveValue(first.workingWell);
  await fillSummary(page, { worries: "Fewer arguments since the network meeting; Dad now visits in the daytime.", scale: "6" });
  await page.getByRole("button", { name: "Save the summary" }).click();
  await expect(page.getByRole("status")).toHaveText("The case summary has been saved as version 2.");
  await expect(section).toContainText("Fewer arguments since the network meeting");
  await expect(section).not.toContainText(first.worries);
  await expect(section).toContainText("6 out of 10");

  await section.getByRole("link", { name: "Version history (2 versions)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case summary history");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Version 2");
  await expect(rows.nth(1)).toContainText("Current");
  await expect(rows.nth(2)).toContainText("Version 1");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case summary, version 1");
  await expect(page.getByText("This is an earlier version. The current one is version 2")).toBeVisible();
  await expect(page.getByRole("article")).toContainText(first.worries);
  await expect(page.getByRole("article")).toContainText("4 out of 10");
  await expectAccessible(page);

  const audits = await sql<{ action: string; n: number }>(
    `SELECT action, count(*)::int AS n FROM audit_event WHERE case_id = $1 AND action LIKE 'summary.%' GROUP BY action ORDER BY action`,
    [c.id],
  );
  expect(audits).toEqual(
    expect.arrayContaining([
      { action: "summary.history_viewed", n: 1 },
      { action: "summary.saved", n: 2 },
    ]),
  );
});

test("two people edit the summary at once: the later save is refused and shows the newer text beside their own", async ({ page, browser, sql }, testInfo) => {
  const email = "social.worker@kingsmere.example";
  const otherEmail = "senior.practitioner@kingsmere.example";
  const c = await caseWithoutSummary(sql, email, 1);
  const [other] = await sql<{ name: string }>(`SELECT name FROM app_user WHERE email = $1`, [otherEmail]);
  const tag = unique();
  const base = {
    purpose: `Keep the children safe while Mum recovers from surgery (${tag}).`,
    worries: "Nobody to take the children to school for six weeks.",
    workingWell: "Neighbours have offered to help.",
    nextSteps: "Agree a school-run rota with the family network.",
    scale: "5",
  };
  const mine = "Mine: the rota has gaps on Thursdays and Fridays.";
  const theirs = "Theirs: the school has offered a place at breakfast club.";

  // version 1
  await signIn(page, email);
  await page.goto(`/cases/${c.id}/summary`);
  await fillSummary(page, base);
  await page.getByRole("button", { name: "Save the summary" }).click();
  await expect(page.getByRole("status")).toHaveText("The case summary has been saved as version 1.");

  // I start editing version 1…
  await page.goto(`/cases/${c.id}/summary`);
  await fillSummary(page, { worries: mine, scale: "4" });

  // …while a colleague, in another browser, saves version 2
  const otherContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, otherEmail);
  await otherPage.goto(`/cases/${c.id}/summary`);
  await fillSummary(otherPage, { worries: theirs, scale: "6" });
  await otherPage.getByRole("button", { name: "Save the summary" }).click();
  await expect(otherPage.getByRole("status")).toHaveText("The case summary has been saved as version 2.");
  await otherContext.close();

  // my save is refused; nothing is overwritten; my text stays, theirs is beside it
  await page.getByRole("button", { name: "Save the summary" }).click();
  await expect(errorSummary(page)).toContainText(`${other!.name} saved a newer version of this summary (version 2)`);
  await expect(page.getByLabel("What we are worried about")).toHaveValue(mine);
  await expect(page.getByText(`What we are worried about in version 2, saved by ${other!.name}`)).toBeVisible();
  await expect(page.getByText(theirs)).toBeVisible();
  await expect(page.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  await expect(page.getByText(`Safety scale in version 2, saved by ${other!.name}`)).toBeVisible();
  // sections nobody changed are marked as the same
  await expect(page.getByText("The same as yours.")).toHaveCount(3);
  await expectAccessible(page);
  const saved = await sql<{ version: number; worries: string }>(`SELECT version, worries FROM case_summary_version WHERE case_id = $1 ORDER BY version`, [c.id]);
  expect(saved).toEqual([
    { version: 1, worries: base.worries },
    { version: 2, worries: theirs },
  ]);

  // a slip while merging does not lose the newer version from view
  await fillSummary(page, { worries: `${theirs}\n${mine}`, nextSteps: "" });
  await page.getByRole("button", { name: "Save the summary" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter what needs to happen" })).toBeVisible();
  await expect(page.getByText(`What we are worried about in version 2, saved by ${other!.name}`)).toBeVisible();
  await expect(page.getByLabel("What we are worried about")).toHaveValue(`${theirs}\n${mine}`);

  // merged, and saved on top of version 2
  await fillSummary(page, { nextSteps: base.nextSteps, scale: "5" });
  await page.getByRole("button", { name: "Save the summary" }).click();
  await expect(page.getByRole("status")).toHaveText("The case summary has been saved as version 3.");
  const section = page.getByRole("region", { name: "Case summary" });
  await expect(section).toContainText(theirs);
  await expect(section).toContainText(mine);
  const after = await sql<{ version: number; worries: string }>(`SELECT version, worries FROM case_summary_version WHERE case_id = $1 ORDER BY version`, [c.id]);
  expect(after.map((r) => r.version)).toEqual([1, 2, 3]);
  expect(after[2]!.worries).toBe(`${theirs}\n${mine}`);
});
