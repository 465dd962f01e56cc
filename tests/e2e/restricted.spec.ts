import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

// A family held by the demo team manager's team that the demo social worker is not allocated to.
const FAMILY_SQL = `
  SELECT f.id AS family_id, f.name AS family, p.first_name || ' ' || p.last_name AS child, tm.name AS manager
  FROM family f JOIN tenant t ON t.tenant_id = f.tenant_id
  JOIN case_file c ON c.tenant_id = f.tenant_id AND c.family_id = f.id AND c.status = 'OPEN'
  JOIN app_user tm ON tm.tenant_id = c.tenant_id AND tm.team_id = c.team_id AND tm.email = 'team.manager@kingsmere.example'
  JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id
  JOIN person p ON p.tenant_id = cc.tenant_id AND p.id = cc.person_id
  WHERE t.slug = 'kingsmere' AND NOT f.restricted
    AND NOT EXISTS (SELECT 1 FROM allocation a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
                    WHERE a.tenant_id = c.tenant_id AND a.case_id = c.id AND u.email = 'social.worker@kingsmere.example')
    AND (SELECT count(*) FROM person q WHERE q.tenant_id = p.tenant_id AND q.first_name = p.first_name AND q.last_name = p.last_name) = 1
  ORDER BY f.name DESC LIMIT 1`;

test("a team manager restricts a family; another worker finds only that a restricted record exists, asks and is let in; lifting it opens it to all", async ({ browser, sql }) => {
  const [f] = await sql<{ family_id: string; family: string; child: string; manager: string }>(FAMILY_SQL);
  expect(f, "a family of the team manager's team").toBeTruthy();

  // two people at once, each in their own browser context
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, "team.manager@kingsmere.example");
  await manager.goto(`/families/${f!.family_id}`);
  await manager.getByRole("link", { name: "Restrict these records" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Who can open these records" })).toBeVisible();
  await expectAccessible(manager);
  // a reason is needed
  await manager.getByRole("button", { name: "Restrict these records" }).click();
  await expect(errorSummary(manager)).toContainText("why the records are restricted");
  await manager.getByLabel("Why restrict these records").fill("A parent works in the council's children's services");
  await manager.getByRole("button", { name: "Restrict these records" }).click();
  await expect(manager.getByRole("heading", { name: "Restricted", exact: true })).toBeVisible();
  await expect(manager.getByText("A parent works in the council's children's services")).toBeVisible();
  await expectAccessible(manager);

  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, "social.worker@kingsmere.example");
  await worker.goto(`/search?q=${encodeURIComponent(f!.child)}`);
  const people = worker.getByRole("list", { name: "People" });
  await expect(people).toContainText("Restricted record");
  await expect(people).toContainText(`ask ${f!.manager} for access`);
  await expect(people).not.toContainText(f!.child);
  await expectAccessible(worker);
  await people.getByRole("link", { name: "Request access" }).first().click();
  await expect(worker.getByRole("heading", { level: 1, name: "Restricted record" })).toBeVisible();
  await expect(worker.getByText(`ask ${f!.manager} for access`)).toBeVisible();
  await expectAccessible(worker);
  // the family's own address leads to the same page
  await worker.goto(`/families/${f!.family_id}`);
  await expect(worker.getByRole("heading", { level: 1, name: "Restricted record" })).toBeVisible();

  // the worker asks, with a reason; the manager finds the request waiting, declines once, then lets them in
  await worker.getByRole("button", { name: "Ask for access" }).click();
  await expect(errorSummary(worker)).toContainText("why you need these records");
  await worker.getByLabel("Why you need these records").fill("The school has called the duty line about the children");
  await worker.getByRole("button", { name: "Ask for access" }).click();
  await expect(worker.getByRole("status").filter({ hasText: "You asked on" })).toBeVisible();
  await expectAccessible(worker);

  await manager.goto("/decisions");
  const requests = manager.getByRole("region", { name: "Requests to open restricted records" });
  await expect(requests.getByRole("row", { name: new RegExp(f!.family) })).toContainText("The school has called the duty line about the children");
  await expectAccessible(manager);
  await requests.getByRole("link", { name: f!.family }).click();
  const asking = manager.getByRole("list", { name: "Requests to open these records" });
  await asking.getByRole("button", { name: "Decline" }).click();
  await expect(errorSummary(manager)).toContainText("Say why the request is declined");
  await asking.getByLabel(/^Note to/).fill("Pass the call to me, please");
  await asking.getByRole("button", { name: "Decline" }).click();
  await expect(asking).toHaveCount(0);

  await worker.reload();
  await expect(worker.getByText("declined your request")).toContainText("Pass the call to me, please");
  await worker.getByLabel("Why you need these records").fill("The manager is away today and the school needs an answer");
  await worker.getByRole("button", { name: "Ask again" }).click();
  await expect(worker.getByRole("status").filter({ hasText: "You asked on" })).toBeVisible();
  await manager.reload();
  await asking.getByRole("button", { name: /^Let .* open these records$/ }).click();
  await expect(manager.getByRole("list", { name: "People named" })).toContainText("The manager is away today and the school needs an answer");
  await expectAccessible(manager);
  await worker.goto(`/families/${f!.family_id}`);
  await expect(worker.getByRole("heading", { level: 1, name: f!.family })).toBeVisible();

  await manager.getByLabel("Why lift the restriction").fill("Parent has left the council");
  await manager.getByRole("button", { name: "Lift the restriction" }).click();
  await expect(manager.getByRole("heading", { name: "Not restricted" })).toBeVisible();
  await worker.goto(`/families/${f!.family_id}`);
  await expect(worker.getByRole("heading", { level: 1, name: f!.family })).toBeVisible();
  await manager.context().close();
  await worker.context().close();
});
