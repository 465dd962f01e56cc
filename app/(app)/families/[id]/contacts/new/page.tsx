import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getFamilyForContactForm } from "@/lib/data/front-door";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { RecordContactForm } from "./record-contact-form";

export const metadata: Metadata = { title: "Record a contact" };

export default async function RecordFamilyContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ child?: string }> }) {
  const { id } = await params;
  const { child } = await searchParams;
  const ctx = await requireContext();
  const family = await pageData(() => getFamilyForContactForm(ctx, id));
  const options = family.children.map((c) => ({
    id: c.id,
    name: c.name,
    born: c.dateOfBirth ? `Born ${formatDate(c.dateOfBirth)} (${c.age})` : `Expected ${formatDate(c.expectedDateOfBirth)}`,
  }));
  const checked = options.length === 1 ? [options[0]!.id] : options.filter((o) => o.id === child).map((o) => o.id);
  return (
    <>
      <p className="mb-4">
        <Link href={`/families/${family.familyId}`}>Back to the family</Link>
      </p>
      <PageHeading caption={family.familyName} title="Record a contact about this family" />
      <div className="card max-w-3xl">
        {options.length === 0 ? (
          <p>
            No children are recorded in this family. To record a contact about a child not yet known, use{" "}
            <Link href="/front-door/new">record a contact for a new family</Link>.
          </p>
        ) : (
          <RecordContactForm familyId={family.familyId} idempotencyKey={randomUUID()} childOptions={options} checked={checked} today={todayInEngland()} />
        )}
      </div>
    </>
  );
}
