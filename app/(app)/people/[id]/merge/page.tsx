import type { Metadata } from "next";
import Link from "next/link";
import { ErrorSummary } from "@/components/error-summary";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getMergePage, type MergePreview } from "@/lib/data/merge";
import { formatDate, toIsoDate } from "@/lib/domain/dates";
import { MergeConflicts } from "./merge-conflicts";
import { MergeForm } from "./merge-form";

export const metadata: Metadata = { title: "Merge duplicate records" };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function Record({ preview, heading }: { preview: MergePreview; heading: string }) {
  const p = preview.person;
  return (
    <section aria-label={heading} className="card">
      <h2 className="mb-2 text-xl font-bold">{heading}</h2>
      <p className="text-lg font-semibold">
        <Link href={`/people/${p.id}`}>{p.name}</Link>
      </p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Born</dt>
        <dd>
          {formatDate(p.dateOfBirth)}
          {p.age !== null && ` (${p.age})`}
        </dd>
        <dt className="text-muted">LA child id</dt>
        <dd>{p.laChildId ?? "—"}</dd>
        <dt className="text-muted">UPN</dt>
        <dd>{p.upn ?? "—"}</dd>
        <dt className="text-muted">Postcode</dt>
        <dd>{p.postcode ?? "—"}</dd>
        <dt className="text-muted">Holds</dt>
        <dd>
          {preview.counts.cases} cases, {preview.counts.referrals} referrals, {preview.counts.contacts} contacts, {preview.counts.visits} visits
        </dd>
      </dl>
    </section>
  );
}

export default async function MergePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ other?: string; done?: string }> }) {
  const { id } = await params;
  const { other, done } = await searchParams;
  const found = other?.match(UUID)?.[0]?.toLowerCase();
  const ctx = await requireContext();
  const page = await pageData(() => getMergePage(ctx, id, found && found !== id.toLowerCase() ? found : undefined));
  const survivor = page.survivor.person;
  // a pasted link that names no record, or this one: say so, keeping what was pasted
  const linkProblem = other === undefined ? null : !found ? "Paste the web address of the other person's page: it ends with their record's number" : found === survivor.id ? "That is this record: paste the link to the other one" : null;
  return (
    <>
      <p className="mb-4">
        <Link href={`/people/${survivor.id}`}>Back to {survivor.name}</Link>
      </p>
      <PageHeading caption={survivor.name} title="Merge a duplicate record into this one" />
      {linkProblem && <ErrorSummary errors={[{ field: "other", message: linkProblem }]} />}
      {done && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The records were merged. {survivor.name}&apos;s record now holds both histories.
        </p>
      )}
      {page.other ? (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <Record preview={page.survivor} heading="Keep this record" />
            <Record preview={page.other} heading="Merge this one into it" />
          </div>
          {page.conflicts.length > 0 ? (
            // said before the manager writes a reason: the merge would be refused
            <div className="mt-6 max-w-3xl">
              <MergeConflicts refusal={{ conflicts: page.conflicts, kept: { id: survivor.id, name: survivor.name }, merged: { id: page.other.person.id, name: page.other.person.name } }} />
              <p>
                When they no longer overlap, <Link href={`/people/${survivor.id}/merge?other=${page.other.person.id}`}>open this comparison again</Link> to merge the records.
              </p>
            </div>
          ) : (
            <div className="card mt-6 max-w-3xl">
              <MergeForm survivorId={survivor.id} mergedId={page.other.person.id} mergedName={page.other.person.name} survivorName={survivor.name} />
            </div>
          )}
        </>
      ) : (
        <>
          <section aria-labelledby="likely-heading" className="mb-8">
            <h2 id="likely-heading" className="mb-3 text-2xl font-bold">
              Likely duplicates
            </h2>
            {page.candidates.length === 0 ? (
              <p>No other record looks like this one.</p>
            ) : (
              <ul className="space-y-3">
                {page.candidates.map((c) => (
                  <li key={c.person.id} className="card">
                    <Link href={`/people/${survivor.id}/merge?other=${c.person.id}`} className="text-lg font-bold">
                      {c.person.name}, born {formatDate(c.person.dateOfBirth)}
                    </Link>
                    <p className="text-sm text-muted">
                      {c.reasons.join("; ")} · {c.counts.cases} cases, {c.counts.visits} visits
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <form method="get" className="card max-w-2xl space-y-3">
            <label htmlFor="other" className="field-label">
              Or the link to the other record
            </label>
            <span id="other-hint" className="field-hint">
              Open the other record, copy its web address, and paste it here
            </span>
            {linkProblem && (
              <span id="other-error" className="field-error">
                <span className="sr-only">Error:</span> {linkProblem}
              </span>
            )}
            <input
              id="other"
              name="other"
              defaultValue={linkProblem ? other : undefined}
              aria-invalid={linkProblem ? true : undefined}
              aria-describedby={linkProblem ? "other-hint other-error" : "other-hint"}
              className="input"
            />
            <button type="submit" className="btn-secondary">
              Compare the records
            </button>
          </form>
        </>
      )}
      {page.history.length > 0 && (
        <section aria-labelledby="history-heading" className="mt-8">
          <h2 id="history-heading" className="mb-3 text-2xl font-bold">
            Records merged into this one
          </h2>
          <ul className="space-y-2">
            {page.history.map((h) => (
              <li key={h.id} className="card">
                <span className="font-semibold">{h.mergedName}</span> merged by {h.by} on {formatDate(toIsoDate(h.at))}: {h.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
