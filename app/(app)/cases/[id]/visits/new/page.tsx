import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getDraft } from "@/lib/data/drafts";
import { getVisitForm } from "@/lib/data/visits";
import { toLondonWallClock } from "@/lib/domain/london-time";
import { VisitForm } from "./visit-form";

export const metadata: Metadata = { title: "Log a visit" };

export default async function NewVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const form = await pageData(() => getVisitForm(ctx, id));
  // what this person was typing here before, if the page was closed or the connection lost
  const draft = form.status === "OPEN" ? await pageData(() => getDraft(ctx, form.caseId, "VISIT")) : null;
  const now = toLondonWallClock(new Date());
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${form.caseId}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`${form.familyName} · Case ${form.reference}`} title="Log a visit" />
      {form.status === "OPEN" ? (
        <div className="card max-w-3xl">
          {/* a new key for every page load: sending this form twice records one visit */}
          <VisitForm caseId={form.caseId} idempotencyKey={randomUUID()} childOptions={form.children} date={now.date} time={now.time} draft={draft} />
        </div>
      ) : (
        <p className="card max-w-3xl">This case is closed, so visits can no longer be recorded on it. If the family needs help again, record a new contact at the front door.</p>
      )}
    </>
  );
}
