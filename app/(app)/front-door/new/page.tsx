import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { randomUUID } from "node:crypto";
import { PageHeading } from "@/components/page-heading";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { todayInEngland } from "@/lib/domain/dates";
import { NewFamilyContactForm } from "./new-family-contact-form";

export const metadata: Metadata = { title: "Record a contact for a new family" };

export default async function NewFamilyContactPage() {
  const ctx = await requireContext();
  if (!can(ctx.role, "contact:record")) forbidden();
  return (
    <>
      {can(ctx.role, "contact:decide") && (
        <p className="mb-4">
          <Link href="/front-door">Back to the front door</Link>
        </p>
      )}
      <PageHeading caption="Front door" title="Record a contact for a new family">
        <p className="mt-2 max-w-3xl">
          For a family the council does not know yet: their family record and a record for each child are created. If the family is already known, record
          the contact from their family page instead, so their history stays in one place.
        </p>
      </PageHeading>
      <div className="card max-w-3xl">
        <NewFamilyContactForm idempotencyKey={randomUUID()} today={todayInEngland()} />
      </div>
    </>
  );
}
