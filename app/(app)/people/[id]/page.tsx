import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { listPersonReferrals } from "@/lib/data/front-door";
import { getPersonForView } from "@/lib/data/people";
import { formatDate } from "@/lib/domain/dates";
import { ReferralsSection } from "./_components/referrals-section";
import { ETHNIC_ORIGINS } from "@/lib/domain/ssda903-codes";

export const metadata: Metadata = { title: "Person" };

const SEX = { M: "Male", F: "Female", U: "Not known" } as Record<string, string>;

function words(code: string) {
  return code.toLowerCase().replace(/_/g, " ");
}

const IDENTIFIERS_SAVED: Record<string, string> = {
  saved: "The child's identifiers and equality details have been saved.",
  unchanged: "Nothing was changed: the details you sent were the ones already recorded.",
};

export default async function PersonPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ mergedFrom?: string; identifiers?: string }> }) {
  const { id } = await params;
  const { mergedFrom, identifiers } = await searchParams;
  const ctx = await requireContext();
  const p = await pageData(() => getPersonForView(ctx, id));
  const referrals = p.kind === "CHILD" ? await pageData(() => listPersonReferrals(ctx, p.id)) : null;
  const canRecordContact = can(ctx.role, "contact:record");
  const child = p.kind === "CHILD";
  const canEditIdentifiers = child && can(ctx.role, "person:edit");
  const saved = identifiers ? IDENTIFIERS_SAVED[identifiers] : undefined;
  return (
    <>
      <PageHeading caption={p.kind === "CHILD" ? "Child" : "Adult"} title={p.name}>
        {p.kind === "CHILD" && (
          <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2" aria-label="Record actions">
            <li>
              <Link href={`/people/${p.id}/statutory`}>Statutory record</Link>
            </li>
            <li>
              <Link href={`/people/${p.id}/placements`}>Placements</Link>
            </li>
            <li>
              <Link href={`/people/${p.id}/chronology`}>Chronology</Link>
            </li>
            {can(ctx.role, "audit:view") && (
              <li>
                <Link href={`/people/${p.id}/access`}>Who has seen this record</Link>
              </li>
            )}
            {can(ctx.role, "person:merge") && (
              <li>
                <Link href={`/people/${p.id}/merge`}>Merge a duplicate record into this one</Link>
              </li>
            )}
          </ul>
        )}
        {saved && (
          <p role="status" className="mt-4 border-l-4 border-brand bg-brand-light p-3">
            {saved}
          </p>
        )}
        {mergedFrom && (
          <p role="status" className="mt-4 border-l-4 border-brand bg-brand-light p-3">
            The record you opened was merged into this one, which holds both histories.
          </p>
        )}
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="details-heading" className="card">
          <h2 id="details-heading" className="mb-3 text-xl font-bold">
            Details
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">{p.dateOfBirth ? "Date of birth" : "Expected"}</dt>
            <dd>
              {formatDate(p.dateOfBirth ?? p.expectedDateOfBirth)}
              {p.age !== null && ` (age ${p.age})`}
            </dd>
            <dt className="text-muted">Sex</dt>
            <dd>{SEX[p.sex] ?? p.sex}</dd>
            {(p.ethnicity || child) && (
              <>
                <dt className="text-muted">Ethnicity</dt>
                <dd>
                  {p.ethnicity ? (
                    <>
                      {ETHNIC_ORIGINS.find((e) => e.code === p.ethnicity)?.label ?? p.ethnicity} <span className="text-muted">({p.ethnicity})</span>
                    </>
                  ) : (
                    "Not recorded"
                  )}
                </dd>
              </>
            )}
            {(p.laChildId || child) && (
              <>
                <dt className="text-muted">LA child id</dt>
                <dd>{p.laChildId ?? "Not recorded"}</dd>
              </>
            )}
            {(p.upn || child) && (
              <>
                <dt className="text-muted">UPN</dt>
                <dd>{p.upn ?? "Not recorded"}</dd>
              </>
            )}
            {p.postcode && (
              <>
                <dt className="text-muted">Postcode</dt>
                <dd>{p.postcode}</dd>
              </>
            )}
          </dl>
          {canEditIdentifiers && (
            <p className="mt-3">
              <Link href={`/people/${p.id}/identifiers`}>Change identifiers and equality details</Link>
            </p>
          )}
        </section>
        <section aria-labelledby="involvement-heading" className="card">
          <h2 id="involvement-heading" className="mb-3 text-xl font-bold">
            Involvement
          </h2>
          {p.cases.length === 0 ? (
            <p>No cases.</p>
          ) : (
            <ul className="space-y-2">
              {p.cases.map((c) => (
                <li key={c.id}>
                  <Link href={`/cases/${c.id}`}>{c.reference}</Link> <LevelTag level={c.level} />
                  <span className="block text-sm text-muted">
                    {c.status === "OPEN" ? `Open since ${formatDate(c.openedOn)}` : `${formatDate(c.openedOn)} to ${formatDate(c.closedOn)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 mb-2 font-bold">Family</h3>
          <ul className="space-y-1">
            {p.families.map((f) => (
              <li key={f.id}>
                <Link href={`/families/${f.id}`}>{f.name}</Link> <span className="text-muted">· {words(f.relationship)}</span>
                {canRecordContact && (
                  <span className="block text-sm">
                    <Link href={`/families/${f.id}/contacts/new${p.kind === "CHILD" ? `?child=${p.id}` : ""}`}>Record a contact about this family</Link>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {p.relationships.length > 0 && (
            <>
              <h3 className="mt-4 mb-2 font-bold">Relationships</h3>
              <ul className="space-y-1">
                {p.relationships.map((r) => (
                  <li key={`${r.direction}-${r.id}`}>
                    {r.direction === "is" ? (
                      <>
                        <Link href={`/people/${r.id}`}>{r.name}</Link> <span className="text-muted">is their {words(r.relationship)}</span>
                      </>
                    ) : (
                      <>
                        <span className="text-muted">{words(r.relationship)} of </span>
                        <Link href={`/people/${r.id}`}>{r.name}</Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {referrals && <ReferralsSection referrals={referrals} />}
      </div>
    </>
  );
}
