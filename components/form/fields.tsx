// Labelled form fields in the GOV.UK pattern: label, hint, error message, then the control, with
// aria-describedby tying them together. They are uncontrolled: `defaultValue` is what was typed
// (sent back by the action on a refusal) or the stored value.
import type { FormState } from "@/lib/actions/form";

/** `idPrefix` keeps ids unique when a page holds several copies of one form. */
type Common = { name: string; label: string; hint?: string; state?: FormState; className?: string; idPrefix?: string };

export function valueOf(state: FormState | undefined, name: string, fallback?: string): string | undefined {
  const v = state?.values?.[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? v[0] : v;
}

export function valuesOf(state: FormState | undefined, name: string, fallback: string[] = []): string[] {
  const v = state?.values?.[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? v : v ? [v] : [];
}

export function errorOf(state: FormState | undefined, name: string): string | undefined {
  return state?.fieldErrors?.[name.replace(/\[\]$/, "")];
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      )}
    </>
  );
}

export function TextField({
  name,
  label,
  hint,
  state,
  defaultValue,
  type = "text",
  inputMode,
  autoComplete,
  className,
  idPrefix = "",
  width = "w-full",
}: Common & { defaultValue?: string; type?: "text" | "email" | "password" | "date" | "time" | "datetime-local" | "number"; inputMode?: "numeric" | "text"; autoComplete?: string; width?: string }) {
  const id = idPrefix + name;
  const error = errorOf(state, name);
  return (
    <div className={`${error ? "border-l-4 border-danger pl-3" : ""} ${className ?? ""}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`input ${width} ${error ? "input-error" : ""}`}
      />
    </div>
  );
}

export function TextArea({ name, label, hint, state, defaultValue, rows = 4, className, idPrefix = "" }: Common & { defaultValue?: string; rows?: number }) {
  const id = idPrefix + name;
  const error = errorOf(state, name);
  return (
    <div className={`${error ? "border-l-4 border-danger pl-3" : ""} ${className ?? ""}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`input ${error ? "input-error" : ""}`}
      />
    </div>
  );
}

export type Option = { value: string; label: string; hint?: string };

export function SelectField({ name, label, hint, state, defaultValue, options, placeholder, className, idPrefix = "" }: Common & { defaultValue?: string; options: Option[]; placeholder?: string }) {
  const id = idPrefix + name;
  const error = errorOf(state, name);
  return (
    <div className={`${error ? "border-l-4 border-danger pl-3" : ""} ${className ?? ""}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        defaultValue={valueOf(state, name, defaultValue) ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`input ${error ? "input-error" : ""}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Choices({ type, name, legend, hint, state, options, defaultValues, className, inline, idPrefix = "" }: Omit<Common, "label"> & { type: "radio" | "checkbox"; legend: string; options: Option[]; defaultValues: string[]; inline?: boolean }) {
  const id = idPrefix + name.replace(/\[\]$/, "");
  const error = errorOf(state, name);
  const selected = new Set(type === "checkbox" ? valuesOf(state, name, state?.values ? [] : defaultValues) : [valueOf(state, name, defaultValues[0]) ?? ""]);
  return (
    <fieldset className={`${error ? "border-l-4 border-danger pl-3" : ""} ${className ?? ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="field-label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={inline ? "flex flex-wrap gap-x-6 gap-y-2" : "space-y-2"}>
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={o.value} className="flex items-start gap-3">
              <input
                id={optionId}
                type={type}
                name={name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                className="mt-0.5 size-7 shrink-0 accent-ink"
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <div className="pt-0.5">
                <label htmlFor={optionId}>{o.label}</label>
                {o.hint && (
                  <span id={`${optionId}-hint`} className="block text-sm text-muted">
                    {o.hint}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Radios(props: Omit<Common, "label"> & { legend: string; options: Option[]; defaultValue?: string; inline?: boolean }) {
  return <Choices {...props} type="radio" defaultValues={props.defaultValue ? [props.defaultValue] : []} />;
}

export function Checkboxes(props: Omit<Common, "label"> & { legend: string; options: Option[]; defaultValues?: string[]; inline?: boolean }) {
  return <Choices {...props} type="checkbox" defaultValues={props.defaultValues ?? []} />;
}

/** A single yes/no checkbox. */
export function Checkbox({ name, label, hint, state, defaultChecked, idPrefix = "" }: Common & { defaultChecked?: boolean }) {
  const error = errorOf(state, name);
  const checked = state?.values ? valueOf(state, name) === "on" : defaultChecked;
  const id = idPrefix + name;
  return (
    <div className={`flex items-start gap-3 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <input id={id} name={name} type="checkbox" defaultChecked={checked} className="mt-0.5 size-7 shrink-0 accent-ink" aria-describedby={describedBy(id, hint, error)} />
      <div className="pt-0.5">
        <label htmlFor={id}>{label}</label>
        <HintAndError id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
