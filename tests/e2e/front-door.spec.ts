import type { Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const unique = () => `${Date.now().toString(36).slice(-4)}${Math.floor(Math.random() * 1e4)}`;
const isoDaysAgo = (days: number) => {
  const d = new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};
const formatDate = (iso: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** Fills "Record a contact for a new family" with one child per entry. */
async function fillNewFamily(page: Page, familyName: string, children: { first: string; last: string; born: string; sex: "Female" | "Male" }[], contact: { receivedOn?: string; source: string; reason: string }) {
  await page.getByLabel("Family name").fill(familyName);
  await page.getByLabel("Address (optional)").fill("12 Mill Lane");
  await page.getByLabel("Postcode (optional)").fill("km1 4ab");
  for (const [i, child] of children.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add another child" }).click();
    const group = page.getByRole("group", { name: `Child ${i + 1}` });
    await group.getByLabel("First name").fill(child.first);
    await group.getByLabel("Last name").fill(child.last);
    await group.getByLabel("Date of birth", { exact: true }).fill(child.born);
    await group.getByRole("radio", { name: child.sex, exact: true }).check();
  }
  if (contact.receivedOn) await page.getByLabel("Date the contact was received").fill(contact.receivedOn);
  await page.getByLabel("Who the contact came from").selectOption(contact.source);
  await page.getByLabel("Reason for the contact").fill(contact.reason);
}

async function decideReferral(page: Page, need: string) {
  await page.getByRole("radio", { name: /^Referral to children's social care/ }).check();
  await page.getByLabel("Team that will hold the case").selectOption({ label: "Family Help" });
  await page.getByLabel("Primary need").selectOption(need);
  await page.getByLabel("Reasons for the decision").fill("Threshold for a child and family assessment is met.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
}

test("a social worker records a contact for a new family, and a team manager's referral opens a case", async ({ page, sql }) => {
  const surname = `Fairbrook${unique()}`;
  await signIn(page, "social.worker@kingsmere.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Front door" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Record a contact for a new family" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record a contact for a new family");
  await expectAccessible(page);

  await fillNewFamily(
    page,
    surname,
    [
      { first: "Amy", last: surname, born: "2019-05-14", sex: "Female" },
      { first: "Ben", last: surname, born: "2021-11-02", sex: "Male" },
    ],
    { source: "2A", reason: "The school saw bruising on Amy's arm and Ben has missed nursery for two weeks." },
  );
  await page.getByRole("button", { name: "Record the contact" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${surname} family`);
  await expect(page.getByRole("status")).toContainText("The contact has been recorded");
  await expect(page.getByRole("region", { name: "Referrals in the 12 months before" })).toContainText("would not be a re-referral");
  await expectAccessible(page);

  const [stored] = await sql<{ id: string; source: string; children: number; postcode: string }>(
    `SELECT c.id, c.source, f.postcode, (SELECT count(*)::int FROM contact_child cc WHERE cc.tenant_id = c.tenant_id AND cc.contact_id = c.id) AS children
     FROM contact c JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id WHERE f.name = $1`,
    [`${surname} family`],
  );
  expect(stored).toMatchObject({ source: "2A", children: 2, postcode: "KM1 4AB" });

  await switchUser(page, "team.manager@kingsmere.example");
  await page.goto("/front-door");
  const awaiting = page.getByRole("region", { name: "Contacts awaiting a decision" });
  const row = awaiting.getByRole("row").filter({ has: page.getByRole("link", { name: `${surname} family` }) });
  await expect(row).toContainText(`Amy ${surname}, Ben ${surname}`);
  await expect(row).toContainText("0 working days");
  await expectAccessible(page);
  await row.getByRole("link", { name: `${surname} family` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${surname} family`);
  await expectAccessible(page);

  await decideReferral(page, "N4");
  const [opened] = await sql<{ id: string; reference: string; level: string; team: string; episodes: number }>(
    `SELECT c.id, c.reference, c.level::text, t.name AS team,
            (SELECT count(*)::int FROM cin_episode e WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id AND e.referral_source = '2A' AND e.primary_need_code = 'N4' AND NOT e.re_referral) AS episodes
     FROM contact ct JOIN case_file c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id JOIN team t ON t.tenant_id = c.tenant_id AND t.id = c.team_id
     WHERE ct.id = $1`,
    [stored!.id],
  );
  expect(opened).toMatchObject({ level: "CHILD_IN_NEED", team: "Family Help", episodes: 2 });
  expect(opened!.reference).toMatch(/^KM-\d{5}$/);
  expect(page.url()).toContain(`/cases/${opened!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${surname} family`);
  await expect(page.getByText(`Case ${opened!.reference}`)).toBeVisible();
  await expect(page.getByText("Child in need", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Children" })).toContainText(`Amy ${surname}`);
  await expectAccessible(page);

  // and the decision is on the front door's recent decisions, linked to the case
  await page.goto("/front-door");
  const decided = page.getByRole("region", { name: "Recent decisions" }).getByRole("row").filter({ has: page.getByRole("link", { name: `${surname} family` }) });
  await expect(decided).toContainText("Referral to children's social care");
  await expect(decided.getByRole("link", { name: opened!.reference })).toBeVisible();
});

test("a contact about a child referred in the last 12 months shows the re-referral and the earlier case before the decision", async ({ page, sql }) => {
  const surname = `Hollins${unique()}`;
  const firstReceived = isoDaysAgo(40);
  await signIn(page, "team.manager@kingsmere.example");
  await page.goto("/front-door/new");
  await fillNewFamily(page, surname, [{ first: "Cleo", last: surname, born: "2016-02-29", sex: "Female" }], {
    receivedOn: firstReceived,
    source: "6",
    reason: "Police attended a domestic incident at the home; Cleo was present.",
  });
  await page.getByRole("button", { name: "Record the contact" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${surname} family`);
  await decideReferral(page, "N1");
  const reference = (await page.getByText(/^Case KM-\d{5}$/).textContent())!.replace("Case ", "");
  await expectAccessible(page);

  // a new contact about Cleo, from her family's page
  await page.getByRole("link", { name: "Family record" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${surname} family`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Record a contact about this family" }).click();
  await expect(page.getByRole("checkbox", { name: new RegExp(`^Cleo ${surname}`) })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Who the contact came from").selectOption("3A");
  await page.getByLabel("Reason for the contact").fill("GP worried about Cleo's weight loss and low mood.");
  await page.getByRole("button", { name: "Record the contact" }).click();
  await expect(page.getByRole("status")).toContainText("The contact has been recorded");

  const flags = page.getByRole("region", { name: "Referrals in the 12 months before" });
  await expect(flags).toContainText(`Re-referral: Cleo ${surname} was referred on ${formatDate(firstReceived)} — case ${reference}`);
  await expect(page.getByRole("group", { name: "Decision" })).toBeVisible(); // not decided yet
  await expectAccessible(page);
  const contactUrl = page.url().replace(/\?.*$/, "");

  // the child's page lists the earlier referral
  await page.getByRole("region", { name: "The contact" }).getByRole("link", { name: `Cleo ${surname}` }).click();
  const referrals = page.getByRole("region", { name: "Referrals" });
  await expect(referrals).toContainText(`Referred ${formatDate(firstReceived)}`);
  await expect(referrals.getByRole("link", { name: reference })).toBeVisible();
  await expectAccessible(page);

  await page.goto(contactUrl);
  await flags.getByRole("link", { name: reference }).click();
  await expect(page.getByText(`Case ${reference}`)).toBeVisible();
  await expectAccessible(page);

  // an incomplete decision lists every problem in page order and keeps the choice made
  await page.goto(contactUrl);
  await page.getByRole("radio", { name: /^Referral to children's social care/ }).check();
  await page.getByLabel("Decision date").fill(isoDaysAgo(41));
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(errorSummary(page).getByRole("listitem")).toHaveText(["Choose the child's primary need", "Enter the reasons for the decision"]);
  await expect(page.getByRole("radio", { name: /^Referral to children's social care/ })).toBeChecked();
  await expect(page.getByLabel("Team that will hold the case")).toHaveValue(/[0-9a-f-]{36}/); // the open case's team
  await expectAccessible(page);
  // then a decision dated before the contact came in is refused by the server, with the reason
  await page.getByLabel("Primary need").selectOption("N1");
  await page.getByLabel("Reasons for the decision").fill("Second referral in six weeks.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(errorSummary(page)).toContainText(`The decision date must be on or after the date the contact was received (${formatDate(isoDaysAgo(0))})`);
  await expect(page.getByLabel("Reasons for the decision")).toHaveValue("Second referral in six weeks.");

  // deciding it stores the flag, linked to the earlier referral
  await page.getByLabel("Decision date").fill(isoDaysAgo(0));
  await decideReferral(page, "N1");
  const [episode] = await sql<{ re_referral: boolean; previous_date: string }>(
    `SELECT e.re_referral, to_char(p.referral_date, 'YYYY-MM-DD') AS previous_date FROM cin_episode e
     JOIN contact c ON c.tenant_id = e.tenant_id AND c.id = e.contact_id
     JOIN cin_episode p ON p.tenant_id = e.tenant_id AND p.id = e.previous_episode_id
     WHERE c.id = $1`,
    [contactUrl.split("/").pop()],
  );
  expect(episode).toEqual({ re_referral: true, previous_date: firstReceived });

  // another council's worker cannot open the contact
  await switchUser(page, "team.manager@wexcombe.example");
  const response = await page.goto(contactUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
  await page.goto("/front-door");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Front door");
  await expect(page.getByRole("link", { name: `${surname} family` })).toHaveCount(0);
  await expectAccessible(page);
});

test("an invalid contact form shows the error summary and keeps what was typed", async ({ page, sql }) => {
  const surname = `Marsh${unique()}`;
  await signIn(page, "social.worker@kingsmere.example");
  await page.goto("/front-door/new");
  await page.getByLabel("Family name").fill(surname);
  await page.getByRole("button", { name: "Add another child" }).click();
  const first = page.getByRole("group", { name: "Child 1" });
  await first.getByLabel("First name").fill("Dot");
  await first.getByLabel("Date of birth", { exact: true }).fill("2020-01-09");
  await first.getByRole("radio", { name: "Female" }).check();
  const second = page.getByRole("group", { name: "Child 2" });
  await second.getByLabel("First name").fill("Eli");
  await second.getByLabel("Last name").fill(surname);
  const due = isoDaysAgo(-30);
  await second.getByLabel("Date of birth", { exact: true }).fill(due);
  await second.getByLabel("Not born yet (the date above is the expected date)").check();
  await second.getByRole("radio", { name: "Not known" }).check();
  await page.getByLabel("Reason for the contact").fill("Neighbour heard shouting most nights.");
  await page.getByRole("button", { name: "Record the contact" }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Child 1: Enter the child's last name" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose who the contact came from" })).toBeVisible();
  // what was typed is still there, both children included
  await expect(page.getByLabel("Family name")).toHaveValue(surname);
  await expect(first.getByLabel("First name")).toHaveValue("Dot");
  await expect(first.getByRole("radio", { name: "Female" })).toBeChecked();
  await expect(second.getByLabel("First name")).toHaveValue("Eli");
  await expect(second.getByLabel("Not born yet (the date above is the expected date)")).toBeChecked();
  await expect(page.getByLabel("Reason for the contact")).toHaveValue("Neighbour heard shouting most nights.");
  await expect(first.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // the link takes you to the field; fixing the answers records the contact once
  await summary.getByRole("link", { name: "Child 1: Enter the child's last name" }).click();
  await expect(first.getByLabel("Last name")).toBeFocused();
  await first.getByLabel("Last name").fill(surname);
  await page.getByLabel("Who the contact came from").selectOption("1B");
  await page.getByRole("button", { name: "Record the contact" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${surname} family`);
  await expectAccessible(page);
  const [made] = await sql<{ contacts: number; children: string }>(
    `SELECT count(DISTINCT c.id)::int AS contacts, string_agg(p.first_name || ':' || coalesce(p.date_of_birth::text, 'due ' || p.expected_date_of_birth::text), ',' ORDER BY p.first_name) AS children
     FROM contact c JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
     JOIN contact_child cc ON cc.tenant_id = c.tenant_id AND cc.contact_id = c.id JOIN person p ON p.tenant_id = cc.tenant_id AND p.id = cc.person_id
     WHERE f.name = $1`,
    [`${surname} family`],
  );
  expect(made).toEqual({ contacts: 1, children: `Dot:2020-01-09,Eli:due ${due}` });
});
