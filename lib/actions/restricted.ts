"use server";
// Restricting a family's records and naming who may open them (decision 0019).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { grantAccess, liftRestriction, restrictFamily, revokeAccess } from "@/lib/data/restricted";
import { id, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const reason = (what: string) => requiredText(what, 500);

const restrictSchema = z.object({ familyId: id("the family"), reason: reason("why the records are restricted") });
const liftSchema = z.object({ familyId: id("the family"), reason: reason("why the restriction is lifted") });
const grantSchema = z.object({ familyId: id("the family"), userId: id("the person to name"), accessReason: reason("why they need these records") });
const revokeSchema = z.object({ familyId: id("the family"), userId: id("the person") });

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
