// Logging a visit on a phone (390 × 844): a family keyworker in a family's home.
import type { Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const KEYWORKER = "keyworker@wexcombe.example";
const unique = () => `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1e4)}`;
const londonToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
const londonYesterday = () => {
  const d = new Date(`${londonToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

type KeyworkerCase = { id: string; family: string; children: string[] };

/** Every child of the case needs an answer: the ones a test does not care about were not seen. */
async function noOtherChildSeen(page: Page, c: KeyworkerCase, answered: string[]) {
  for (const name of c.children.filter((n) => !answered.includes(n))) {
    await page.getByRole("group", { name: new RegExp(`^${name}`) }).getByRole("radio", { name: "Not seen" }).check();
  }
}

/** One of the keyworker's open cases with at least two children, opened before yesterday. `pick` keeps tests apart. */
async function keyworkerCase(sql: <T>(text: string, params?: unknown[]) => Promise<T[]>, pick: number): Promise<KeyworkerCase> {
  const rows = await sql<KeyworkerCase>(
    `SELECT c.id, f.name AS family,
            (SELECT json_agg(p.first_name || ' ' || p.last_name ORDER BY p.date_of_birth, p.first_name) FROM case_child cc
             JOIN person p ON p.tenant_id = cc.tenant_id AND p.id = cc.person_id
             WHERE cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL) AS children
     FROM allocation a
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
     JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
     JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     WHERE u.email = $1 AND a.end_date IS NULL AND c.status = 'OPEN' AND c.opened_on < current_date - 2
       AND (SELECT count(*) FROM case_child cc WHERE cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL) >= 2
     ORDER BY c.reference`,
    [KEYWORKER],
  );
  expect(rows.length, "the keyworker holds open cases with two or more children").toBeGreaterThan(pick);
  return rows[pick]!;
}

test("a family keyworker logs a visit on their phone and sees it on the case page", async ({ page, sql }) => {
  const c = await keyworkerCase(sql, 0);
  const [older, younger] = [c.children[0]!, c.children[1]!];
  const note = `Home warm and calm; Mum has kept the routine going. (${unique()})`;

  await signIn(page, KEYWORKER);
  await page.goto(`/cases/${c.id}`);
  await expectAccessible(page);
  await page.getByRole("list", { name: "Case actions" }).getByRole("link", { name: "Log a visit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log a visit");
  await expectAccessible(page);

  // now, in England's time, is already filled in
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(londonToday());
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue(/^\d\d:\d\d$/);

  await page.getByRole("radio", { name: "Home visit" }).check();
  await page.getByRole("group", { name: new RegExp(`^${older}`) }).getByRole("radio", { name: "Seen alone", exact: true }).check();
  await page.getByRole("group", { name: new RegExp(`^${younger}`) }).getByRole("radio", { name: "Seen, with others there" }).check();
  await noOtherChildSeen(page, c, [older, younger]);
  await page.getByLabel("Who else was there (optional)").fill("Mum and Gran");
  await page.getByLabel("Note", { exact: true }).fill(note);
  await page.getByLabel("The child's wishes and feelings (optional)").fill("I like it when Gran picks me up from school.");
  await expect(page.getByLabel("This was a significant visit")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the visit" }).click();

  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?visit=recorded$`));
  await expect(page.getByRole("status")).toHaveText("The visit has been recorded.");
  const visit = page.getByRole("region", { name: "Visits" }).getByRole("article").first();
  await expect(visit.getByRole("heading")).toContainText("Home visit");
  await expect(visit).toContainText(note);
  await expect(visit).toContainText(`${older} (seen alone)`);
  await expect(visit).toContainText(`${younger} (with others there)`);
  await expect(visit).toContainText("Mum and Gran");
  await expect(visit).toContainText("I like it when Gran picks me up from school.");
  await expect(visit).toContainText("Significant");
  const [keyworker] = await sql<{ name: string }>(`SELECT name FROM app_user WHERE email = $1`, [KEYWORKER]);
  await expect(visit).toContainText(`Recorded by ${keyworker!.name}`);
  await expectAccessible(page);

  const stored = await sql<{ type: string; significant: boolean; seen: number; alone: number; audited: number }>(
    `SELECT v.type, v.significant,
            (SELECT count(*)::int FROM visit_child vc WHERE vc.tenant_id = v.tenant_id AND vc.visit_id = v.id) AS seen,
            (SELECT count(*)::int FROM visit_child vc WHERE vc.tenant_id = v.tenant_id AND vc.visit_id = v.id AND vc.seen_alone) AS alone,
            (SELECT count(*)::int FROM audit_event e WHERE e.tenant_id = v.tenant_id AND e.action = 'visit.recorded' AND e.entity_id = v.id::text AND e.case_id = v.case_id) AS audited
     FROM visit v WHERE v.note = $1`,
    [note],
  );
  expect(stored).toEqual([{ type: "HOME", significant: true, seen: 2, alone: 1, audited: 1 }]);

  // Going back to the form and logging another visit never loses it. Today the page is fetched afresh
  // (a new key) and the visit saves at once; a browser that restores the used form gets "this form has
  // already recorded a visit", keeps what was typed, and records it on the next save.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log a visit");
  const secondNote = `Phone call with Mum about the school meeting. (${unique()})`;
  await page.getByRole("radio", { name: "Phone call" }).check();
  await noOtherChildSeen(page, c, []);
  await page.getByLabel("Note", { exact: true }).fill(secondNote);
  await page.getByRole("button", { name: "Save the visit" }).click();
  const recorded = page.getByRole("status").filter({ hasText: "The visit has been recorded." });
  await expect(recorded.or(errorSummary(page))).toBeVisible();
  if (await errorSummary(page).isVisible()) {
    await expect(errorSummary(page)).toContainText("This form has already recorded a visit");
    await expect(page.getByLabel("Note", { exact: true })).toHaveValue(secondNote);
    await page.getByRole("button", { name: "Save the visit" }).click();
  }
  await expect(recorded).toBeVisible();
  expect(await sql(`SELECT 1 FROM visit WHERE note = ANY($1)`, [[note, secondNote]])).toHaveLength(2);
});

test("a visit sent without a note shows the problem and keeps everything else that was typed", async ({ page, sql }) => {
  const c = await keyworkerCase(sql, 1);
  const [older, younger] = [c.children[0]!, c.children[1]!];
  const yesterday = londonYesterday();
  const others = `Class teacher ${unique()}`;

  await signIn(page, KEYWORKER);
  await page.goto(`/cases/${c.id}/visits/new`);
  await page.getByLabel("Date", { exact: true }).fill(yesterday);
  await page.getByLabel("Time", { exact: true }).fill("15:40");
  await page.getByRole("radio", { name: "School visit" }).check();
  await page.getByRole("group", { name: new RegExp(`^${older}`) }).getByRole("radio", { name: "Not seen" }).check();
  await page.getByRole("group", { name: new RegExp(`^${younger}`) }).getByRole("radio", { name: "Seen alone", exact: true }).check();
  await noOtherChildSeen(page, c, [older, younger]);
  await page.getByLabel("Who else was there (optional)").fill(others);
  await page.getByLabel("The child's wishes and feelings (optional)").fill("I want to stay in my class with my friends.");
  await page.getByLabel("This was a significant visit").uncheck();
  await page.getByRole("button", { name: "Save the visit" }).click();

  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: "Enter a short note about the visit" })).toBeVisible();
  await expect(page.getByText("Error: Enter a short note about the visit")).toBeVisible();
  await expectAccessible(page);

  // everything typed is still there
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(yesterday);
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue("15:40");
  await expect(page.getByRole("radio", { name: "School visit" })).toBeChecked();
  await expect(page.getByRole("group", { name: new RegExp(`^${older}`) }).getByRole("radio", { name: "Not seen" })).toBeChecked();
  await expect(page.getByRole("group", { name: new RegExp(`^${younger}`) }).getByRole("radio", { name: "Seen alone", exact: true })).toBeChecked();
  await expect(page.getByLabel("Who else was there (optional)")).toHaveValue(others);
  await expect(page.getByLabel("The child's wishes and feelings (optional)")).toHaveValue("I want to stay in my class with my friends.");
  await expect(page.getByLabel("This was a significant visit")).not.toBeChecked();
  expect(await sql(`SELECT 1 FROM visit WHERE others_present = $1`, [others])).toHaveLength(0);

  // the link in the summary goes to the note, which can then be filled in and sent
  await errorSummary(page).getByRole("link", { name: "Enter a short note about the visit" }).click();
  await expect(page.getByLabel("Note", { exact: true })).toBeFocused();
  await page.getByLabel("Note", { exact: true }).fill("Met at school: settled in class, teacher reports better attendance.");
  await page.getByRole("button", { name: "Save the visit" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?visit=recorded$`));

  const stored = await sql<{ type: string; significant: boolean; at: string; seen: { alone: boolean }[] }>(
    `SELECT v.type, v.significant, to_char(v.visited_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS at,
            (SELECT json_agg(json_build_object('alone', vc.seen_alone)) FROM visit_child vc WHERE vc.tenant_id = v.tenant_id AND vc.visit_id = v.id) AS seen
     FROM visit v WHERE v.others_present = $1`,
    [others],
  );
  expect(stored).toEqual([{ type: "SCHOOL", significant: false, at: `${yesterday} 15:40`, seen: [{ alone: true }] }]);
  const visit = page.getByRole("region", { name: "Visits" }).getByRole("article").filter({ hasText: others });
  await expect(visit).toContainText("Not significant");
  await expect(visit).toContainText(`${younger} (seen alone)`);
  await expect(visit).not.toContainText(older);
});

test("another council's case cannot be visited, nor its visits or summary seen", async ({ page, sql }) => {
  const [b] = await sql<{ id: string }>(`SELECT c.id FROM case_file c JOIN tenant t USING (tenant_id) WHERE t.slug = 'kingsmere' AND c.status = 'OPEN' ORDER BY c.reference LIMIT 1`);
  await signIn(page, KEYWORKER);
  for (const path of [`/cases/${b!.id}/visits/new`, `/cases/${b!.id}/visits`, `/cases/${b!.id}/summary`, `/cases/${b!.id}/summary/history`, `/cases/${b!.id}/summary/versions/1`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
});
