// Maps refusals from the data layer to what a page shows: 404, 403, or the sign-in page.
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";

export async function pageData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND") notFound();
      // a restricted record: a page that says whom to ask, and nothing of the record
      const restricted = error.details?.restrictedFamilyId;
      if (error.code === "FORBIDDEN" && typeof restricted === "string") redirect(`/restricted/${restricted}`);
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "UNAUTHENTICATED") redirect("/login?reason=signed-out");
    }
    throw error;
  }
}
