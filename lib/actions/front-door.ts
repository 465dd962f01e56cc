"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { decideContact, recordContact } from "@/lib/data/front-door";
import { CONTACT_DECISIONS, MAX_NEW_CHILDREN, PRIMARY_NEED_CODE_VALUES, REFERRAL_SOURCE_CODES } from "@/lib/domain/referral-codes";
import { checkbox, date, id, idList, idempotencyKey, optionalText, requiredText } from "./fields";
import { handleForm, type FormState, type FormValues } from "./form";

const contactDetails = {
  idempotencyKey,
  receivedOn: date("the date the contact was received", { notFuture: true }),
  source: z.enum(REFERRAL_SOURCE_CODES, { error: "Choose who the contact came from" }),
  reason: requiredText("the reason for the contact"),
};

// ---------------------------------------------------------------------------------------------
// About a known family (from its family or person page)

// keys in the order of the form, so the error summary lists problems top to bottom
const familyContactSchema = z.object({
  familyId: id("a family"),
  childIds: idList("child the contact is about", { min: 1 }),
  ...contactDetails,
});

export async function recordFamilyContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, familyContactSchema, (ctx, input) => recordContact(ctx, input));
  if (state.status === "ok") {
    const { contactId } = state.data as { contactId: string };
    revalidatePath("/front-door");
    redirect(`/contacts/${contactId}?recorded=1`);
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// About a family not yet known: its record and its children's are created

const newChildSchema = z
  .object({
    firstName: requiredText("the child's first name", 100),
    lastName: requiredText("the child's last name", 100),
    unborn: checkbox,
    date: date("the date of birth, or the expected date if the baby is not born yet"),
    sex: z.enum(["M", "F", "U"], { error: "Choose the child's sex, or Not known" }),
    // after likely matches were shown: an existing record's id, or "new"
    match: z.string().optional(),
    newReason: optionalText("why this is a new child", 500),
  })
  .superRefine((child, ctx) => {
    if (child.match === "new" && !child.newReason) ctx.addIssue({ code: "custom", path: ["newReason"], message: "Say why this is a new child and not one of the records shown" });
  })
  .transform(({ date: when, unborn, match, newReason, ...child }) => ({
    ...child,
    dateOfBirth: unborn ? null : when,
    expectedDateOfBirth: unborn ? when : null,
    existingPersonId: match && match !== "new" ? match : null,
    newPersonReason: match === "new" ? (newReason ?? null) : null,
  }));

/** The form sends flat fields (children.0.firstName …) and how many children it shows. */
function gatherChildren(raw: unknown) {
  const values = (raw ?? {}) as FormValues;
  const count = Math.min(Math.max(Number(values.childCount) || 1, 1), MAX_NEW_CHILDREN);
  const field = (i: number, name: string) => {
    const v = values[`children.${i}.${name}`];
    return Array.isArray(v) ? v[0] : v;
  };
  return {
    ...values,
    children: Array.from({ length: count }, (_, i) => ({
      firstName: field(i, "firstName"),
      lastName: field(i, "lastName"),
      unborn: field(i, "unborn"),
      date: field(i, "date"),
      sex: field(i, "sex"),
      match: field(i, "match") || undefined,
      newReason: field(i, "newReason"),
    })),
  };
}

const newFamilyContactSchema = z.preprocess(
  gatherChildren,
  z
    .object({
      familyName: requiredText("the family name", 100),
      address: optionalText("the address", 300),
      postcode: optionalText("the postcode", 10),
      children: z.array(newChildSchema).min(1).max(MAX_NEW_CHILDREN),
      ...contactDetails,
    })
    .transform(({ familyName, address, postcode, children, ...details }) => ({
      ...details,
      newFamily: { name: familyName, address, postcode, children },
    })),
);

export async function recordNewFamilyContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, newFamilyContactSchema, (ctx, input) => recordContact(ctx, input));
  if (state.status === "ok") {
    const { contactId } = state.data as { contactId: string };
    revalidatePath("/front-door");
    redirect(`/contacts/${contactId}?recorded=1`);
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// The decision

const decideSchema = z
  .object({
    contactId: id("a contact"),
    decision: z.enum(CONTACT_DECISIONS, { error: "Choose a decision" }),
    decisionOn: date("the decision date", { notFuture: true }),
    teamId: z.string().optional(),
    primaryNeedCode: z.string().optional(),
    note: requiredText("the reasons for the decision"),
  })
  .superRefine(
    (v, ctx) => {
      if (["EARLY_HELP", "SUPPORT", "REFERRAL"].includes(v.decision) && !v.teamId) {
        ctx.addIssue({ code: "custom", path: ["teamId"], message: "Choose the team that will hold the case" });
      }
      if (v.decision === "REFERRAL" && !(PRIMARY_NEED_CODE_VALUES as readonly string[]).includes(v.primaryNeedCode ?? "")) {
        ctx.addIssue({ code: "custom", path: ["primaryNeedCode"], message: "Choose the child's primary need" });
      }
    },
    // also when another answer has a problem, so every problem shows at once
    { when: (payload) => (CONTACT_DECISIONS as readonly unknown[]).includes((payload.value as { decision?: unknown } | undefined)?.decision) },
  );

/** The decision form's fields from top to bottom: the error summary lists problems in this order. */
const DECISION_FIELDS = ["decision", "teamId", "primaryNeedCode", "decisionOn", "note"];

function inPageOrder(state: FormState, fields: string[]): FormState {
  if (!state.fieldErrors) return state;
  const rank = (field: string) => (fields.includes(field) ? fields.indexOf(field) : fields.length);
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).sort(([a], [b]) => rank(a) - rank(b)));
  return { ...state, fieldErrors };
}

export async function decideContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = inPageOrder(await handleForm(formData, decideSchema, (ctx, input) => decideContact(ctx, input)), DECISION_FIELDS);
  if (state.status === "ok") {
    const { contactId, caseId } = state.data as { contactId: string; caseId: string | null };
    revalidatePath("/front-door");
    revalidatePath(`/contacts/${contactId}`);
    if (caseId) {
      revalidatePath(`/cases/${caseId}`);
      redirect(`/cases/${caseId}`);
    }
    redirect(`/contacts/${contactId}?decided=1`);
  }
  return state;
}
