// A children-in-care social worker moves a child from an agency placement to the nearest in-house
// household found by Find a placement: the episode history, the household's vacancies and the head of
// service's in-house share all follow.
import { readFile } from "node:fs/promises";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

test("a child in agency foster care moves to the nearest in-house household with room", async ({ page, sql }) => {
  test.setTimeout(120_000);
  const [c] = await sql<{ child: string; name: string; slug: string; email: string }>(
    `SELECT p.id AS child, p.first_name || ' ' || p.last_name AS name, t.slug, u.email
     FROM care_episode e
     JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
     JOIN tenant t ON t.tenant_id = e.tenant_id
     JOIN case_child cc ON cc.tenant_id = p.tenant_id AND cc.person_id = p.id AND cc.removed_on IS NULL
     JOIN case_file cf ON cf.tenant_id = cc.tenant_id AND cf.id = cc.case_id AND cf.status = 'OPEN' AND cf.level = 'LOOKED_AFTER'
     JOIN allocation a ON a.tenant_id = cf.tenant_id AND a.case_id = cf.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.role = 'SOCIAL_WORKER'
     WHERE e.end_date IS NULL AND e.place = 'U6' AND e.provider = 'PR4' AND e.start_date < current_date
     ORDER BY t.slug DESC, p.id LIMIT 1`,
  );
  expect(c, "a demo child in agency foster care").toBeTruthy();
  const share = page.locator('[data-kpi="in-house-share"]');
  const ofFostering = async () => {
    await page.goto("/kpis?refresh=1");
    const text = (await share.locator("p.text-sm.text-muted").first().textContent()) ?? "";
    const [, inHouse, fostering] = /(\d+) of (\d+)/.exec(text)!;
    return { inHouse: Number(inHouse), fostering: Number(fostering) };
  };

  // the head of service's figure before
  await signIn(page, `head.of.service@${c!.slug}.example`);
  const before = await ofFostering();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have signed out.");

  // the child's social worker finds a placement
  await signIn(page, c!.email);
  await page.goto(`/people/${c!.child}`);
  await expectAccessible(page);
  await page.getByRole("list", { name: "Record actions" }).getByRole("link", { name: "Placements" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Placements");
  await expectAccessible(page);
  const vacancies = page.getByRole("table", { name: /In-house households with a vacancy/ });
  const nearest = vacancies.getByRole("rowheader").first();
  const household = (await nearest.textContent())!;
  const milesAway = await vacancies.getByRole("row").nth(1).getByRole("cell").first().textContent();
  expect(milesAway).toMatch(/miles/);

  await page.getByRole("link", { name: "All carers and vacancies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Carers and vacancies");
  // vacancies come first after the name
  const row = page.getByRole("row", { name: new RegExp(`^${household}`) });
  const vacanciesBefore = Number(await row.getByRole("cell").first().textContent());
  await expectAccessible(page);
  await page.goBack();

  await vacancies.getByRole("link", { name: `Move to ${household}` }).click();
  await expect(page.getByLabel("Carer or provider")).toHaveValue(/.+/);
  await expect(page.getByLabel("Provider", { exact: true })).toHaveValue("PR1");
  await expect(page.getByLabel("Weekly cost (£)")).toHaveValue("320");
  await expect(page.getByLabel("This in-house placement was found instead of an agency one")).toBeChecked();
  // without a reason the move is refused, and what was chosen stays
  await page.getByRole("button", { name: "Move the child" }).click();
  await expect(errorSummary(page)).toContainText("Give the reason for the placement change");
  await expect(errorSummary(page)).toContainText("Say whether the move was planned");
  await expect(page.getByLabel("Why the current placement is ending")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Weekly cost (£)")).toHaveValue("320");
  await expect(page.getByLabel("Placement type")).toHaveValue("U6");
  await expectAccessible(page);
  await page.getByLabel("Why the current placement is ending").selectOption("CARPL");
  await page.getByRole("radio", { name: "Planned", exact: true }).check();
  await page.getByRole("button", { name: "Move the child" }).click();

  await expect(page.getByRole("status")).toContainText("The move is recorded");
  const history = page.getByRole("region", { name: /Placements from/ }).first();
  await expect(history.getByRole("row").last()).toContainText(household);
  await expect(history.getByRole("row").last()).toContainText("now");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Carers and vacancies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Carers and vacancies");
  await expect(page.getByRole("row", { name: new RegExp(`^${household}`) }).getByRole("cell").first()).toHaveText(String(vacanciesBefore - 1));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have signed out.");

  // the head of service's in-house share counts the child
  await signIn(page, `head.of.service@${c!.slug}.example`);
  const after = await ofFostering();
  expect(after).toEqual({ inHouse: before.inHouse + 1, fostering: before.fostering });
  // the placements section: spend, distance and the agency placement avoided, with a CSV
  const placements = page.getByRole("region", { name: "Placements", exact: true });
  await expect(placements.getByRole("table", { name: "Spend by provider" }).getByRole("rowheader")).toContainText(["Own council"]);
  await expect(placements).toContainText("Placed 20 miles or more from home");
  await expect(placements.getByRole("definition").nth(2)).toContainText(/[1-9]\d* in-house placements made instead of agency ones/);
  const download = page.waitForEvent("download");
  await placements.getByRole("link", { name: "Download as CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv.split("\n")[0]).toBe("measure,group,value");
  expect(csv).toMatch(/agency_placements_avoided,all,[1-9]/);
  await expectAccessible(page);

  // and the child's access log says who moved them
  await page.goto(`/people/${c!.child}/access`);
  await expect(page.getByRole("row").filter({ hasText: "Moved the child to a new placement" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a team manager adds a foster household, is told what is missing first, and puts it on hold", async ({ page }) => {
  await signIn(page, "team.manager@kingsmere.example");
  await page.goto("/carers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Carers and vacancies");
  await page.getByText("Add a carer or provider").click();
  await page.getByRole("radio", { name: "In-house foster household" }).check();
  await page.getByLabel("Name", { exact: true }).fill("The Okafor household");
  await page.getByLabel("Provider", { exact: true }).selectOption("PR1");
  await page.getByLabel("Postcode").fill("NG1 5AB");
  await page.getByLabel("Latitude").fill("52.951");
  await page.getByLabel("Longitude").fill("-1.149");
  await page.getByLabel("Usual weekly rate (£)").fill("330");
  await page.getByRole("button", { name: "Add to the list" }).click();
  // a household needs its approval: refused, with what was typed kept
  await expect(errorSummary(page)).toContainText("Enter how many children the household is approved for");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("The Okafor household");
  await expectAccessible(page);
  await page.getByLabel("Children it is approved for").fill("2");
  await page.getByLabel("Youngest age").fill("5");
  await page.getByLabel("Oldest age").fill("12");
  await page.getByRole("button", { name: "Add to the list" }).click();

  await expect(page.getByRole("status")).toHaveText("Added to the list.");
  const row = page.getByRole("row", { name: /^The Okafor household/ });
  await expect(row.getByRole("cell").first()).toHaveText("2");
  await row.getByText("Put on hold").click();
  // a reason is asked for first
  await row.getByRole("button", { name: "Confirm: put The Okafor household on hold" }).click();
  await expect(row.getByRole("alert")).toHaveText("Say why the household is going on hold");
  await row.getByLabel("Why").fill("Carers on a two-week break");
  await row.getByRole("button", { name: "Confirm: put The Okafor household on hold" }).click();
  await expect(page.getByRole("row", { name: /^The Okafor household \(on hold\)/ }).getByRole("cell").first()).toHaveText("0");
  await expectAccessible(page);
});

test("a social worker records that a child became looked after, placed with an in-house household, and sees how far from home it is", async ({ page, sql }) => {
  const [c] = await sql<{ child: string; email: string; reference: string }>(
    `SELECT p.id AS child, u.email, cf.reference FROM person p
     JOIN tenant t ON t.tenant_id = p.tenant_id AND t.slug = 'tamsbridge'
     JOIN case_child cc ON cc.tenant_id = p.tenant_id AND cc.person_id = p.id AND cc.removed_on IS NULL
     JOIN case_file cf ON cf.tenant_id = cc.tenant_id AND cf.id = cc.case_id AND cf.status = 'OPEN' AND cf.level = 'CHILD_PROTECTION'
     JOIN allocation a ON a.tenant_id = cf.tenant_id AND a.case_id = cf.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD'
     JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id AND u.role = 'SOCIAL_WORKER'
     WHERE p.kind = 'CHILD' AND NOT EXISTS (SELECT 1 FROM care_period x WHERE x.tenant_id = p.tenant_id AND x.person_id = p.id)
     ORDER BY p.id LIMIT 1`,
  );
  expect(c, "a child on a plan who has never been looked after").toBeTruthy();
  await signIn(page, c!.email);
  // the statutory record sends them to the placements page, where the search and the form are
  await page.goto(`/people/${c!.child}/statutory`);
  await page.getByRole("link", { name: "Record that the child became looked after" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Placements");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Record that the child is looked after" }) });
  await form.getByLabel("Legal status").selectOption("C2");
  await form.getByLabel("Category of need").selectOption("N1");
  await form.getByLabel("Placement type").selectOption("U6");
  const household = form.getByLabel("Carer or provider").locator("option", { hasText: /[1-9] vacanc/ }).first();
  const name = ((await household.textContent()) ?? "").replace(/ \(.*$/, "");
  await form.getByLabel("Carer or provider").selectOption({ label: (await household.textContent())! });
  await form.getByLabel("Home latitude (optional)").fill("51.5");
  await form.getByLabel("Home longitude (optional)").fill("-0.12");
  await form.getByRole("button", { name: "Record that the child is looked after" }).click();
  // the child is now looked after: the form gives way to the period of care and its placements
  await expect(page.getByRole("status")).toContainText("is recorded as looked after");
  await expect(page.getByRole("button", { name: "Record that the child is looked after" })).toHaveCount(0);
  const history = page.getByRole("region", { name: /Placements from/ }).first();
  await expect(history.getByRole("row").last()).toContainText(name);
  await expect(history.getByRole("row").last()).toContainText(/\d+(\.\d)? miles/);
  await expectAccessible(page);
});
