import type { Metadata } from "next";
import { DueList } from "@/components/due-list";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listWhatsDue } from "@/lib/data/timescales";

export const metadata: Metadata = { title: "What's due" };

export default async function WhatsDuePage() {
  const ctx = await requireContext();
  const rows = await pageData(() => listWhatsDue(ctx));
  const overdue = rows.filter((r) => r.state === "overdue");
  const soon = rows.filter((r) => r.state === "due-soon");
  const later = rows.filter((r) => r.state === "due");
  return (
    <>
      <PageHeading title="What's due">
        <p className="mt-2 text-lg">
          Statutory visits, reviews, conferences and assessments for the children in your cases: {overdue.length} overdue, {soon.length} due in the next few working days.
        </p>
      </PageHeading>
      {[
        ["overdue-h", "Overdue", overdue],
        ["soon-h", "Due soon", soon],
        ["later-h", "Coming up", later],
      ].map(([id, title, items]) => (
        <section key={id as string} aria-labelledby={id as string} className="card mb-6">
          <h2 id={id as string} className="mb-3 text-xl font-bold">
            {title as string}
          </h2>
          <DueList items={items as typeof rows} child />
        </section>
      ))}
    </>
  );
}
