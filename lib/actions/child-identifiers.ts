"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { saveChildIdentifiers, type IdentifiersConflict } from "@/lib/data/child-identifiers";
import { laChildIdProblem, normaliseUpn, upnProblem } from "@/lib/domain/child-identifiers";
import { isIsoDate, todayInEngland } from "@/lib/domain/dates";
import { ETHNIC_ORIGIN_CODES, SEX_CODES } from "@/lib/domain/ssda903-codes";
import { id } from "./fields";
import { handleForm, type FormState } from "./form";

const OUT_OF_DATE = "This form is out of date: reload the page and try again.";

/** An optional date from a date input: empty is none. */
const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), `Enter the ${what} as a real date, for example 27 3 2016`);

// keys in the order of the form, so the error summary lists problems top to bottom; the data layer
// (lib/domain/child-identifiers.ts) checks the rules again, with what is stored
const schema = z
  .object({
    personId: id("a child"),
    version: z.string({ error: OUT_OF_DATE }).regex(/^[0-9a-f]{64}$/, OUT_OF_DATE),
    dateOfBirth: optionalDate("date of birth").refine((v) => v === null || v <= todayInEngland(), "The date of birth must be today or in the past. For a baby not born yet, leave it empty and enter the expected date"),
    expectedDateOfBirth: optionalDate("expected date of birth"),
    sex: z.enum(SEX_CODES, { error: "Choose the child's sex" }),
    ethnicity: z.enum(ETHNIC_ORIGIN_CODES, { error: "Choose the child's ethnicity. If it is not known yet, choose 'Information not yet obtained'" }),
    upn: z
      .string()
      .optional()
      .transform((v) => normaliseUpn(v ?? "") || null)
      .superRefine((v, ctx) => {
        const problem = v === null ? null : upnProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    laChildId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .superRefine((v, ctx) => {
        const problem = v === null ? null : laChildIdProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  })
  .superRefine((v, ctx) => {
    if (!v.dateOfBirth && !v.expectedDateOfBirth) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "Enter the date of birth, or the expected date of birth if the baby is not born yet" });
  });

export async function saveChildIdentifiersAction(previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, schema, (ctx, input) => saveChildIdentifiers(ctx, input));
  if (state.status === "ok" && state.data) {
    const { personId, changes } = state.data;
    revalidatePath(`/people/${personId}`);
    redirect(`/people/${personId}?identifiers=${changes.length > 0 ? "saved" : "unchanged"}`);
  }
  // after a refused save, a slip in the answers must not lose the newer details being shown beside them
  const earlier = previous.data as Partial<IdentifiersConflict> | undefined;
  if (state.status === "error" && !(state.data as Partial<IdentifiersConflict> | undefined)?.conflict && earlier?.conflict) return { ...state, data: { conflict: earlier.conflict } };
  return state;
}
