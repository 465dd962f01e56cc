// Drafts (decision 0023): what a practitioner types into a visit or the case summary is kept on the
// server, only for them; sending the form deletes it with the save; a stale summary draft is refused
// on send like a stale form; too big, too old, another person's or another council's: nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveCaseSummary, type SummaryConflict } from "../../lib/data/case-summary";
import { deleteExpiredDrafts, discardDraft, DRAFT_MAX_BYTES, getDraft, saveDraft, type DraftFields } from "../../lib/data/drafts";
import { restrictFamily } from "../../lib/data/restricted";
import { recordVisit } from "../../lib/data/visits";
import { withTenant } from "../../lib/db/tenant";
import { addDays, todayInEngland } from "../../lib/domain/dates";
import type { SummaryText } from "../../lib/domain/case-summary";
import { AppError } from "../../lib/errors";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; worker: TestUser; colleague: TestUser; manager: TestUser; otherTeamWorker: TestUser; admin: TestUser; familyId: string; childIds: string[] };

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const otherTeam = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id });
  const colleague = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const manager = await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id, name: "Maya Manager" });
  const otherTeamWorker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: otherTeam.id });
  const admin = await createUser(tenant.id, { role: "TENANT_ADMIN" });
  const { family, children } = await createFamily(tenant.id, { children: [{}, {}] });
  return { tenantId: tenant.id, worker, colleague, manager, otherTeamWorker, admin, familyId: family.id, childIds: children.map((c) => c.id) };
}

/** An open case of the council's family, opened a week ago, held by the worker's team with the worker as lead. */
async function openCase(council: Council): Promise<string> {
  const c = await createCase(council.tenantId, { familyId: council.familyId, childIds: council.childIds, openedOn: addDays(todayInEngland(), -7), teamId: council.worker.teamId });
  await allocate(council.tenantId, c.id, council.worker.id, "LEAD", addDays(todayInEngland(), -7));
  return c.id;
}

let a: Council;
let b: Council;

beforeAll(async () => {
  a = await makeCouncil();
  b = await makeCouncil();
});

const visitFields = (overrides: DraftFields = {}): DraftFields => ({
  idempotencyKey: randomUUID(),
  visitDate: todayInEngland(),
  visitTime: "09:15",
  type: "HOME",
  note: "Mum was calm; the children showed me their new bunk beds.",
  significant: "on",
  ...overrides,
});

const summaryText: SummaryText = {
  purpose: "Help Mum keep the children safe at home while Dad's contact is worked out.",
  worries: "Dad's drinking when he visits.",
  workingWell: "Gran collects the children from school.",
  nextSteps: "Family network meeting by Friday.",
  safetyScale: 4,
};

async function draftRows(tenantId: string, caseId: string) {
  return withTenant(tenantId, (tx) => tx.draft.findMany({ where: { tenantId, caseId }, select: { userId: true, kind: true, fields: true, baseVersion: true } }));
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "should have been refused").toBeInstanceOf(AppError);
  return error as AppError;
}

describe("keeping, restoring and discarding a draft", () => {
  it("keeps what was typed, gives it back to its author, and forgets it when discarded; none of it is audited", async () => {
    const caseId = await openCase(a);
    const ctx = ctxFor(a.worker);
    const fields = visitFields({ [`seen.${a.childIds[0]}`]: "SEEN_ALONE", "shownChildren[]": a.childIds });
    const before = Date.now();
    const saved = await saveDraft(ctx, { caseId, kind: "VISIT", fields: { ...fields, caseId } });
    expect(Date.parse(saved.savedAt!)).toBeGreaterThanOrEqual(before - 1000);

    const restored = await getDraft(ctx, caseId, "VISIT");
    // the form's own bookkeeping (the case id) is not kept; everything typed is
    expect(restored).toEqual({ kind: "VISIT", fields, baseVersion: null, savedAt: saved.savedAt });
    // a visit's draft is not the summary's
    expect(await getDraft(ctx, caseId, "SUMMARY")).toBeNull();

    await discardDraft(ctx, caseId, "VISIT");
    expect(await getDraft(ctx, caseId, "VISIT")).toBeNull();
    expect(await draftRows(a.tenantId, caseId)).toEqual([]);
    // discarding when there is nothing is fine
    await discardDraft(ctx, caseId, "VISIT");

    const audited = await withTenant(a.tenantId, (tx) => tx.auditEvent.count({ where: { tenantId: a.tenantId, caseId } }));
    expect(audited).toBe(0);
  });

  it("keeps one draft per person, case and form: each save replaces the last", async () => {
    const caseId = await openCase(a);
    const ctx = ctxFor(a.worker);
    await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "First words" }) });
    await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "First words, then more" }) });
    await saveDraft(ctx, { caseId, kind: "SUMMARY", fields: { worries: "Typed into the summary" }, baseVersion: 0 });
    const rows = await draftRows(a.tenantId, caseId);
    expect(rows.filter((r) => r.kind === "VISIT")).toHaveLength(1);
    expect(rows.filter((r) => r.kind === "SUMMARY")).toHaveLength(1);
    expect((await getDraft(ctx, caseId, "VISIT"))?.fields.note).toBe("First words, then more");
    expect(await getDraft(ctx, caseId, "SUMMARY")).toMatchObject({ fields: { worries: "Typed into the summary" }, baseVersion: 0 });

    // saved at the same moment, twice over: still one
    await Promise.all([1, 2, 3].map((n) => saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: `Version ${n}` }) })));
    expect((await draftRows(a.tenantId, caseId)).filter((r) => r.kind === "VISIT")).toHaveLength(1);
  });
});

describe("a draft is its author's alone", () => {
  it("a colleague and a manager in the same council get nothing, cannot overwrite it and cannot discard it", async () => {
    const caseId = await openCase(a);
    const fields = visitFields({ note: "Only mine" });
    await saveDraft(ctxFor(a.worker), { caseId, kind: "VISIT", fields });
    await saveDraft(ctxFor(a.worker), { caseId, kind: "SUMMARY", fields: { worries: "Only mine too" }, baseVersion: 0 });

    for (const other of [a.colleague, a.manager]) {
      expect(await getDraft(ctxFor(other), caseId, "VISIT")).toBeNull();
      expect(await getDraft(ctxFor(other), caseId, "SUMMARY")).toBeNull();
      await discardDraft(ctxFor(other), caseId, "VISIT");
      await saveDraft(ctxFor(other), { caseId, kind: "VISIT", fields: visitFields({ note: `${other.name}'s own` }) });
    }
    expect(await getDraft(ctxFor(a.worker), caseId, "VISIT")).toMatchObject({ fields });
    expect(await getDraft(ctxFor(a.worker), caseId, "SUMMARY")).toMatchObject({ fields: { worries: "Only mine too" } });
    // the manager's and the colleague's are their own, beside it
    expect(await getDraft(ctxFor(a.manager), caseId, "VISIT")).toMatchObject({ fields: { note: `${a.manager.name}'s own` } });
    expect((await draftRows(a.tenantId, caseId)).filter((r) => r.kind === "VISIT").map((r) => r.userId).sort()).toEqual([a.worker.id, a.colleague.id, a.manager.id].sort());
  });

  it("another council gets nothing: not the draft, not the case, not a row", async () => {
    const caseId = await openCase(a);
    await saveDraft(ctxFor(a.worker), { caseId, kind: "VISIT", fields: visitFields({ note: "Council A's draft" }) });
    await expect(getDraft(ctxFor(b.worker), caseId, "VISIT")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveDraft(ctxFor(b.worker), { caseId, kind: "VISIT", fields: visitFields() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(discardDraft(ctxFor(b.worker), caseId, "VISIT")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // council B's own transaction sees none of council A's drafts, even asking for them by id
    const seen = await withTenant(b.tenantId, (tx) => tx.draft.findMany({ where: { caseId } }));
    expect(seen).toEqual([]);
    // a context naming council B with council A's user id still reads nothing of A's
    const forged = { ...ctxFor(a.worker), tenantId: b.tenantId };
    await expect(getDraft(forged, caseId, "VISIT")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await draftRows(a.tenantId, caseId)).toHaveLength(1);
  });
});

describe("only someone who may send the form may keep a draft of it", () => {
  it("refuses a role without the permission (FORBIDDEN), a closed case, and a restricted record the caller may not open", async () => {
    const caseId = await openCase(a);
    for (const kind of ["VISIT", "SUMMARY"] as const) {
      await expect(saveDraft(ctxFor(a.admin), { caseId, kind, fields: { note: "x" }, baseVersion: kind === "SUMMARY" ? 0 : null })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getDraft(ctxFor(a.admin), caseId, kind)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(discardDraft(ctxFor(a.admin), caseId, kind)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    const { family, children } = await createFamily(a.tenantId);
    const closed = await createCase(a.tenantId, { familyId: family.id, childIds: children.map((c) => c.id), status: "CLOSED", openedOn: "2025-01-06", closedOn: "2025-06-30" });
    await expect(saveDraft(ctxFor(a.worker), { caseId: closed.id, kind: "VISIT", fields: visitFields() })).rejects.toMatchObject({ code: "REFUSED" });

    // a restricted family: the worker on its case still may; someone from another team may not
    const restricted = await createFamily(a.tenantId);
    const rc = await createCase(a.tenantId, { familyId: restricted.family.id, childIds: restricted.children.map((c) => c.id), teamId: a.worker.teamId, openedOn: addDays(todayInEngland(), -7) });
    await allocate(a.tenantId, rc.id, a.worker.id, "LEAD", addDays(todayInEngland(), -7));
    await saveDraft(ctxFor(a.otherTeamWorker), { caseId: rc.id, kind: "VISIT", fields: visitFields({ note: "Before the restriction" }) });
    await restrictFamily(ctxFor(a.manager), { familyId: restricted.family.id, reason: "A parent works in the council's children's services" });
    await expect(saveDraft(ctxFor(a.otherTeamWorker), { caseId: rc.id, kind: "VISIT", fields: visitFields() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDraft(ctxFor(a.otherTeamWorker), rc.id, "VISIT")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveDraft(ctxFor(a.worker), { caseId: rc.id, kind: "VISIT", fields: visitFields() })).resolves.toMatchObject({ savedAt: expect.any(String) });
  });

  it("refuses a draft over 50 kB, counted in bytes, and keeps the one before", async () => {
    const caseId = await openCase(a);
    const ctx = ctxFor(a.worker);
    await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "Short and kept" }) });
    const tooLong = await refusal(saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "x".repeat(DRAFT_MAX_BYTES) }) }));
    expect(tooLong).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/too long to keep as a draft/) });
    // 20,000 characters, but 60,000 bytes
    await expect(saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "€".repeat(20_000) }) })).rejects.toMatchObject({ code: "VALIDATION" });
    // a long but ordinary visit is kept
    await expect(saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "y".repeat(4000), wishesAndFeelings: "z".repeat(4000) }) })).resolves.toMatchObject({
      savedAt: expect.any(String),
    });
    // fields that are not a form's: refused
    await expect(saveDraft(ctx, { caseId, kind: "VISIT", fields: { note: { nested: true } } as unknown as DraftFields })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(saveDraft(ctx, { caseId, kind: "SUMMARY", fields: { worries: "no base version" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(saveDraft(ctx, { caseId, kind: "LETTER" as "VISIT", fields: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getDraft(ctx, caseId, "VISIT"))?.fields.note).toBe("y".repeat(4000));
  });
});

describe("sending the form", () => {
  it("a visit sent deletes its draft in the same transaction; a refused one keeps it; a draft of another visit stays", async () => {
    const caseId = await openCase(a);
    const ctx = ctxFor(a.worker);
    const key = randomUUID();
    await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ idempotencyKey: key }) });
    const visit = {
      caseId,
      idempotencyKey: key,
      visitedAt: new Date(Date.now() - 30 * 60_000),
      type: "HOME" as const,
      children: [{ personId: a.childIds[0]!, seenAlone: true }],
      note: "Mum was calm; the children showed me their new bunk beds.",
      significant: true,
    };
    // refused inside the transaction (a child who is not on the case): the draft is still there
    await expect(recordVisit(ctx, { ...visit, children: [{ personId: randomUUID(), seenAlone: false }] })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await getDraft(ctx, caseId, "VISIT")).not.toBeNull();

    await recordVisit(ctx, visit);
    expect(await draftRows(a.tenantId, caseId)).toEqual([]);
    expect(await getDraft(ctx, caseId, "VISIT")).toBeNull();
    // a draft save that arrives after the send (a request already on its way) keeps nothing
    expect(await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ idempotencyKey: key }) })).toEqual({ savedAt: null });
    expect(await draftRows(a.tenantId, caseId)).toEqual([]);

    // another visit being typed in another tab is not this form's draft
    await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "The next visit" }) });
    await recordVisit(ctx, { ...visit, idempotencyKey: randomUUID(), note: "A third visit" });
    expect((await getDraft(ctx, caseId, "VISIT"))?.fields.note).toBe("The next visit");
  });

  it("a summary sent deletes its draft; a stale summary draft is refused on send like a stale form, and kept", async () => {
    const caseId = await openCase(a);
    const mine = ctxFor(a.worker);
    await saveCaseSummary(ctxFor(a.colleague), { caseId, baseVersion: 0, ...summaryText });
    // typed against version 1…
    await saveDraft(mine, { caseId, kind: "SUMMARY", fields: { ...summaryText, worries: "My worries, typed against version 1", safetyScale: "5", baseVersion: "99" }, baseVersion: 1 });
    // …while a colleague saves version 2
    await saveCaseSummary(ctxFor(a.colleague), { caseId, baseVersion: 1, ...summaryText, worries: "Their worries, version 2" });

    const draft = await getDraft(mine, caseId, "SUMMARY");
    // the base version is the one given with the draft, never a field of it
    expect(draft).toMatchObject({ baseVersion: 1, fields: { worries: "My worries, typed against version 1" } });
    expect(draft!.fields).not.toHaveProperty("baseVersion");
    const send = { caseId, baseVersion: draft!.baseVersion!, ...summaryText, worries: String(draft!.fields.worries), safetyScale: Number(draft!.fields.safetyScale) };
    const refused = await refusal(saveCaseSummary(mine, send));
    expect(refused.code).toBe("CONFLICT");
    expect((refused.details as SummaryConflict).conflict).toMatchObject({ version: 2, worries: "Their worries, version 2" });
    expect(await getDraft(mine, caseId, "SUMMARY")).not.toBeNull();

    // merged on top of version 2 and sent: saved, and the draft is gone
    expect(await saveCaseSummary(mine, { ...send, baseVersion: 2, worries: "Both views, merged" })).toEqual({ caseId, version: 3 });
    expect(await draftRows(a.tenantId, caseId)).toEqual([]);
  });
});

describe("drafts older than 30 days", () => {
  async function age(tenantId: string, userId: string, caseId: string, days: number) {
    await withTenant(tenantId, (tx) => tx.draft.updateMany({ where: { tenantId, userId, caseId }, data: { updatedAt: new Date(Date.now() - days * 86_400_000) } }));
  }

  it("are not restored, and are deleted when read", async () => {
    const caseId = await openCase(a);
    const ctx = ctxFor(a.worker);
    await saveDraft(ctx, { caseId, kind: "VISIT", fields: visitFields({ note: "29 days old" }) });
    await age(a.tenantId, a.worker.id, caseId, 29);
    expect((await getDraft(ctx, caseId, "VISIT"))?.fields.note).toBe("29 days old");
    await age(a.tenantId, a.worker.id, caseId, 31);
    expect(await getDraft(ctx, caseId, "VISIT")).toBeNull();
    expect(await draftRows(a.tenantId, caseId)).toEqual([]);
  });

  it("are deleted in every council by the nightly job, which keeps newer ones", async () => {
    const caseA = await openCase(a);
    const caseB = await openCase(b);
    await saveDraft(ctxFor(a.worker), { caseId: caseA, kind: "VISIT", fields: visitFields() });
    await saveDraft(ctxFor(a.colleague), { caseId: caseA, kind: "VISIT", fields: visitFields() });
    await saveDraft(ctxFor(b.worker), { caseId: caseB, kind: "VISIT", fields: visitFields() });
    await age(a.tenantId, a.worker.id, caseA, 31);
    await age(b.tenantId, b.worker.id, caseB, 45);
    const lines: string[] = [];
    expect(await deleteExpiredDrafts((line) => lines.push(line))).toBeGreaterThanOrEqual(2);
    expect((await draftRows(a.tenantId, caseA)).map((r) => r.userId)).toEqual([a.colleague.id]);
    expect(await draftRows(b.tenantId, caseB)).toEqual([]);
    expect(lines.join("\n")).toMatch(/drafts? older than 30 days deleted/);
  });
});
