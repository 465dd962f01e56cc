// Shared e2e fixtures: a console error or page error fails the test; every page visited can be checked
// with axe; `sql` reads the e2e database to check what the pages show.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_DB_FILE } from "./config";

export const DEMO_PASSWORD = "Continuum-demo-2026";

type Fixtures = {
  failOnConsoleErrors: void;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
};

export const test = base.extend<Fixtures>({
  failOnConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      // The browser logs 404 and 403 pages a test visits on purpose, and the 401 of a refused sign-in,
      // as resource errors; anything else is a real error.
      expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|403|404)/.test(e)), "console errors").toEqual([]);
    },
    { auto: true },
  ],
  sql: async ({}, use) => {
    const { adminUrl } = JSON.parse(readFileSync(E2E_DB_FILE, "utf8")) as { adminUrl: string };
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await use(async (text, params) => (await client.query(text, params)).rows);
    await client.end();
  },
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export const errorSummary = (page: Page) => page.getByRole("alert", { name: "There is a problem" });

/** Fails on serious or critical WCAG 2.2 AA violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
