// The Children in Need census as its XML file. Checks the data again and refuses (409) while there are
// problems, so a file with problems is never handed over.
import { currentContext } from "@/lib/auth/session";
import { exportCinCensus } from "@/lib/data/cin-census";
import { isAppError } from "@/lib/errors";

export async function GET(request: Request) {
  const ctx = await currentContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  const year = new URL(request.url).searchParams.get("year");
  try {
    const result = await exportCinCensus(ctx, { year, purpose: "download" });
    if (!result.ok) {
      const count = result.children.length;
      const message = `The ${result.year - 1}-${String(result.year).slice(2)} census has problems (${count} ${count === 1 ? "child" : "children"}${result.general.length ? " and the census as a whole" : ""}), so it was not written. See them at /exports/cin-census?year=${result.year}.`;
      return new Response(message, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    return new Response(result.xml, {
      headers: {
        "Content-Type": "application/xml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.code === "FORBIDDEN" ? 403 : error.code === "UNAUTHENTICATED" ? 401 : 400 });
    throw error;
  }
}
