"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { randomUUID } from "node:crypto";
import { NOTE_MAX_LENGTH, recordVisit, type AlreadyRecorded, type RecordedVisit } from "@/lib/data/visits";
import { fromLondonWallClock, isNotInFuture, isWallTime } from "@/lib/domain/london-time";
import { childrenSeen, SEEN_ANSWERS, VISIT_TYPES } from "@/lib/domain/visits";
import { checkbox, date, id, idempotencyKey, optionalText, requiredText } from "./fields";
import { handleForm, type FormState, type FormValues } from "./form";

/** The form asks about each child of the case in a field `seen.<child id>`, and lists them in `shownChildren[]`. */
const SEEN = "seen.";

function gatherAnswers(raw: unknown) {
  const values = (raw ?? {}) as FormValues;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const shown = values["shownChildren[]"] ?? [];
  const ids = new Set([...(Array.isArray(shown) ? shown : [shown]), ...Object.keys(values).filter((k) => k.startsWith(SEEN)).map((k) => k.slice(SEEN.length))]);
  ids.delete("");
  return { ...values, seen: Object.fromEntries([...ids].map((childId) => [childId, first(values[`${SEEN}${childId}`]) ?? ""])) };
}

// keys in the order of the form, so the error summary lists problems top to bottom
const recordVisitSchema = z.preprocess(
  gatherAnswers,
  z
    .object({
      caseId: id("a case"),
      idempotencyKey,
      visitDate: date("the date of the visit", { notFuture: true }),
      visitTime: z
        .string({ error: "Enter the time of the visit" })
        .trim()
        .min(1, "Enter the time of the visit")
        .refine(isWallTime, "Enter the time of the visit on a 24-hour clock, for example 14:30"),
      type: z.enum(VISIT_TYPES, { error: "Choose the type of visit" }),
      seen: z.record(z.string(), z.enum(SEEN_ANSWERS, { error: "Choose whether you saw this child, and whether on their own" })),
      othersPresent: optionalText("who else was there", 500),
      note: requiredText("a short note about the visit", NOTE_MAX_LENGTH),
      wishesAndFeelings: optionalText("the child's wishes and feelings", NOTE_MAX_LENGTH),
      significant: checkbox,
    })
    .superRefine((v, ctx) => {
      if (typeof v.visitDate !== "string" || typeof v.visitTime !== "string" || !isWallTime(v.visitTime)) return;
      const at = fromLondonWallClock(v.visitDate, v.visitTime);
      if (at === null) {
        // only a date with a valid shape and a valid time reach here: the hour the clocks skip
        ctx.addIssue({ code: "custom", path: ["visitTime"], message: "That time did not happen: the clocks went forward an hour at 1am. Enter the time shown on a clock then." });
      } else if (!isNotInFuture(at)) {
        ctx.addIssue({ code: "custom", path: ["visitTime"], message: "The time of the visit must be now or in the past" });
      }
    })
    .transform(({ visitDate, visitTime, seen, ...rest }) => ({
      ...rest,
      visitedAt: fromLondonWallClock(visitDate, visitTime)!,
      children: childrenSeen(seen),
    })),
);

export async function recordVisitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, recordVisitSchema, (ctx, input) => recordVisit(ctx, input));
  if (state.status === "ok" && state.data) {
    const { caseId } = state.data as RecordedVisit;
    revalidatePath(`/cases/${caseId}`);
    redirect(`/cases/${caseId}?visit=recorded`);
  }
  // The form already recorded another visit: if the person saves again, it is a new visit with a new key.
  const refused = state.status === "error" ? (state.data as unknown as AlreadyRecorded | undefined) : undefined;
  if (refused?.alreadyRecorded) return { ...state, data: { ...refused, nextIdempotencyKey: randomUUID() } };
  return state;
}
