// After signing in, Continuum goes back to the page asked for, and never to another site however the
// callback is dressed up (tab, newline, backslash, dot segments, another scheme).
import { DEMO_PASSWORD, expect, test } from "./fixtures";

const EVIL = ["/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example", "/.//evil.example", "https://evil.example/", "javascript:alert(document.domain)"];

for (const callback of EVIL) {
  test(`signing in with callbackUrl=${JSON.stringify(callback)} stays in Continuum`, async ({ page, baseURL }) => {
    const offsite: string[] = [];
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
      offsite.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<title>Evil</title><h1>Evil</h1>" });
    });
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callback)}`);
    await page.getByLabel("Email address").fill("social.worker@wexcombe.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/caseload`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/My caseload/);
    expect(offsite).toEqual([]);
  });
}

test("a callback inside Continuum is kept, with its query", async ({ page, baseURL }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/search?q=Smith")}`);
  await page.getByLabel("Email address").fill("social.worker@wexcombe.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/search?q=Smith`);
  // and a signed-in visit to the sign-in page goes home, not to the callback
  await page.goto(`/login?callbackUrl=${encodeURIComponent("//evil.example")}`);
  await expect(page).toHaveURL(`${baseURL}/caseload`);
});
