import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeading } from "@/components/page-heading";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Statutory returns" };

const RETURNS = [
  {
    href: "/exports/cin-census",
    title: "Children in Need census",
    text: "Every child with a CIN episode open at any point in the year, as the DfE's XML. The data is checked first and problems are listed per child.",
  },
  {
    href: "/exports/ssda903",
    title: "SSDA903 (children looked after)",
    text: "Episodes, reviews, social worker episodes and the other tables as CSV files with the DfE's headers. The data is checked first and problems are listed per child.",
  },
];

export default async function ExportsPage() {
  const ctx = await requireContext();
  if (!can(ctx.role, "export:statutory")) forbidden();
  return (
    <>
      <PageHeading title="Statutory returns">
        <p className="mt-2">Build the Department for Education returns from what your council has recorded.</p>
      </PageHeading>
      <ul className="grid gap-4 md:grid-cols-2">
        {RETURNS.map((r) => (
          <li key={r.href} className="card">
            <h2 className="text-xl font-bold">
              <Link href={r.href}>{r.title}</Link>
            </h2>
            <p className="mt-2">{r.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
