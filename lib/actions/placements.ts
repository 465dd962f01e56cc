"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addCarer, moveChild, setCarerOnHold, updateCarer } from "@/lib/data/placements";
import { startCare } from "@/lib/data/statutory";
import { CARER_KINDS } from "@/lib/domain/placements-carers";
import { CATEGORY_OF_NEED_CODES, LEGAL_STATUS_CODES, PLACEMENT_PROVIDER_CODES, PLACEMENT_TYPE_CODES, REASON_PLACE_CHANGE_CODES } from "@/lib/domain/ssda903-codes";
import { checkbox, date, id, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const blank = (v: unknown) => (v === "" || v === undefined ? null : v);
const numberOrBlank = (v: unknown) => (v === "" || v === undefined ? null : Number(String(v).trim()));
const UK_POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/;
const postcode = (message: string) => z.string().trim().toUpperCase().regex(UK_POSTCODE, message);
/** A local authority: its 3-digit DfE code, or the SSDA903 code of an area outside England. */
const LA_CODE = /^([0-9]{3}|WAL|SCO|NIR|NUK)$/;
const laCode = (what: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(LA_CODE, `Enter the 3-digit DfE code of the local authority ${what}, like 931; outside England, WAL (Wales), SCO (Scotland), NIR (Northern Ireland) or NUK (outside the UK)`);
const urn = z.preprocess(blank, z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,8}$/, "Enter the Ofsted URN, like SC123456 (6 to 8 letters and digits)").nullable());

const weeklyCost = z.preprocess(
  (v) => (v === "" || v === undefined ? null : Number(String(v).replace(/[£,\s]/g, ""))),
  z.number({ error: "Enter the weekly cost in pounds, like 320 or 850.50" }).min(0, "The weekly cost cannot be negative").max(50_000, "Enter the weekly cost in pounds").nullable(),
);
const latitude = (what: string) =>
  z.preprocess(numberOrBlank, z.number({ error: `Enter the latitude ${what} as a number, like 51.0688` }).min(49, "Enter a latitude in the UK, between 49 and 61").max(61, "Enter a latitude in the UK, between 49 and 61").nullable());
const longitude = (what: string) =>
  z.preprocess(numberOrBlank, z.number({ error: `Enter the longitude ${what} as a number, like -1.7945` }).min(-9, "Enter a longitude in the UK, between -9 and 3").max(3, "Enter a longitude in the UK, between -9 and 3").nullable());

/** Where a placement is that has no carer on the list (decision 0015), and its Ofsted URN. */
const placementNotOnList = {
  placementPostcode: z.preprocess(blank, postcode("Enter the placement's postcode like SP1 2AB").nullable()),
  placementLatitude: latitude("of the placement"),
  placementLongitude: longitude("of the placement"),
  placementLaCode: z.preprocess(blank, laCode("it is in").nullable()),
  urn,
};

const moveSchema = z.object({
  personId: id("a child"),
  date: date("the date of the move", { notFuture: true }),
  legalStatus: z.preprocess(blank, z.enum(LEGAL_STATUS_CODES, { error: "Choose the new legal status, or leave it as no change" }).nullable()),
  placeType: z.enum(PLACEMENT_TYPE_CODES, { error: "Choose the placement type" }),
  provider: z.preprocess(blank, z.enum(PLACEMENT_PROVIDER_CODES, { error: "Choose the provider" }).nullable()),
  carerId: z.preprocess(blank, id("a carer from the list").nullable()),
  reasonPlaceChange: z.preprocess(blank, z.enum(REASON_PLACE_CHANGE_CODES, { error: "Choose the reason for the change" }).nullable()),
  endPlanned: z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : null), z.boolean().nullable()),
  weeklyCost,
  ...placementNotOnList,
  avoidedAgency: checkbox,
});

/** Moves the child, then shows their placements with the new one. */
export async function moveChildAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, moveSchema, (ctx, input) => moveChild(ctx, input));
  if (state.status !== "ok") return state;
  const personId = String(formData.get("personId"));
  revalidatePath(`/people/${personId}/placements`);
  revalidatePath("/carers");
  redirect(`/people/${personId}/placements?moved=1`);
}

const startCareSchema = z.object({
  personId: id("a child"),
  caseId: id("the case"),
  startDate: date("the date the child became looked after", { notFuture: true }),
  legalStatus: z.enum(LEGAL_STATUS_CODES, { error: "Choose the legal status" }),
  categoryOfNeed: z.enum(CATEGORY_OF_NEED_CODES, { error: "Choose the category of need" }),
  place: z.enum(PLACEMENT_TYPE_CODES, { error: "Choose the placement type" }),
  provider: z.preprocess(blank, z.enum(PLACEMENT_PROVIDER_CODES, { error: "Choose the provider" }).nullable()),
  carerId: z.preprocess(blank, id("a carer from the list").nullable()),
  weeklyCost,
  ...placementNotOnList,
  homePostcode: z.preprocess(blank, postcode("Enter the child's home postcode like SP1 2AB").nullable()),
  homeLatitude: latitude("of the child's home"),
  homeLongitude: longitude("of the child's home"),
  avoidedAgency: checkbox,
});

/** Records that a child became looked after, placed where Find a placement found (or typed), then shows their placements. */
export async function startCareAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, startCareSchema, (ctx, input) => startCare(ctx, input));
  if (state.status !== "ok") return state;
  const personId = String(formData.get("personId"));
  revalidatePath(`/people/${personId}/placements`);
  revalidatePath(`/people/${personId}/statutory`);
  revalidatePath("/carers");
  redirect(`/people/${personId}/placements?started=1`);
}

const whole = (what: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : Number(v)),
    z.number({ error: `Enter ${what} as a whole number` }).int(`Enter ${what} as a whole number`).min(min, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${min} or more`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} or less`).nullable(),
  );
const degrees = (what: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z.number({ error: `Enter the ${what}, for example from the council's address gazetteer` }).min(min, `The ${what} must be between ${min} and ${max} (the UK)`).max(max, `The ${what} must be between ${min} and ${max} (the UK)`),
  );

const carerFields = {
  name: requiredText("the name", 200),
  provider: z.enum(PLACEMENT_PROVIDER_CODES, { error: "Choose the provider" }),
  approvedPlaces: whole("the approved places", 0, 12),
  ageFrom: whole("the youngest age", 0, 17),
  ageTo: whole("the oldest age", 0, 17),
  postcode: postcode("Enter a postcode like SP1 2AB"),
  latitude: degrees("latitude", 49, 61),
  longitude: degrees("longitude", -9, 3),
  laCode: laCode("the carer is in"),
  usualWeeklyRate: z.preprocess(
    (v) => (v === "" || v === undefined ? null : Number(String(v).replace(/[£,\s]/g, ""))),
    z.number({ error: "Enter the usual weekly rate in pounds, like 850" }).min(0, "The rate cannot be negative").max(50_000, "Enter the usual weekly rate in pounds").nullable(),
  ),
  urn,
};
const carerSchema = z.object({ kind: z.enum(CARER_KINDS, { error: "Choose what kind of carer this is" }), ...carerFields });
const carerChangeSchema = z.object({ carerId: id("a carer"), version: z.string().min(1, "This form is out of date: reload the page and try again."), ...carerFields });

export async function addCarerAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, carerSchema, (ctx, input) => addCarer(ctx, input));
  if (state.status !== "ok") return state;
  revalidatePath("/carers");
  redirect("/carers?added=1");
}

/** Changes a carer or provider, then lists the carers saying so. */
export async function updateCarerAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, carerChangeSchema, (ctx, { carerId, ...input }) => updateCarer(ctx, carerId, input));
  if (state.status !== "ok") return state;
  const carerId = String(formData.get("carerId"));
  revalidatePath("/carers");
  revalidatePath(`/carers/${carerId}`);
  redirect(`/carers?changed=${carerId}`);
}

export async function setCarerOnHoldAction(_: FormState, formData: FormData): Promise<FormState> {
  const schema = z.object({ carerId: id("a carer"), onHold: z.enum(["yes", "no"]), reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional() });
  const state = await handleForm(formData, schema, (ctx, input) => setCarerOnHold(ctx, input.carerId, input.onHold === "yes", input.reason));
  if (state.status === "ok") revalidatePath("/carers");
  return state;
}
