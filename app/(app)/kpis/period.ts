import { z } from "zod";
import type { PeriodChoice } from "@/lib/data/kpis";
import { isIsoDate } from "@/lib/domain/dates";
import { financialYearOf } from "@/lib/domain/kpis";

const query = z.object({
  period: z.enum(["fy", "rolling", "custom"]).catch("fy"),
  year: z.coerce.number().int().min(2015).max(2100).optional().catch(undefined),
  from: z.string().refine(isIsoDate).optional().catch(undefined),
  to: z.string().refine(isIsoDate).optional().catch(undefined),
});

/** The period chosen in the page's address (?period=fy&year=2026, rolling, or custom&from=&to=). */
export function periodFromSearch(params: Record<string, string | undefined>, today: string): PeriodChoice {
  const q = query.parse(params);
  if (q.period === "rolling") return { kind: "rolling" };
  if (q.period === "custom" && q.from && q.to) return { kind: "custom", from: q.from, to: q.to };
  return { kind: "fy", year: q.year ?? Number(financialYearOf(today).to.slice(0, 4)) };
}

export function searchOf(choice: PeriodChoice): string {
  if (choice.kind === "fy") return `period=fy&year=${choice.year}`;
  if (choice.kind === "rolling") return "period=rolling";
  return `period=custom&from=${choice.from}&to=${choice.to}`;
}
