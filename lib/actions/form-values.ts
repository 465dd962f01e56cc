// What a form sent, as the server action and the draft keeper both read it (importable from client
// components: lib/actions/form.ts is server-only).
export type FormValues = Record<string, string | string[]>;

/** Every field, with repeated names (checkboxes) as arrays. Files are ignored. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = key.endsWith("[]") || all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}
