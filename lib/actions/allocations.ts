"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { allocateWorker, endAllocation } from "@/lib/data/allocations";
import { date, id, optionalText, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const allocateSchema = z.object({
  caseId: id("a case"),
  workerId: id("a worker"),
  roleOnCase: z.enum(["LEAD", "CO_WORKER", "CLINICIAN"], { error: "Choose the worker's role on the case" }),
  startDate: date("the start date"),
  overrideReason: optionalText("the reason for going over the cap", 1000),
});

export async function allocateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, allocateSchema, (ctx, input) => allocateWorker(ctx, input));
  if (state.status === "ok") {
    const caseId = String(formData.get("caseId"));
    revalidatePath(`/cases/${caseId}`);
    redirect(`/cases/${caseId}?allocated=1`);
  }
  return state;
}

const endSchema = z.object({
  caseId: id("a case"),
  allocationId: id("an allocation"),
  endDate: date("the end date", { notFuture: true }),
  reason: requiredText("why the allocation ended", 500),
});

export async function endAllocationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, endSchema, (ctx, input) => endAllocation(ctx, input));
  if (state.status === "ok") {
    const caseId = String(formData.get("caseId"));
    revalidatePath(`/cases/${caseId}`);
    redirect(`/cases/${caseId}/allocate?ended=1`);
  }
  return state;
}
