import type { PeriodChoice } from "@/lib/data/kpis";

/** A plain GET form: works without JavaScript and gives each view its own address. */
export function PeriodForm({ choice, years, action = "/kpis" }: { choice: PeriodChoice; years: number[]; action?: string }) {
  return (
    <form method="get" action={action} className="card mb-6 flex flex-wrap items-end gap-4">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="field-label">Period</legend>
        <div>
          <label htmlFor="period" className="field-hint">
            Show
          </label>
          <select id="period" name="period" defaultValue={choice.kind} className="input w-56">
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
        <div>
          <label htmlFor="from" className="field-hint">
            From (dates I choose)
          </label>
          <input id="from" name="from" type="date" defaultValue={choice.kind === "custom" ? choice.from : undefined} className="input w-44" />
        </div>
        <div>
          <label htmlFor="to" className="field-hint">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={choice.kind === "custom" ? choice.to : undefined} className="input w-44" />
        </div>
      </fieldset>
      <button type="submit" className="btn-secondary">
        Show
      </button>
    </form>
  );
}
