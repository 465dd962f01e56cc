"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { moveChild } from "@/lib/data/placements";
import { PLACEMENT_PROVIDER_CODES, PLACEMENT_TYPE_CODES, REASON_PLACE_CHANGE_CODES } from "@/lib/domain/ssda903-codes";
import { checkbox, date, id } from "./fields";
import { handleForm, type FormState } from "./form";

const blank = (v: unknown) => (v === "" || v === undefined ? null : v);

const moveSchema = z.object({
  personId: id("a child"),
  date: date("the date of the move", { notFuture: true }),
  placeType: z.enum(PLACEMENT_TYPE_CODES, { error: "Choose the placement type" }),
  provider: z.preprocess(blank, z.enum(PLACEMENT_PROVIDER_CODES, { error: "Choose the provider" }).nullable()),
  carerId: z.preprocess(blank, id("a carer from the list").nullable()),
  reasonPlaceChange: z.preprocess(blank, z.enum(REASON_PLACE_CHANGE_CODES, { error: "Choose the reason for the change" }).nullable()),
  endPlanned: z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : null), z.boolean().nullable()),
  weeklyCost: z.preprocess(
    (v) => (v === "" || v === undefined ? null : Number(String(v).replace(/[£,\s]/g, ""))),
    z.number({ error: "Enter the weekly cost in pounds, like 320 or 850.50" }).min(0, "The weekly cost cannot be negative").max(50_000, "Enter the weekly cost in pounds").nullable(),
  ),
  placementPostcode: z.preprocess(blank, z.string().max(10, "Enter a postcode like SP1 2AB").nullable()),
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
