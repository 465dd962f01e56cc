import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getFamilyForView } from "@/lib/data/families";
import { formatDate } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "Family" };

export default async function FamilyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const f = await pageData(() => getFamilyForView(ctx, id));
  return (
    <>
      <PageHeading caption="Family" title={f.name}>
        {(f.address || f.postcode) && <p className="mt-2 text-muted">{[f.address, f.postcode].filter(Boolean).join(", ")}</p>}
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="members-heading" className="card">
          <h2 id="members-heading" className="mb-3 text-xl font-bold">
            Members
          </h2>
          <ul className="space-y-1">
            {f.members.map((m) => (
              <li key={m.id}>
                <Link href={`/people/${m.id}`}>{m.name}</Link>
                <span className="text-muted">
                  {" "}
                  · {m.relationship.toLowerCase().replace(/_/g, " ")}
                  {m.age !== null ? `, ${m.age}` : ""}
                  {m.isMainCarer ? ", main carer" : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="cases-heading" className="card">
          <h2 id="cases-heading" className="mb-3 text-xl font-bold">
            Cases
          </h2>
          <ul className="space-y-2">
            {f.cases.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}`}>{c.reference}</Link> <LevelTag level={c.level} />
                <span className="block text-sm text-muted">
                  {c.status === "OPEN" ? `Open since ${formatDate(c.openedOn)}` : `${formatDate(c.openedOn)} to ${formatDate(c.closedOn)}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
