// A team manager changes a foster household (refused below the children placed there, and over a
// colleague's newer save, keeping what was typed); a social worker records that a child became looked
// after by placing them through Find a placement. Tamsbridge, away from the households the other
// placement tests use: the household changed has the most children placed, and the child placed is on
// a case below child protection, with a household that has two or more vacancies.
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("a team manager changes a household's approval and rate; a colleague's stale save is refused, keeping what they typed", async ({ page, browser, sql }) => {
  test.setTimeout(90_000);
  const [h] = await sql<{ id: string; name: string; places: number; children: number }>(
    `SELECT c.id, c.name, c.approved_places AS places,
            (SELECT count(*)::int FROM care_episode e WHERE e.tenant_id = c.tenant_id AND e.carer_id = c.id
               AND e.start_date <= (now() AT TIME ZONE 'Europe/London')::date AND (e.end_date IS NULL OR e.end_date > (now() AT TIME ZONE 'Europe/London')::date)) AS children
     FROM carer c JOIN tenant t ON t.tenant_id = c.tenant_id AND t.slug = 'tamsbridge'
     WHERE c.kind = 'FOSTER_HOUSEHOLD' AND c.approved_places < 12 ORDER BY children DESC, c.name DESC LIMIT 1`,
  );
  expect(h, "a Tamsbridge household").toBeTruthy();
  expect(h!.children, "a household with a child placed").toBeGreaterThan(0);

  // a head of service opens the same household first, in another browser
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await signIn(colleague, "head.of.service@tamsbridge.example");
  await colleague.goto(`/carers/${h!.id}`);
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText(`Change ${h!.name}`);

  await signIn(page, "team.manager@tamsbridge.example");
  await page.goto("/carers");
  await page.getByRole("link", { name: `Change ${h!.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Change ${h!.name}`);
  await expect(page.getByLabel("Children it is approved for")).toHaveValue(String(h!.places));
  await expectAccessible(page);

  // below the children placed there: refused, saying what to do, with what was typed kept
  await page.getByLabel("Children it is approved for").fill(String(h!.children - 1));
  await page.getByLabel("Usual weekly rate (£)").fill("415");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(page)).toContainText(`${h!.name} has ${h!.children} ${h!.children === 1 ? "child" : "children"} placed now`);
  await expect(errorSummary(page)).toContainText("Move a child to another placement first, or put the household on hold");
  await expect(page.getByLabel("Children it is approved for")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Usual weekly rate (£)")).toHaveValue("415");
  await expectAccessible(page);

  // one more place and the new rate: saved, and the list shows them
  await page.getByLabel("Children it is approved for").fill(String(h!.places + 1));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText(`Changes to ${h!.name} saved.`);
  const row = page.getByRole("row", { name: new RegExp(`^${h!.name}`) });
  await expect(row.getByRole("cell").nth(2)).toHaveText(String(h!.places + 1));
  await expect(row).toContainText("£415");
  await expectAccessible(page);
  const [audit] = await sql<{ details: { changes: Record<string, { from: unknown; to: unknown }> } }>(
    `SELECT details FROM audit_event WHERE action = 'carer.updated' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
    [h!.id],
  );
  expect(audit!.details.changes).toMatchObject({ approvedPlaces: { from: h!.places, to: h!.places + 1 }, usualWeeklyRate: { to: 415 } });

  // the colleague's page is now out of date: their save is refused, nothing overwritten, their typing kept
  await colleague.getByLabel("Postcode").fill("E1 6AN");
  await colleague.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(colleague)).toContainText(`Someone else changed ${h!.name} after you opened the page`);
  await expect(colleague.getByLabel("Postcode")).toHaveValue("E1 6AN");
  await expectAccessible(colleague);
  const [stored] = await sql<{ places: number; postcode: string }>(`SELECT approved_places AS places, postcode FROM carer WHERE id = $1`, [h!.id]);
  expect(stored!.places).toBe(h!.places + 1);
  expect(stored!.postcode).not.toBe("E1 6AN");
  await other.close();
});

test("a social worker places a child becoming looked after through Find a placement, recording the agency placement avoided", async ({ page, sql }) => {
  test.setTimeout(90_000);
  const [c] = await sql<{ child: string; email: string }>(
    `SELECT p.id AS child, u.email FROM person p
     JOIN tenant t ON t.tenant_id = p.tenant_id AND t.slug = 'tamsbridge'
     JOIN case_child cc ON cc.tenant_id = p.tenant_id AND cc.person_id = p.id AND cc.removed_on IS NULL
     JOIN case_file cf ON cf.tenant_id = cc.tenant_id AND cf.id = cc.case_id AND cf.status = 'OPEN' AND cf.level = 'CHILD_IN_NEED'
     JOIN allocation a ON a.tenant_id = cf.tenant_id AND a.case_id = cf.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.role = 'SOCIAL_WORKER'
     WHERE p.kind = 'CHILD' AND p.date_of_birth > (now() - interval '16 years') AND p.date_of_birth < (now() - interval '2 years')
       AND NOT EXISTS (SELECT 1 FROM care_period x WHERE x.tenant_id = p.tenant_id AND x.person_id = p.id)
       AND (SELECT count(*) FROM case_child o WHERE o.tenant_id = p.tenant_id AND o.person_id = p.id) = 1
     ORDER BY p.id DESC LIMIT 1`,
  );
  expect(c, "a child in need who has never been looked after").toBeTruthy();
  await signIn(page, c!.email);
  await page.goto(`/people/${c!.child}/placements`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Placements");
  await expect(page.getByRole("heading", { name: "Record that the child became looked after" })).toBeVisible();
  await expectAccessible(page);

  // where the child lives: the households come nearest first, with their distance
  const search = page.getByRole("form", { name: "Search from the child's home" });
  await search.getByLabel("Child's home: latitude").fill("51.5");
  await search.getByLabel("Longitude").fill("-0.12");
  await search.getByRole("button", { name: "Search from the child's home" }).click();
  const vacancies = page.getByRole("table", { name: /In-house households with a vacancy/ });
  await expect(vacancies.getByRole("row").nth(1).getByRole("cell").first()).toContainText("miles");
  // a household with two or more places free
  const roomy = vacancies.getByRole("row").filter({ has: page.locator("td:nth-child(3)", { hasText: /^([2-9]|1\d)$/ }) }).first();
  const household = (await roomy.getByRole("rowheader").textContent())!;
  await expectAccessible(page);
  await roomy.getByRole("link", { name: `Place with ${household}` }).click();

  // the household comes filled in, with the home searched from and the agency placement avoided ticked
  await expect(page.getByLabel("Carer or provider")).toHaveValue(/.+/);
  await expect(page.getByLabel("Provider", { exact: true })).toHaveValue("PR1");
  await expect(page.getByLabel("Placement type")).toHaveValue("U6");
  await expect(page.getByLabel("Home latitude (optional)")).toHaveValue("51.5");
  await expect(page.getByLabel("This in-house placement was found instead of an agency one")).toBeChecked();
  // without a legal status or category of need it is refused, keeping what was chosen
  await page.getByRole("button", { name: "Record that the child is looked after" }).click();
  await expect(errorSummary(page)).toContainText("Choose the legal status");
  await expect(errorSummary(page)).toContainText("Choose the category of need");
  await expect(page.getByLabel("Provider", { exact: true })).toHaveValue("PR1");
  await expect(page.getByLabel("This in-house placement was found instead of an agency one")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Legal status").selectOption("C2");
  await page.getByLabel("Category of need").selectOption("N1");
  await page.getByRole("button", { name: "Record that the child is looked after" }).click();

  await expect(page.getByRole("status")).toContainText("is recorded as looked after");
  const history = page.getByRole("region", { name: /Placements from/ }).first();
  await expect(history.getByRole("row").last()).toContainText(household);
  await expect(history.getByRole("row").last()).toContainText(/\d+(\.\d)? miles/);
  await expect(history.getByRole("row").last()).toContainText("S (Started to be looked after)");
  // looked after now: the move form takes the place of the start of care
  await expect(page.getByRole("heading", { name: "Move to a new placement" })).toBeVisible();
  await expectAccessible(page);
  const [saved] = await sql<{ avoided: boolean; provider: string }>(`SELECT avoided_agency AS avoided, provider FROM care_episode WHERE person_id = $1`, [c!.child]);
  expect(saved).toEqual({ avoided: true, provider: "PR1" });
});
