// Shown instead of a restricted record: that it exists and whom to ask, nothing of it.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getRestrictionNotice } from "@/lib/data/restricted";
import { formatDate, toIsoDate } from "@/lib/domain/dates";
import { RequestAccessForm } from "./request-form";

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
      <section className="card mt-6 max-w-3xl" aria-labelledby="ask-heading">
        <h2 id="ask-heading" className="mb-3 text-xl font-bold">
          Ask for access
        </h2>
        {notice.request?.status === "PENDING" ? (
          <p role="status">
            You asked on {formatDate(toIsoDate(notice.request.requestedAt))}. The managers who can let you open these records have your request; their answer will show
            here, and the records will open from this page once you are let in.
          </p>
        ) : (
          <>
            {notice.request?.status === "DECLINED" && (
              <p className="mb-4 border-l-4 border-warn bg-white p-3">
                {notice.request.decidedBy ?? "A manager"} declined your request of {formatDate(toIsoDate(notice.request.requestedAt))}: “{notice.request.decisionNote}”
              </p>
            )}
            <RequestAccessForm familyId={notice.familyId} again={notice.request?.status === "DECLINED"} />
          </>
        )}
      </section>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
