import { z } from "zod";
import type { PeriodChoice } from "@/lib/data/kpis";
import { isIsoDate } from "@/lib/domain/dates";
import { customPeriodProblem, financialYearOf } from "@/lib/domain/kpis";

const query = z.object({
  period: z.enum(["fy", "rolling", "custom"]).catch("fy"),
  year: z.coerce.number().int().min(2015).max(2100).optional().catch(undefined),
  from: z.string().refine(isIsoDate).optional().catch(undefined),
  to: z.string().refine(isIsoDate).optional().catch(undefined),
});

/** What is wrong with dates chosen for a custom period, or null. */
export function periodProblem(params: Record<string, string | undefined>): { field: "from" | "to"; message: string } | null {
  const q = query.parse(params);
  if (q.period !== "custom") return null;
  if (!q.from) return { field: "from", message: "Enter the first day of the period as a real date" };
  if (!q.to) return { field: "to", message: "Enter the last day of the period as a real date" };
  const problem = customPeriodProblem(q.from, q.to);
  return problem ? { field: "to", message: problem } : null;
}

/** The period chosen in the page's address (?period=fy&year=2026, rolling, or custom&from=&to=); the financial year when the dates chosen make no sense (periodProblem says why). */
export function periodFromSearch(params: Record<string, string | undefined>, today: string): PeriodChoice {
  const q = query.parse(params);
  if (q.period === "rolling") return { kind: "rolling" };
  if (q.period === "custom" && q.from && q.to && !periodProblem(params)) return { kind: "custom", from: q.from, to: q.to };
  return { kind: "fy", year: q.year ?? Number(financialYearOf(today).to.slice(0, 4)) };
}

export function searchOf(choice: PeriodChoice): string {
  if (choice.kind === "fy") return `period=fy&year=${choice.year}`;
  if (choice.kind === "rolling") return "period=rolling";
  return `period=custom&from=${choice.from}&to=${choice.to}`;
}
