"use server";
// Restricting a family's records and naming who may open them (decision 0019).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideAccessRequest, requestAccess } from "@/lib/data/access-requests";
import { grantAccess, liftRestriction, restrictFamily, revokeAccess } from "@/lib/data/restricted";
import { id, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const reason = (what: string) => requiredText(what, 500);

const restrictSchema = z.object({ familyId: id("the family"), reason: reason("why the records are restricted") });
const liftSchema = z.object({ familyId: id("the family"), reason: reason("why the restriction is lifted") });
const grantSchema = z.object({ familyId: id("the family"), userId: id("the person to name"), accessReason: reason("why they need these records") });
const revokeSchema = z.object({ familyId: id("the family"), userId: id("the person") });
const requestSchema = z.object({ familyId: id("the family"), reason: reason("why you need these records") });
const decideSchema = z.object({
  requestId: id("the request"),
  decision: z.enum(["GRANT", "DECLINE"], { error: "Choose whether to let them open the records" }),
  note: z.string().trim().max(500, "The note must be 500 characters or fewer").optional(),
});

function done(state: FormState, familyId: FormDataEntryValue | null): FormState {
  if (state.status === "ok") revalidatePath(`/families/${String(familyId)}`, "layout");
  return state;
}

export async function restrictAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return done(await handleForm(formData, restrictSchema, (ctx, input) => restrictFamily(ctx, input)), formData.get("familyId"));
}

export async function liftRestrictionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return done(await handleForm(formData, liftSchema, (ctx, input) => liftRestriction(ctx, input)), formData.get("familyId"));
}

export async function grantAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return done(await handleForm(formData, grantSchema, (ctx, input) => grantAccess(ctx, { familyId: input.familyId, userId: input.userId, reason: input.accessReason })), formData.get("familyId"));
}

export async function revokeAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return done(await handleForm(formData, revokeSchema, (ctx, input) => revokeAccess(ctx, input)), formData.get("familyId"));
}

export async function requestAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, requestSchema, (ctx, input) => requestAccess(ctx, input));
  if (state.status === "ok") revalidatePath(`/restricted/${String(formData.get("familyId"))}`);
  return state;
}

export async function decideAccessRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, decideSchema, (ctx, input) => decideAccessRequest(ctx, input));
  if (state.status === "ok") {
    revalidatePath(`/families/${String(formData.get("familyId"))}`, "layout");
    revalidatePath("/decisions");
  }
  return state;
}
