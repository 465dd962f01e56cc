// The versioned case summary: every save a new version, a stale save refused with both texts kept, the
// history readable and audited, and another council's summaries never reachable.
import { beforeAll, describe, expect, it } from "vitest";
import { getCaseSummaryForEdit, getCaseSummaryVersion, getCurrentCaseSummary, listCaseSummaryVersions, saveCaseSummary, type SaveSummaryInput, type SummaryConflict } from "../../lib/data/case-summary";
import { withTenant } from "../../lib/db/tenant";
import type { SummaryText } from "../../lib/domain/case-summary";
import { AppError } from "../../lib/errors";
import { createAllocatedCase, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; worker: TestUser; keyworker: TestUser; caseId: string };

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const keyworker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id });
  const made = await createAllocatedCase(tenant.id, worker, "CHILD_IN_NEED", 1);
  return { tenantId: tenant.id, worker, keyworker, caseId: made.case.id };
}

let a: Council;
let b: Council;

beforeAll(async () => {
  a = await makeCouncil();
  b = await makeCouncil();
});

const first: SummaryText = {
  purpose: "Help Mum keep the children safe at home while Dad's contact is worked out.",
  worries: "Dad's drinking when he visits; shouting that frightens the children.",
  workingWell: "Gran collects the children from school and they are happy there.",
  nextSteps: "Family network meeting by Friday; Dad to start the alcohol service.",
  safetyScale: 4,
};

const save = (who: TestUser, caseId: string, baseVersion: number, text: Partial<SummaryText> = {}): Promise<{ caseId: string; version: number }> =>
  saveCaseSummary(ctxFor(who), { caseId, baseVersion, ...first, ...text } satisfies SaveSummaryInput);

async function newCase(council: Council) {
  return (await createAllocatedCase(council.tenantId, council.worker, "SUPPORT", 1)).case.id;
}

async function rowsFor(tenantId: string, caseId: string) {
  return withTenant(tenantId, (tx) =>
    tx.caseSummaryVersion.findMany({ where: { tenantId, caseId }, orderBy: { version: "asc" }, select: { version: true, worries: true, savedById: true, safetyScale: true } }),
  );
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the save should have been refused").toBeInstanceOf(AppError);
  return error as AppError;
}

describe("saving the case summary", () => {
  it("makes version 1, then a new version on every save, each with who saved it; earlier versions are kept", async () => {
    const caseId = await newCase(a);
    expect(await getCurrentCaseSummary(ctxFor(a.worker), caseId)).toEqual({ current: null });
    expect(await save(a.worker, caseId, 0)).toEqual({ caseId, version: 1 });
    expect(await save(a.keyworker, caseId, 1, { safetyScale: 5, worries: "Less shouting since the network meeting." })).toEqual({ caseId, version: 2 });
    expect(await rowsFor(a.tenantId, caseId)).toEqual([
      { version: 1, worries: first.worries, savedById: a.worker.id, safetyScale: 4 },
      { version: 2, worries: "Less shouting since the network meeting.", savedById: a.keyworker.id, safetyScale: 5 },
    ]);
    const { current } = await getCurrentCaseSummary(ctxFor(a.worker), caseId);
    expect(current).toMatchObject({ version: 2, savedBy: a.keyworker.name, worries: "Less shouting since the network meeting.", purpose: first.purpose, safetyScale: 5 });
    const audits = await withTenant(a.tenantId, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: a.tenantId, caseId, action: "summary.saved" }, orderBy: { at: "asc" }, select: { actorId: true, details: true } }),
    );
    expect(audits).toMatchObject([
      { actorId: a.worker.id, details: { version: 1 } },
      { actorId: a.keyworker.id, details: { version: 2, basedOn: 1, changed: ["worries", "safetyScale"] } },
    ]);
  });

  it("trims the text, and refuses empty sections, a scale outside 0–10 and a save that changes nothing", async () => {
    const caseId = await newCase(a);
    await save(a.worker, caseId, 0, { purpose: `  ${first.purpose}\r\n` });
    expect((await getCurrentCaseSummary(ctxFor(a.worker), caseId)).current?.purpose).toBe(first.purpose);
    const empty = await refusal(save(a.worker, caseId, 1, { worries: "   ", nextSteps: "" }));
    expect(empty).toMatchObject({ code: "VALIDATION", fieldErrors: { worries: ["Enter what we are worried about"], nextSteps: ["Enter what needs to happen"] } });
    await expect(save(a.worker, caseId, 1, { safetyScale: 11 })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { safetyScale: [expect.any(String)] } });
    await expect(save(a.worker, caseId, 1, { safetyScale: 2.5 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(save(a.worker, caseId, 1)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/Nothing has changed since version 1/) });
    expect(await rowsFor(a.tenantId, caseId)).toHaveLength(1);
  });

  it("refuses a save on a closed case", async () => {
    const { family, children } = await createFamily(a.tenantId);
    const closed = await createCase(a.tenantId, { familyId: family.id, childIds: children.map((c) => c.id), status: "CLOSED", openedOn: "2025-01-06", closedOn: "2025-06-30" });
    await expect(save(a.worker, closed.id, 0)).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("needs the summary:edit permission to save or open the form", async () => {
    const admin = await createUser(a.tenantId, { role: "TENANT_ADMIN" });
    await expect(save(admin, a.caseId, 0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCaseSummaryForEdit(ctxFor(admin), a.caseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listCaseSummaryVersions(ctxFor(admin), a.caseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("two people editing the same version", () => {
  const mine = { worries: "My view: Dad has not drunk before visits for three weeks.", safetyScale: 6 };
  const theirs = { worries: "Their view: school reports the children are tired on Mondays.", safetyScale: 5 };

  it("one after the other: the second is refused with the newer version, and nothing is overwritten", async () => {
    const caseId = await newCase(a);
    await save(a.worker, caseId, 0);
    expect(await save(a.keyworker, caseId, 1, theirs)).toEqual({ caseId, version: 2 });

    const error = await refusal(save(a.worker, caseId, 1, mine));
    expect(error.code).toBe("CONFLICT");
    const details = error.details as SummaryConflict;
    // the newer saved version, to show beside the refused text
    expect(details.conflict).toMatchObject({ version: 2, savedBy: a.keyworker.name, worries: theirs.worries, safetyScale: 5 });
    // the refused text, kept
    expect(details.yours).toMatchObject({ worries: mine.worries, safetyScale: 6, purpose: first.purpose });
    expect(error.message).toContain(a.keyworker.name);
    expect((await rowsFor(a.tenantId, caseId)).map((r) => r.worries)).toEqual([first.worries, theirs.worries]);

    // merged, and saved again on top of the newer version
    expect(await save(a.worker, caseId, details.conflict.version, { worries: `${theirs.worries}\n${mine.worries}`, safetyScale: 6 })).toEqual({ caseId, version: 3 });
  });

  it("a first version written by two people at once: one wins", async () => {
    const caseId = await newCase(a);
    const results = await Promise.allSettled([save(a.worker, caseId, 0, mine), save(a.keyworker, caseId, 0, theirs)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await rowsFor(a.tenantId, caseId)).map((r) => r.version)).toEqual([1]);
  });

  it("at the same instant, many times over: exactly one succeeds, the other gets CONFLICT with the newer version, both texts survive", async () => {
    for (let round = 0; round < 8; round++) {
      const caseId = await newCase(a);
      await save(a.worker, caseId, 0);
      const results = await Promise.allSettled([save(a.worker, caseId, 1, mine), save(a.keyworker, caseId, 1, theirs)]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const error = lost[0]!.reason as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("CONFLICT");
      const details = error.details as SummaryConflict;
      const rows = await rowsFor(a.tenantId, caseId);
      expect(rows.map((r) => r.version)).toEqual([1, 2]);
      // the winner's text is in the database and in the refusal; the loser's text comes back to them
      expect(details.conflict.version).toBe(2);
      expect(details.conflict.worries).toBe(rows[1]!.worries);
      expect([mine.worries, theirs.worries]).toContain(rows[1]!.worries);
      expect(details.yours.worries).toBe(rows[1]!.worries === mine.worries ? theirs.worries : mine.worries);
    }
  });
});

describe("the summary's history", () => {
  it("lists every version newest first, shows any one of them, and audits both", async () => {
    const caseId = await newCase(a);
    await save(a.worker, caseId, 0);
    await save(a.keyworker, caseId, 1, { safetyScale: 6, nextSteps: "Review in four weeks." });
    await save(a.worker, caseId, 2, { safetyScale: 7, nextSteps: "Plan to step down at the next review." });

    const history = await listCaseSummaryVersions(ctxFor(a.keyworker), caseId);
    expect(history.versions.map((v) => [v.version, v.savedBy, v.safetyScale])).toEqual([
      [3, a.worker.name, 7],
      [2, a.keyworker.name, 6],
      [1, a.worker.name, 4],
    ]);

    const v2 = await getCaseSummaryVersion(ctxFor(a.keyworker), caseId, "2");
    expect(v2).toMatchObject({ caseId, latestVersion: 3, summary: { version: 2, nextSteps: "Review in four weeks.", savedBy: a.keyworker.name, purpose: first.purpose } });
    await expect(getCaseSummaryVersion(ctxFor(a.keyworker), caseId, "4")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCaseSummaryVersion(ctxFor(a.keyworker), caseId, "0")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCaseSummaryVersion(ctxFor(a.keyworker), caseId, "1; drop table")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audits = await withTenant(a.tenantId, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: a.tenantId, caseId, actorId: a.keyworker.id, action: { in: ["summary.history_viewed", "summary.viewed"] } }, select: { action: true, details: true } }),
    );
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "summary.history_viewed" }),
        expect.objectContaining({ action: "summary.viewed", details: expect.objectContaining({ version: 2 }) }),
      ]),
    );
  });

  it("opening the form is audited and gives the newest version to build on", async () => {
    const caseId = await newCase(a);
    await save(a.worker, caseId, 0);
    await expect(getCaseSummaryForEdit(ctxFor(a.keyworker), caseId)).resolves.toMatchObject({ caseId, status: "OPEN", current: { version: 1 } });
  });
});

describe("council A cannot touch council B's case summary", () => {
  beforeAll(async () => {
    await save(b.worker, b.caseId, 0, { worries: "Council B's worries" });
  });

  it("saving a summary on B's case is not found, and writes nothing", async () => {
    await expect(save(a.worker, b.caseId, 0)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(save(a.worker, b.caseId, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await rowsFor(b.tenantId, b.caseId)).map((r) => r.version)).toEqual([1]);
  });

  it("B's summary, its history and its versions are not found", async () => {
    await expect(getCurrentCaseSummary(ctxFor(a.worker), b.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCaseSummaryForEdit(ctxFor(a.worker), b.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCaseSummaryVersions(ctxFor(a.worker), b.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCaseSummaryVersion(ctxFor(a.worker), b.caseId, "1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // B itself can
    await expect(listCaseSummaryVersions(ctxFor(b.worker), b.caseId)).resolves.toMatchObject({ versions: [{ version: 1 }] });
  });

  it("a refusal never carries B's text to A", async () => {
    const error = await refusal(save(a.worker, b.caseId, 0));
    expect(JSON.stringify({ message: error.message, details: error.details ?? null })).not.toContain("Council B");
  });
});
