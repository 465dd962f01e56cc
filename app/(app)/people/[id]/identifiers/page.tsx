// A child's identifiers and equality details: what the CIN census and SSDA903 checks ask for (date of
// birth, sex, ethnicity, UPN, LA child id), corrected by someone who records the child's statutory record.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getChildIdentifiersForEdit } from "@/lib/data/child-identifiers";
import { ETHNIC_ORIGINS } from "@/lib/domain/ssda903-codes";
import { IdentifiersForm } from "./identifiers-form";

export const metadata: Metadata = { title: "Identifiers and equality details" };

export default async function IdentifiersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const child = await pageData(() => getChildIdentifiersForEdit(ctx, id));
  return (
    <>
      <p className="mb-4">
        <Link href={`/people/${child.personId}`}>Back to {child.name}</Link>
      </p>
      <PageHeading caption={child.name} title="Identifiers and equality details">
        <p className="mt-2 max-w-3xl">
          The Children in Need census and the SSDA903 return need these for every child in them. Disabilities are recorded on the{" "}
          <Link href={`/people/${child.personId}/statutory`}>child&apos;s statutory record</Link>.
        </p>
      </PageHeading>
      <div className="card max-w-3xl">
        <IdentifiersForm child={child} ethnicities={ETHNIC_ORIGINS.map((e) => ({ value: e.code, label: `${e.label} (${e.code})` }))} />
      </div>
    </>
  );
}
