// Who can open a family's records: restrict them, name people, lift the restriction (decision 0019).
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getFamilyAccessPage } from "@/lib/data/restricted";
import { formatDate, toIsoDate } from "@/lib/domain/dates";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { DecideRequestForm, GrantForm, LiftForm, RestrictForm, RevokeButton } from "./access-forms";

export const metadata: Metadata = { title: "Who can open these records" };

const BASIS: Record<string, string> = {
  "head of service": "you are the head of service",
  allocated: "you are allocated to one of the family's cases",
  "manages the team": "your team holds one of the family's cases",
  named: "a manager has named you",
};

export default async function FamilyAccessPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const page = await pageData(() => getFamilyAccessPage(ctx, id));
  return (
    <>
      <p className="mb-2">
        <Link href={`/families/${page.familyId}`}>{page.familyName}</Link>
      </p>
      <PageHeading caption={page.familyName} title="Who can open these records" />

      {!page.restricted ? (
        <section className="card max-w-3xl space-y-4" aria-labelledby="open-heading">
          <h2 id="open-heading" className="text-xl font-bold">
            Not restricted
          </h2>
          <p>Everyone in the council who works on cases can open this family&apos;s records: the family, its people and its cases.</p>
          {page.canManage ? (
            <>
              <p>
                Restrict them when only the people working with the family should see them, for example when a parent works in children&apos;s services. Others will see
                only that a restricted record exists, and whom to ask.
              </p>
              <RestrictForm familyId={page.familyId} />
            </>
          ) : (
            <p className="text-muted">The head of service, or a manager of a team holding the family&apos;s case, can restrict them.</p>
          )}
        </section>
      ) : (
        <div className="max-w-3xl space-y-6">
          <section className="card border-l-4 border-l-warn" aria-labelledby="restricted-heading">
            <h2 id="restricted-heading" className="text-xl font-bold">
              Restricted
            </h2>
            <p className="mt-2">
              Restricted by {page.restrictedBy ?? "a manager"} on {page.restrictedAt ? formatDate(toIsoDate(page.restrictedAt)) : "an unknown date"}: {page.reason}
            </p>
            <p className="mt-2">
              Only the workers allocated to the family&apos;s cases, the managers of the teams holding them, the head of service and the people named below can open them.
              {page.access && ` You can, because ${BASIS[page.access]}.`}
            </p>
          </section>

          {page.requests.length > 0 && (
            <section className="card border-l-4 border-l-link" aria-labelledby="requests-heading">
              <h2 id="requests-heading" className="mb-3 text-xl font-bold">
                Asking to open these records
              </h2>
              <ul className="space-y-6" aria-label="Requests to open these records">
                {page.requests.map((r) => (
                  <li key={r.id}>
                    <span className="font-bold">{r.requestedBy.name}</span>{" "}
                    <span className="text-muted">
                      ({ROLE_LABELS[r.requestedBy.role]}
                      {r.requestedBy.team ? `, ${r.requestedBy.team}` : ""})
                    </span>
                    <span className="block text-sm">asked on {formatDate(toIsoDate(r.requestedAt))}</span>
                    <p className="mt-1">“{r.reason}”</p>
                    <DecideRequestForm familyId={page.familyId} requestId={r.id} name={r.requestedBy.name} />
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="card" aria-labelledby="named-heading">
            <h2 id="named-heading" className="mb-3 text-xl font-bold">
              People named
            </h2>
            {page.named.length === 0 ? (
              <p className="text-muted">Nobody else has been named.</p>
            ) : (
              <ul className="space-y-2" aria-label="People named">
                {page.named.map((n) => (
                  <li key={n.userId}>
                    <span className="font-bold">{n.name}</span> <span className="text-muted">({ROLE_LABELS[n.role]})</span>
                    <span className="block text-sm">
                      {n.reason} · named by {n.grantedBy} on {formatDate(toIsoDate(n.grantedAt))}
                    </span>
                    {page.canManage && <RevokeButton familyId={page.familyId} userId={n.userId} name={n.name} />}
                  </li>
                ))}
              </ul>
            )}
            {page.canManage && page.candidates.length > 0 && (
              <div className="mt-6 border-t border-line pt-4">
                <h3 className="mb-3 text-lg font-bold">Name someone</h3>
                <GrantForm familyId={page.familyId} candidates={page.candidates.map((c) => ({ ...c, role: ROLE_LABELS[c.role] }))} />
              </div>
            )}
          </section>

          {page.canManage && (
            <section className="card" aria-labelledby="lift-heading">
              <h2 id="lift-heading" className="mb-3 text-xl font-bold">
                Lift the restriction
              </h2>
              <LiftForm familyId={page.familyId} />
            </section>
          )}
        </div>
      )}
    </>
  );
}
