import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { carersPage, type CarerRow } from "@/lib/data/placements";
import { OUTSIDE_ENGLAND, placedOutsideEngland } from "@/lib/domain/placements";
import { PLACEMENT_PROVIDERS, codeLabel } from "@/lib/domain/ssda903-codes";
import { AddCarerForm, OnHoldButton } from "./carer-forms";

export const metadata: Metadata = { title: "Carers and vacancies" };

const pounds = (n: number | null) => (n === null ? "—" : `£${n.toLocaleString("en-GB")}`);
const GROUPS: { kind: CarerRow["kind"]; title: string }[] = [
  { kind: "FOSTER_HOUSEHOLD", title: "In-house foster households" },
  { kind: "FOSTERING_AGENCY", title: "Independent fostering agencies" },
  { kind: "RESIDENTIAL", title: "Children's homes" },
];

export default async function CarersPage({ searchParams }: { searchParams: Promise<{ added?: string; changed?: string }> }) {
  const { added, changed } = await searchParams;
  const ctx = await requireContext();
  const { carers, laCode } = await pageData(() => carersPage(ctx));
  const manage = can(ctx.role, "carer:manage");
  const households = carers.filter((c) => c.kind === "FOSTER_HOUSEHOLD");
  const vacancies = households.reduce((n, c) => n + (c.vacancies ?? 0), 0);
  const changedCarer = changed ? carers.find((c) => c.id === changed) : undefined;
  return (
    <>
      <PageHeading title="Carers and vacancies">
        <p className="mt-2 text-muted">
          {households.length} in-house households with {vacancies} vacanc{vacancies === 1 ? "y" : "ies"} today. To place a child, open their placements and use Find a placement.
        </p>
      </PageHeading>
      {added && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          Added to the list.
        </p>
      )}
      {changedCarer && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          Changes to {changedCarer.name} saved.
        </p>
      )}
      {GROUPS.map((g) => {
        const list = carers.filter((c) => c.kind === g.kind);
        if (list.length === 0) return null;
        return (
          <section key={g.kind} aria-labelledby={`${g.kind}-h`} className="card mb-6">
            <h2 id={`${g.kind}-h`} className="mb-3 text-xl font-bold">
              {g.title}
            </h2>
            <ScrollTable label={`${g.title}: table`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    {g.kind === "FOSTER_HOUSEHOLD" && (
                      <>
                        <th scope="col" className="text-right">
                          Vacancies
                        </th>
                        <th scope="col">Ages</th>
                        <th scope="col" className="text-right">
                          Approved places
                        </th>
                      </>
                    )}
                    <th scope="col" className="text-right">
                      Children placed now
                    </th>
                    <th scope="col" className="text-right">
                      Usual weekly rate
                    </th>
                    <th scope="col">Where</th>
                    {manage && (
                      <th scope="col">
                        <span className="sr-only">Change</span>
                      </th>
                    )}
                    {manage && g.kind === "FOSTER_HOUSEHOLD" && (
                      <th scope="col">
                        <span className="sr-only">On hold</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id} data-carer-id={c.id}>
                      <th scope="row" className="min-w-36 lg:min-w-0">
                        {c.name}
                        {c.onHold ? " (on hold)" : ""}
                      </th>
                      {g.kind === "FOSTER_HOUSEHOLD" && (
                        <>
                          <td className={`text-right ${c.vacancies ? "font-bold" : ""}`}>{c.vacancies}</td>
                          <td className="whitespace-nowrap">
                            {c.ageFrom}–{c.ageTo}
                          </td>
                          <td className="text-right">{c.approvedPlaces}</td>
                        </>
                      )}
                      <td className="text-right">{c.currentChildren}</td>
                      <td className="text-right">{pounds(c.usualWeeklyRate)}</td>
                      <td className="whitespace-nowrap">
                        {c.postcode}
                        {c.laCode !== laCode && (
                          <span className="block text-sm text-muted">{placedOutsideEngland(c.laCode) ? `Outside England (${codeLabel(OUTSIDE_ENGLAND, c.laCode)})` : `Out of area (LA ${c.laCode})`}</span>
                        )}
                      </td>
                      {manage && (
                        <td>
                          <Link href={`/carers/${c.id}`}>
                            Change<span className="sr-only"> {c.name}</span>
                          </Link>
                        </td>
                      )}
                      {manage && g.kind === "FOSTER_HOUSEHOLD" && (
                        <td>
                          <OnHoldButton carerId={c.id} name={c.name} onHold={c.onHold} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        );
      })}
      {manage && (
        <section aria-labelledby="add-h" className="card">
          <details>
            <summary id="add-h" className="cursor-pointer text-xl font-bold text-link underline">
              Add a carer or provider
            </summary>
            <AddCarerForm providers={PLACEMENT_PROVIDERS.map((p) => ({ value: p.code, label: `${p.code}: ${p.label}` }))} laCode={laCode} />
          </details>
        </section>
      )}
    </>
  );
}
