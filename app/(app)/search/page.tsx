import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { searchPeople, type RestrictedMatch } from "@/lib/data/search";
import { formatDate } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  const ctx = await requireContext();
  const results = await pageData(() => searchPeople(ctx, q));
  const searched = q.trim().length > 0;
  return (
    <>
      <PageHeading title="Search">
        <form role="search" aria-label="Search people and families" action="/search" method="get" className="mt-4 flex max-w-2xl flex-wrap gap-2">
          <label htmlFor="q" className="field-label w-full">
            Name, date of birth, LA child id, UPN or postcode
          </label>
          <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" className="input max-w-xl flex-1" />
          <button type="submit" className="btn">
            Search
          </button>
          <span id="q-hint" className="field-hint w-full">
            Combine them to narrow the search, for example &ldquo;Jon Smyth 2015&rdquo;, &ldquo;Amy 3/4/2016&rdquo; or &ldquo;Smith WX1&rdquo; (the start of a postcode narrows to that district). Spelling need not be exact.
          </span>
        </form>
      </PageHeading>

      {searched && (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="mb-3 text-2xl font-bold" aria-live="polite">
            {results.people.length === 0 ? "No people found" : `${results.people.length} ${results.people.length === 1 ? "person" : "people"} found`}
          </h2>
          {results.people.length === 0 && (
            <p className="mb-6">Try fewer words, a different spelling, or just the date of birth. Nobody in another council is searched.</p>
          )}
          <ul className="space-y-3" aria-label="People">
            {results.people.map((p, i) =>
              "restricted" in p ? (
                <RestrictedResult key={`restricted-${i}`} match={p} />
              ) : (
              <li key={p.id} className="card grid gap-2 sm:grid-cols-[2fr_2fr_2fr]">
                <div>
                  <Link href={`/people/${p.id}`} className="text-lg font-bold">
                    {p.name}
                  </Link>
                  <span className="block text-sm text-muted">{p.kind === "CHILD" ? "Child" : "Adult"}</span>
                </div>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
                  <dt className="text-muted">{p.dateOfBirth ? "Born" : "Expected"}</dt>
                  <dd>
                    {formatDate(p.dateOfBirth ?? p.expectedDateOfBirth)}
                    {p.age !== null && ` (${p.age})`}
                  </dd>
                  <dt className="text-muted">Postcode</dt>
                  <dd>{p.postcode ?? "—"}</dd>
                  {p.laChildId && (
                    <>
                      <dt className="text-muted">LA child id</dt>
                      <dd>{p.laChildId}</dd>
                    </>
                  )}
                </dl>
                <div className="text-sm">
                  {p.level ? (
                    <>
                      <LevelTag level={p.level} />
                      <span className="mt-1 block">
                        <Link href={`/cases/${p.caseId}`}>{p.caseReference}</Link>
                        {p.leadWorker ? ` · ${p.leadWorker}` : " · not allocated"}
                      </span>
                    </>
                  ) : (
                    <span className="text-muted">No open involvement</span>
                  )}
                </div>
              </li>
              ),
            )}
          </ul>
        </section>
      )}

      {results.families.length > 0 && (
        <section aria-labelledby="families-heading" className="mt-8">
          <h2 id="families-heading" className="mb-3 text-2xl font-bold">
            Families
          </h2>
          <ul className="space-y-2">
            {results.families.map((f, i) =>
              "restricted" in f ? (
                <RestrictedResult key={`restricted-${i}`} match={f} />
              ) : (
              <li key={f.id} className="card flex flex-wrap items-center gap-3">
                <Link href={`/families/${f.id}`} className="font-bold">
                  {f.name}
                </Link>
                <span className="text-muted">
                  {f.postcode ?? "no postcode"} · {f.members} {f.members === 1 ? "member" : "members"}
                </span>
                {f.openCaseLevel && <LevelTag level={f.openCaseLevel} />}
              </li>
              ),
            )}
          </ul>
        </section>
      )}
    </>
  );
}

/** A match the user may not open: that it exists, whom to ask, and nothing of the record. */
function RestrictedResult({ match }: { match: RestrictedMatch }) {
  return (
    <li className="card border-l-4 border-l-warn">
      <p className="font-bold">Restricted record</p>
      <p className="mt-1 text-sm">
        {match.message} <Link href={`/restricted/${match.familyId}`}>Request access</Link>
      </p>
    </li>
  );
}
