import { forbidden, redirect } from "next/navigation";
import { assertCan } from "@/lib/auth/context";
import { requireContext } from "@/lib/auth/session";
import { pageData } from "@/lib/auth/page-data";

/** A manager's own team. */
export default async function MyTeamPage() {
  const ctx = await requireContext();
  await pageData(async () => assertCan(ctx, "team:view-own", "see team caseloads"));
  if (!ctx.teamId) forbidden();
  redirect(`/teams/${ctx.teamId}`);
}
