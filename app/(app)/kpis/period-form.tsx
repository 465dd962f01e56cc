import type { PeriodChoice } from "@/lib/data/kpis";

/** A plain GET form: works without JavaScript and gives each view its own address. */
export function PeriodForm({
  choice,
  years,
  action = "/kpis",
  problem = null,
  typed = {},
}: {
  choice: PeriodChoice;
  years: number[];
  action?: string;
  /** dates chosen that make no sense: shown against the field, with what was typed kept */
  problem?: { field: "from" | "to"; message: string } | null;
  typed?: { from?: string; to?: string };
}) {
  const custom = problem ? "custom" : choice.kind;
  const dateValue = (field: "from" | "to") => (problem ? typed[field] : choice.kind === "custom" ? choice[field] : undefined);
  return (
    <form method="get" action={action} className="card mb-6 flex flex-wrap items-end gap-4">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="field-label">Period</legend>
        <div>
          <label htmlFor="period" className="field-hint">
            Show
          </label>
          <select id="period" name="period" defaultValue={custom} className="input w-56">
            <option value="fy">Financial year</option>
            <option value="rolling">The last 12 months</option>
            <option value="custom">Dates I choose</option>
          </select>
        </div>
        <div>
          <label htmlFor="year" className="field-hint">
            Financial year
          </label>
          <select id="year" name="year" defaultValue={choice.kind === "fy" ? String(choice.year) : String(years[0])} className="input w-40">
            {years.map((y) => (
              <option key={y} value={y}>
                {y - 1}–{String(y).slice(2)}
              </option>
            ))}
          </select>
        </div>
        <DateInput name="from" label="From (dates I choose)" value={dateValue("from")} error={problem?.field === "from" ? problem.message : null} />
        <DateInput name="to" label="To" value={dateValue("to")} error={problem?.field === "to" ? problem.message : null} />
      </fieldset>
      <button type="submit" className="btn-secondary">
        Show
      </button>
    </form>
  );
}

function DateInput({ name, label, value, error }: { name: "from" | "to"; label: string; value: string | undefined; error: string | null }) {
  return (
    <div>
      <label htmlFor={name} className="field-hint">
        {label}
      </label>
      {error && (
        <p id={`${name}-error`} className="field-error">
          <span className="sr-only">Error:</span> {error}
        </p>
      )}
      <input
        id={name}
        name={name}
        type="date"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className="input w-44"
      />
    </div>
  );
}
