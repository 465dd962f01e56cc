"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { saveCaseSummary, type SummaryConflict } from "@/lib/data/case-summary";
import { SECTION_MAX_LENGTH, SUMMARY_SECTIONS, type SummarySectionKey } from "@/lib/domain/case-summary";
import { id, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const section = (key: SummarySectionKey) => requiredText(SUMMARY_SECTIONS.find((s) => s.key === key)!.what, SECTION_MAX_LENGTH);

const OUT_OF_DATE = "This form is out of date: reload the page and try again.";

// keys in the order of the form, so the error summary lists problems top to bottom
const saveSummarySchema = z.object({
  caseId: id("a case"),
  baseVersion: z
    .string({ error: OUT_OF_DATE })
    .regex(/^\d{1,9}$/, OUT_OF_DATE)
    .transform(Number),
  purpose: section("purpose"),
  worries: section("worries"),
  workingWell: section("workingWell"),
  nextSteps: section("nextSteps"),
  safetyScale: z
    .string({ error: "Choose a number on the safety scale, from 0 to 10" })
    .regex(/^(10|[0-9])$/, "Choose a number on the safety scale, from 0 to 10")
    .transform(Number),
});

export async function saveCaseSummaryAction(previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, saveSummarySchema, (ctx, input) => saveCaseSummary(ctx, input));
  if (state.status === "ok" && state.data) {
    const { caseId, version } = state.data as { caseId: string; version: number };
    revalidatePath(`/cases/${caseId}`);
    redirect(`/cases/${caseId}?summary=${version}`);
  }
  // After a refused save, a slip in the merged text must not hide the newer version being merged.
  const earlier = previous.data as SummaryConflict | undefined;
  if (state.status === "error" && !state.data && earlier?.conflict) return { ...state, data: { conflict: earlier.conflict } };
  return state;
}
