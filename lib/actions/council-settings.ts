"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { saveCouncilSettings } from "@/lib/data/council-settings";
import { tenantSettingsSchema } from "@/lib/domain/tenant-settings";
import { settingsFromForm } from "@/lib/domain/tenant-settings-form";
import { handleForm, type FormState } from "./form";

const OUT_OF_DATE = "This form is out of date: reload the page and try again.";

/** The settings the form was loaded with, only to say what someone else changed; anything odd is ignored. */
const loadedSettings = (v: unknown) => {
  try {
    const parsed = tenantSettingsSchema.safeParse(JSON.parse(String(v)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

// Every setting is checked with the settings schema itself (lib/domain/tenant-settings.ts), with
// messages keyed by each field's name.
const saveSchema = z
  .object({ version: z.string({ error: OUT_OF_DATE }).regex(/^[0-9a-f]{64}$/, OUT_OF_DATE), loaded: z.unknown() })
  .catchall(z.unknown())
  .transform((values, ctx) => {
    const result = settingsFromForm(values);
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.fieldErrors)) ctx.addIssue({ code: "custom", path: [path], message });
      return z.NEVER;
    }
    return { version: values.version, settings: result.settings, loaded: loadedSettings(values.loaded) };
  });

export async function saveCouncilSettingsAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, saveSchema, (ctx, input) => saveCouncilSettings(ctx, input));
  if (state.status !== "ok" || !state.data) return state;
  revalidatePath("/admin/settings");
  revalidatePath("/kpis");
  redirect(`/admin/settings?saved=${state.data.changes.length}`);
}
