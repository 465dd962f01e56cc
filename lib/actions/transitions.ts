"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { decideTransition, requestTransition } from "@/lib/data/transitions";
import { LEVELS } from "@/lib/domain/roles";
import { checkbox, date, id, optionalText, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const requestSchema = z.object({
  caseId: id("a case"),
  to: z.enum([...LEVELS, "CLOSED"], { error: "Choose what should happen to the case" }),
  reason: requiredText("the reason", 4000),
  reviewHeldOn: z.preprocess(emptyToUndefined, date("the date of the review", { notFuture: true }).optional()),
  leadProfessionalId: z.preprocess(emptyToUndefined, id("the lead professional").optional()),
  familyInformed: checkbox,
  closureReason: z.preprocess(emptyToUndefined, z.string().regex(/^RC[1-9]$/, "Choose the reason for closure").optional()),
  newWorkerId: z.preprocess(emptyToUndefined, id("a social worker").optional()),
});

export async function requestTransitionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, requestSchema, (ctx, input) => requestTransition(ctx, input));
  if (state.status === "ok") {
    const caseId = String(formData.get("caseId"));
    revalidatePath(`/cases/${caseId}`);
    redirect(`/cases/${caseId}?requested=1`);
  }
  return state;
}

const decideSchema = z.object({
  transitionId: id("a request"),
  decision: z.enum(["APPROVE", "REJECT"], { error: "Choose approve or reject" }),
  comment: optionalText("the comment", 2000),
  effectiveOn: z.preprocess(emptyToUndefined, date("the date it takes effect", { notFuture: true }).optional()),
  newWorkerId: z.preprocess(emptyToUndefined, id("a social worker").optional()),
  overrideReason: optionalText("the reason for going over the cap", 1000),
});

export async function decideTransitionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, decideSchema, (ctx, input) => decideTransition(ctx, input));
  if (state.status === "ok" && state.data) {
    const { caseId } = state.data as { caseId: string };
    revalidatePath(`/cases/${caseId}`);
    revalidatePath("/decisions");
    redirect(`/decisions?decided=${String(formData.get("decision")).toLowerCase()}`);
  }
  return state;
}
