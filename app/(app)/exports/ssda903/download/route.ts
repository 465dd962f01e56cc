// The SSDA903 return as a zip of its CSV files. Checks the data again and refuses (409) while there are
// problems, so a file with problems is never handed over.
import { strToU8, zipSync } from "fflate";
import { currentContext } from "@/lib/auth/session";
import { exportSsda903 } from "@/lib/data/ssda903";
import { isAppError } from "@/lib/errors";

export async function GET(request: Request) {
  const ctx = await currentContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  const year = new URL(request.url).searchParams.get("year");
  try {
    const result = await exportSsda903(ctx, { year, purpose: "download" });
    if (!result.ok) {
      const count = result.children.length;
      const message = `The ${result.year - 1}-${String(result.year).slice(2)} return has problems (${count} ${count === 1 ? "child" : "children"}${result.general.length ? " and the return as a whole" : ""}), so it was not written. See them at /exports/ssda903?year=${result.year}.`;
      return new Response(message, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    const zip = zipSync(Object.fromEntries(result.files.map((f) => [f.fileName, strToU8(f.csv)])), { level: 6, mtime: new Date() });
    return new Response(Buffer.from(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="SSDA903_${result.year}.zip"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.code === "FORBIDDEN" ? 403 : error.code === "UNAUTHENTICATED" ? 401 : 400 });
    throw error;
  }
}
