import { redirect } from "next/navigation";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { mergedInto } from "@/lib/data/merge";

/** A record merged into another leads to the one that survived. */
export default async function PersonLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  if (can(ctx.role, "case:view")) {
    const target = await pageData(() => mergedInto(ctx, id));
    if (target) redirect(`/people/${target}?mergedFrom=${id}`);
  }
  return children;
}
