// The statutory returns from the command line (npm run export:cin-census / export:ssda903): find the
// council and the user the export is audited as, run the same export as the download page, and either
// write the files or list the problems per child and write nothing.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Ctx } from "@/lib/auth/context";
import { exportCinCensus } from "@/lib/data/cin-census";
import { exportSsda903, SSDA903_NOT_HELD } from "@/lib/data/ssda903";
import { withPlatformOperator, withTenant } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";

export type ReturnKind = "cin-census" | "ssda903";

export type ReturnRequest = {
  kind: ReturnKind;
  /** the council's short name */
  tenant: string;
  /** the year of 31 March: 2026 for 2025-26 */
  year: string;
  /** the census's file, or the folder for the 903's CSV files */
  out: string;
  /** the user the export is audited as; by default the council's first active tenant administrator */
  as?: string;
};

export type Output = { log: (line: string) => void; error: (line: string) => void };

/** The user the export runs and is audited as, refused (NOT_FOUND) saying what to give instead. */
async function exporter(slug: string, email: string | undefined): Promise<Ctx> {
  const tenant = await withPlatformOperator((tx) => tx.tenant.findUnique({ where: { slug }, select: { id: true, name: true } }));
  if (!tenant) throw new AppError("NOT_FOUND", `There is no council "${slug}". Give its short name with --tenant.`);
  const user = await withTenant(tenant.id, (tx) =>
    tx.user.findFirst({
      where: { tenantId: tenant.id, active: true, ...(email ? { email: email.trim().toLowerCase() } : { role: "TENANT_ADMIN" }) },
      orderBy: { email: "asc" },
      select: { id: true, name: true, role: true, teamId: true },
    }),
  );
  if (!user) throw new AppError("NOT_FOUND", email ? `There is no active user ${email} in ${tenant.name}.` : `${tenant.name} has no active tenant administrator: give one with --as <email>.`);
  return { tenantId: tenant.id, userId: user.id, role: user.role, teamId: user.teamId, name: user.name, tenantName: tenant.name };
}

const yearLabel = (year: number) => `${year - 1}-${String(year).slice(2)}`;

/** Writes the return and says so (true), or lists every problem and writes nothing (false). Refusals (no such council, user, year or permission) are thrown as AppError. */
export async function exportReturnToDisk(request: ReturnRequest, out: Output): Promise<boolean> {
  const ctx = await exporter(request.tenant, request.as);
  const result =
    request.kind === "cin-census"
      ? await exportCinCensus(ctx, { year: request.year, purpose: "download" })
      : await exportSsda903(ctx, { year: request.year, purpose: "download" });
  const label =
    request.kind === "cin-census"
      ? `${ctx.tenantName}, CIN census ${yearLabel(result.year)} (${result.childCount} children with a CIN episode open in the year)`
      : `${ctx.tenantName}, SSDA903 ${yearLabel(result.year)} (${result.childCount} children looked after in the year)`;

  if (!result.ok) {
    out.error(`${label}: not written. Fix these first:\n`);
    for (const line of result.general) out.error(`- ${line}`);
    for (const child of result.children) {
      const id = "laChildId" in child ? child.laChildId : child.childId;
      out.error(`Child ${id}${child.name ? ` (${child.name})` : ""}:`);
      for (const problem of child.problems) out.error(`  - [${"module" in problem ? problem.module : problem.table}] ${problem.message}`);
    }
    out.error(`\n${result.children.length} ${result.children.length === 1 ? "child has" : "children have"} problems.`);
    return false;
  }

  if ("xml" in result) {
    const file = path.resolve(request.out);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, result.xml, "utf8");
    out.log(`${label}: written to ${file} (LA ${result.laCode})`);
  } else {
    const dir = path.resolve(request.out);
    await mkdir(dir, { recursive: true });
    for (const file of result.files) await writeFile(path.join(dir, file.fileName), file.csv, "utf8");
    out.log(`${label}: written to ${dir}`);
    for (const file of result.files) out.log(`  ${file.fileName}: ${file.csv.split("\r\n").length - 2} rows`);
    out.log(SSDA903_NOT_HELD);
  }
  return true;
}
