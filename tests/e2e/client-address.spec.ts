// The address in the audit log (and behind the sign-in throttle) is the connection's, written by our
// own server (scripts/serve.ts); an X-Forwarded-For the browser sends cannot choose it (decision 0018).
import { expect, signIn, test } from "./fixtures";

const SPOOFED = "203.0.113.99";
const LOOPBACK = ["127.0.0.1", "::1"];

test("a spoofed X-Forwarded-For is not the address audited for signing in or for a search", async ({ page, sql }) => {
  const email = "senior.keyworker@tamsbridge.example";
  const startedAt = new Date();
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": SPOOFED });
  await signIn(page, email);
  const term = `Spoofcheck${Date.now()}`;
  await page.goto(`/search?q=${term}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const events = await sql<{ action: string; ip: string | null }>(
    `SELECT a.action, a.details->>'ip' AS ip FROM audit_event a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
     WHERE u.email = $1 AND a.at >= $2 AND (a.action = 'auth.signed_in' OR (a.action = 'search.performed' AND lower(a.details->>'query') = lower($3)))`,
    [email, startedAt, term],
  );
  expect(events.map((e) => e.action).sort()).toEqual(expect.arrayContaining(["auth.signed_in", "search.performed"]));
  for (const event of events) {
    expect(event.ip).not.toBe(SPOOFED);
    expect(LOOPBACK).toContain(event.ip);
  }
});
