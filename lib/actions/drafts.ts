"use server";

// Keeping and discarding drafts from a form (docs/decisions/0023-drafts.md). Called by
// components/form/draft.tsx in the background while someone types: the answer is for a quiet status
// line, never an error page, and a session that has ended says so rather than throwing.
import { currentContext } from "@/lib/auth/session";
import { discardDraft, saveDraft, type DraftFields, type DraftKind } from "@/lib/data/drafts";
import { isAppError } from "@/lib/errors";

export type DraftAnswer = { ok: true; savedAt: string | null } | { ok: false; message: string };

const SIGNED_OUT = "You are no longer signed in, so the draft was not saved. What you typed is still here: sign in again in a new tab.";

async function answer(work: () => Promise<string | null>): Promise<DraftAnswer> {
  try {
    return { ok: true, savedAt: await work() };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "The draft was not saved because of a problem on our side. What you typed is still here." };
  }
}

export async function saveDraftAction(input: { caseId: string; kind: DraftKind; fields: DraftFields; baseVersion?: number | null }): Promise<DraftAnswer> {
  const ctx = await currentContext();
  if (!ctx) return { ok: false, message: SIGNED_OUT };
  return answer(async () => (await saveDraft(ctx, input)).savedAt);
}

export async function discardDraftAction(input: { caseId: string; kind: DraftKind }): Promise<DraftAnswer> {
  const ctx = await currentContext();
  if (!ctx) return { ok: false, message: SIGNED_OUT };
  return answer(async () => {
    await discardDraft(ctx, input.caseId, input.kind);
    return null;
  });
}
