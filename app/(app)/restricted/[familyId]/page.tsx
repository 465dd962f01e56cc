// Shown instead of a restricted record: that it exists and whom to ask, nothing of it.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getRestrictionNotice } from "@/lib/data/restricted";

export const metadata: Metadata = { title: "Restricted record" };

export default async function RestrictedPage({ params }: { params: Promise<{ familyId: string }> }) {
  const { familyId } = await params;
  const ctx = await requireContext();
  const notice = await pageData(() => getRestrictionNotice(ctx, familyId));
  // no longer restricted, or this user may open it after all
  if (!notice) redirect(`/families/${familyId}`);
  return (
    <>
      <PageHeading title="Restricted record" />
      <div className="card max-w-3xl border-l-4 border-l-warn">
        <p className="text-lg">{notice.message}</p>
        <p className="mt-3">
          Only the workers on the family&apos;s cases, the managers of the teams holding them, the head of service and people they name can open it. Your attempt to open it has
          been recorded.
        </p>
      </div>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
