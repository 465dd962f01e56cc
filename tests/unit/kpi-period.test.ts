import { describe, expect, it } from "vitest";
import { periodFromSearch, periodProblem } from "../../app/(app)/kpis/period";

const today = "2026-11-23";

describe("the KPI period in the page's address", () => {
  it("takes a financial year, the last 12 months or two dates in order", () => {
    expect(periodFromSearch({ period: "fy", year: "2025" }, today)).toEqual({ kind: "fy", year: 2025 });
    expect(periodFromSearch({ period: "rolling" }, today)).toEqual({ kind: "rolling" });
    expect(periodFromSearch({ period: "custom", from: "2026-01-01", to: "2026-06-30" }, today)).toEqual({ kind: "custom", from: "2026-01-01", to: "2026-06-30" });
    expect(periodProblem({ period: "custom", from: "2026-01-01", to: "2026-01-01" })).toBeNull();
  });

  it("says what is wrong with dates that make no sense, and shows the current financial year meanwhile", () => {
    expect(periodProblem({ period: "custom", from: "2026-06-01", to: "2026-01-01" })).toEqual({ field: "to", message: "Enter a last day on or after the first day" });
    expect(periodProblem({ period: "custom", to: "2026-01-01" })).toEqual({ field: "from", message: "Enter the first day of the period as a real date" });
    expect(periodProblem({ period: "custom", from: "2026-02-30", to: "2026-03-01" })).toMatchObject({ field: "from" });
    expect(periodProblem({ period: "custom", from: "2026-01-01" })).toMatchObject({ field: "to" });
    expect(periodFromSearch({ period: "custom", from: "2026-06-01", to: "2026-01-01" }, today)).toEqual({ kind: "fy", year: 2027 });
    expect(periodProblem({ period: "fy" })).toBeNull();
  });
});
