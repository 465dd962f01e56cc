"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { mergePeople } from "@/lib/data/merge";
import { id, requiredText } from "./fields";
import { handleForm, type FormState } from "./form";

const schema = z.object({
  survivorId: id("the record to keep"),
  mergedId: id("the duplicate record"),
  reason: requiredText("why these are the same person", 1000),
});

export async function mergeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, schema, (ctx, input) => mergePeople(ctx, input));
  if (state.status === "ok") {
    const survivorId = String(formData.get("survivorId"));
    revalidatePath(`/people/${survivorId}`);
    redirect(`/people/${survivorId}/merge?done=1`);
  }
  return state;
}
