// Radios as large tiles: the whole tile (at least 44 × 44 px) takes the tap, for forms filled in on a
// phone in a family's home. Same label, hint and error pattern as components/form/fields.tsx.
import { errorOf, valueOf, type Option } from "@/components/form/fields";
import type { FormState } from "@/lib/actions/form";

export function TileRadios({
  name,
  legend,
  hint,
  state,
  options,
  defaultValue,
  columns = "grid-cols-1 sm:grid-cols-2",
  legendClassName = "field-label",
  aside,
  compact = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  state?: FormState;
  options: Option[];
  defaultValue?: string;
  /** grid columns of the tiles */
  columns?: string;
  legendClassName?: string;
  /** shown under the tiles, for example the value someone else saved */
  aside?: React.ReactNode;
  /** narrow tiles for short labels, such as the numbers of a scale */
  compact?: boolean;
}) {
  const error = errorOf(state, name);
  const selected = valueOf(state, name, defaultValue);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={error ? "border-l-4 border-danger pl-3" : undefined} aria-describedby={describedBy}>
      <legend className={legendClassName}>{legend}</legend>
      {hint && (
        <span id={`${name}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${name}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      )}
      <div className={`grid gap-2 ${columns}`}>
        {options.map((o, i) => {
          // the first option carries the field's own id, so the error summary's link lands on it
          const optionId = i === 0 ? name : `${name}-${i}`;
          return (
            <label
              key={o.value}
              htmlFor={optionId}
              className={`flex min-h-11 cursor-pointer items-center rounded border-2 border-line bg-white py-2 has-[:checked]:border-ink has-[:checked]:bg-brand-light has-[:checked]:font-semibold ${compact ? "justify-center gap-2 px-2" : "gap-3 px-3"}`}
            >
              <input id={optionId} type="radio" name={name} value={o.value} defaultChecked={selected === o.value} className="size-6 shrink-0 accent-ink" />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
      {aside}
    </fieldset>
  );
}
