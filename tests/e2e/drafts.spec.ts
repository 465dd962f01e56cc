// Drafts (decision 0023): what a practitioner types is kept on the server as they type, so closing the
// page, or the session ending, loses nothing; sending saves it once and the draft goes.
import type { Browser, Page, TestInfo } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

const KEYWORKER = "keyworker@kingsmere.example";
const unique = () => `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1e4)}`;

type OpenCase = { id: string; children: string[] };

/** One of `email`'s open cases (allocated, opened before yesterday) with its children; `pick` keeps tests apart. */
async function openCaseOf(sql: Sql, email: string, pick: number, options: { withoutSummary?: boolean } = {}): Promise<OpenCase> {
  const rows = await sql<OpenCase>(
    `SELECT c.id,
            (SELECT json_agg(p.first_name || ' ' || p.last_name ORDER BY p.date_of_birth, p.first_name) FROM case_child cc
             JOIN person p ON p.tenant_id = cc.tenant_id AND p.id = cc.person_id
             WHERE cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL) AS children
     FROM allocation a
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
     WHERE u.email = $1 AND a.end_date IS NULL AND c.status = 'OPEN' AND c.opened_on < current_date - 2
       AND EXISTS (SELECT 1 FROM case_child cc WHERE cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL)
       AND (NOT $2 OR NOT EXISTS (SELECT 1 FROM case_summary_version s WHERE s.tenant_id = c.tenant_id AND s.case_id = c.id))
     ORDER BY c.reference`,
    [email, options.withoutSummary ?? false],
  );
  expect(rows.length, `${email} holds open cases`).toBeGreaterThan(pick);
  return rows[pick]!;
}

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A new browser (its own cookies) on a phone. */
async function phoneBrowser(browser: Browser, testInfo: TestInfo) {
  return browser.newContext({ ...phone, baseURL: testInfo.project.use.baseURL });
}

/** Types a visit: a home visit, the first child seen alone, the others not seen, and `note`. */
async function typeVisit(page: Page, c: OpenCase, note: string) {
  await page.getByRole("radio", { name: "Home visit" }).check();
  const [first, ...others] = c.children;
  await page.getByRole("group", { name: new RegExp(`^${first}`) }).getByRole("radio", { name: "Seen alone", exact: true }).check();
  for (const name of others) await page.getByRole("group", { name: new RegExp(`^${name}`) }).getByRole("radio", { name: "Not seen" }).check();
  await page.getByLabel("Who else was there (optional)").fill("Mum");
  await page.getByLabel("Note", { exact: true }).fill(note);
}

async function expectTyped(page: Page, c: OpenCase, note: string) {
  await expect(page.getByRole("radio", { name: "Home visit" })).toBeChecked();
  await expect(page.getByRole("group", { name: new RegExp(`^${c.children[0]}`) }).getByRole("radio", { name: "Seen alone", exact: true })).toBeChecked();
  await expect(page.getByLabel("Who else was there (optional)")).toHaveValue("Mum");
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue(note);
}

const draftSaved = (page: Page) => page.getByRole("status").filter({ hasText: /^Draft saved \d\d:\d\d$/ });

test.describe("a visit typed on a phone", () => {
  test("is kept as it is typed: the page closed and opened again brings it back, and sending it saves it once", async ({ browser, sql }, testInfo) => {
    const c = await openCaseOf(sql, KEYWORKER, 0);
    const note = `Kids in from school; Mum calm, house warm. (${unique()})`;
    const context = await phoneBrowser(browser, testInfo);
    const page = await context.newPage();
    await signIn(page, KEYWORKER);
    await page.goto(`/cases/${c.id}/visits/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log a visit");
    await expect(page.getByText("We restored what you were typing")).toHaveCount(0);
    await expectAccessible(page);

    await typeVisit(page, c, note);
    // kept on the server a moment after typing stops, and said quietly
    await expect(draftSaved(page)).toBeVisible();
    const [kept] = await sql<{ note: string }>(`SELECT d.fields->>'note' AS note FROM draft d JOIN app_user u ON u.tenant_id = d.tenant_id AND u.id = d.user_id WHERE u.email = $1 AND d.case_id = $2 AND d.kind = 'VISIT'`, [
      KEYWORKER,
      c.id,
    ]);
    expect(kept?.note).toBe(note);
    await expectAccessible(page);

    // the tab is closed (the phone put the browser away), and the form opened again later
    await page.close();
    const again = await context.newPage();
    await again.goto(`/cases/${c.id}/visits/new`);
    await expect(again.getByText(/^We restored what you were typing on \d{1,2} \w{3} \d{4} at \d\d:\d\d\./)).toBeVisible();
    await expect(again.getByRole("button", { name: "Discard it" })).toBeVisible();
    await expectTyped(again, c, note);
    await expectAccessible(again);

    await again.getByRole("button", { name: "Save the visit" }).click();
    await expect(again).toHaveURL(new RegExp(`/cases/${c.id}\\?visit=recorded$`));
    await expect(again.getByRole("status")).toHaveText("The visit has been recorded.");
    await expectAccessible(again);
    const saved = await sql<{ audited: number }>(
      `SELECT (SELECT count(*)::int FROM audit_event e WHERE e.tenant_id = v.tenant_id AND e.action = 'visit.recorded' AND e.entity_id = v.id::text) AS audited FROM visit v WHERE v.note = $1`,
      [note],
    );
    expect(saved).toEqual([{ audited: 1 }]);
    expect(await sql(`SELECT 1 FROM draft WHERE case_id = $1 AND kind = 'VISIT' AND fields->>'note' = $2`, [c.id, note])).toHaveLength(0);

    // the form opened again is empty: nothing to restore
    await again.goto(`/cases/${c.id}/visits/new`);
    await expect(again.getByRole("heading", { level: 1 })).toHaveText("Log a visit");
    await expect(again.getByText("We restored what you were typing")).toHaveCount(0);
    await expect(again.getByLabel("Note", { exact: true })).toHaveValue("");
    await expectAccessible(again);
    await context.close();
  });

  test("left at once, before the draft was due to be kept: going to another page keeps it anyway", async ({ browser, sql }, testInfo) => {
    const c = await openCaseOf(sql, KEYWORKER, 2);
    const note = `Left in a hurry for the next visit. (${unique()})`;
    const context = await phoneBrowser(browser, testInfo);
    const page = await context.newPage();
    await signIn(page, KEYWORKER);
    await page.goto(`/cases/${c.id}/visits/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log a visit");
    await typeVisit(page, c, note);
    // straight to another page: no two seconds' pause for the draft to be kept as usual
    await page.goto("/caseload");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto(`/cases/${c.id}/visits/new`);
    await expect(page.getByText(/^We restored what you were typing/)).toBeVisible();
    await expectTyped(page, c, note);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Discard it" }).click();
    await expect(page.getByText(/^We restored what you were typing/)).toHaveCount(0);
    await context.close();
  });

  test("sent after the session ended: refused with everything typed kept; signed in again in a new tab, sent once", async ({ browser, sql }, testInfo) => {
    const c = await openCaseOf(sql, KEYWORKER, 1);
    const note = `Met Dad at the door; the children were at Gran's. (${unique()})`;
    const context = await phoneBrowser(browser, testInfo);
    const page = await context.newPage();
    await signIn(page, KEYWORKER);
    await page.goto(`/cases/${c.id}/visits/new`);
    await typeVisit(page, c, note);

    // the session ends: signed out in another tab of the same browser, so the cookie is gone
    const other = await context.newPage();
    await other.goto("/caseload");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other.getByRole("status")).toHaveText("You have signed out.");
    await other.close();

    await page.getByRole("button", { name: "Save the visit" }).click();
    await expect(errorSummary(page)).toContainText("Your session has ended, so this was not saved. What you typed is still here");
    await expectTyped(page, c, note);
    expect(await sql(`SELECT 1 FROM visit WHERE note = $1`, [note])).toHaveLength(0);
    await expectAccessible(page);

    // signed in again in a new tab, then back to the form, which is sent
    const signInTab = await context.newPage();
    await signIn(signInTab, KEYWORKER);
    await signInTab.close();
    await page.bringToFront();
    await page.getByRole("button", { name: "Save the visit" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?visit=recorded$`));
    await expect(page.getByRole("status")).toHaveText("The visit has been recorded.");
    expect(await sql(`SELECT 1 FROM visit WHERE note = $1`, [note])).toHaveLength(1);
    expect(await sql(`SELECT 1 FROM draft WHERE case_id = $1 AND kind = 'VISIT' AND fields->>'note' = $2`, [c.id, note])).toHaveLength(0);
    await context.close();
  });
});

test("a restored summary draft typed against an older version is refused on send beside the newer one; a draft can be discarded", async ({ browser, sql }, testInfo) => {
  const email = "senior.practitioner@tamsbridge.example";
  const c = await openCaseOf(sql, email, 0, { withoutSummary: true });
  const [me, colleague] = await sql<{ id: string; tenant_id: string; name: string }>(
    `SELECT u.id, u.tenant_id, u.name FROM app_user u WHERE u.email = ANY($1) ORDER BY u.email = $2 DESC`,
    [[email, "social.worker@tamsbridge.example"], email],
  );
  const tag = unique();
  await sql(
    `INSERT INTO case_summary_version (tenant_id, case_id, version, purpose, worries, working_well, next_steps, safety_scale, saved_by_id)
     VALUES ($1, $2, 1, 'Support Mum with the move.', 'Rent arrears.', 'School attendance is good.', 'Housing meeting.', 5, $3)`,
    [me!.tenant_id, c.id, me!.id],
  );
  const typedOn = 1;
  const mine = `My worries: the new flat is far from school (${tag}).`;

  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(`/cases/${c.id}/summary`);
  await page.getByLabel("What we are worried about").fill(mine);
  await expect(draftSaved(page)).toBeVisible();
  await page.close();

  // meanwhile a colleague saves a newer version
  const theirs = `Their worries: the landlord has served notice (${tag}).`;
  await sql(
    `INSERT INTO case_summary_version (tenant_id, case_id, version, purpose, worries, working_well, next_steps, safety_scale, saved_by_id)
     SELECT tenant_id, case_id, version + 1, purpose, $2, working_well, next_steps, safety_scale, $3 FROM case_summary_version WHERE case_id = $1 ORDER BY version DESC LIMIT 1`,
    [c.id, theirs, colleague!.id],
  );

  const again = await context.newPage();
  await again.goto(`/cases/${c.id}/summary`);
  await expect(again.getByText(/^We restored what you were typing on/)).toBeVisible();
  await expect(again.getByText(`Since you typed it, ${colleague!.name} saved version ${typedOn + 1}`)).toBeVisible();
  await expect(again.getByLabel("What we are worried about")).toHaveValue(mine);
  await expectAccessible(again);

  // refused exactly as a form left open would be: theirs beside mine, nothing overwritten
  await again.getByRole("button", { name: "Save the summary" }).click();
  await expect(errorSummary(again)).toContainText(`${colleague!.name} saved a newer version of this summary (version ${typedOn + 1})`);
  await expect(again.getByLabel("What we are worried about")).toHaveValue(mine);
  await expect(again.getByText(theirs)).toBeVisible();
  await expectAccessible(again);

  // merged and sent: a new version, and the draft is gone
  await again.getByLabel("What we are worried about").fill(`${theirs}\n${mine}`);
  await again.getByRole("button", { name: "Save the summary" }).click();
  await expect(again.getByRole("status")).toHaveText(`The case summary has been saved as version ${typedOn + 2}.`);
  expect(await sql(`SELECT 1 FROM draft WHERE case_id = $1 AND user_id = $2`, [c.id, me!.id])).toHaveLength(0);

  // a draft that is not wanted is discarded: the form shows the saved summary again
  await again.goto(`/cases/${c.id}/summary`);
  await again.getByLabel("What is working well").fill(`Nothing to keep (${tag})`);
  await expect(draftSaved(again)).toBeVisible();
  await again.reload();
  await expect(again.getByLabel("What is working well")).toHaveValue(`Nothing to keep (${tag})`);
  await again.getByRole("button", { name: "Discard it" }).click();
  await expect(again.getByText("We restored what you were typing")).toHaveCount(0);
  await expect(again.getByRole("status")).toHaveText("Draft discarded");
  await expect(again.getByLabel("What is working well")).toHaveValue("School attendance is good.");
  await expect(again.getByLabel("What we are worried about")).toHaveValue(`${theirs}\n${mine}`);
  expect(await sql(`SELECT 1 FROM draft WHERE case_id = $1 AND user_id = $2`, [c.id, me!.id])).toHaveLength(0);
  await expectAccessible(again);
  await context.close();
});
