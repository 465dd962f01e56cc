import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { getChildPlacements, type CarerRow, type ChildPlacements, type PlacementRow } from "@/lib/data/placements";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { CATEGORIES_OF_NEED, LEGAL_STATUSES, PLACEMENT_PROVIDERS, PLACEMENT_TYPES, REASONS_NEW_EPISODE, REASONS_PLACE_CHANGE, codeLabel, codeWithLabel } from "@/lib/domain/ssda903-codes";
import { MoveForm, type CarerOption } from "./move-form";
import { StartCareForm } from "./start-care-form";

export const metadata: Metadata = { title: "Placements" };

const options = (list: readonly { code: string; label: string }[]) => list.map((c) => ({ value: c.code, label: `${c.code}: ${c.label}` }));
const pounds = (n: number | null) => (n === null ? "—" : `£${n.toLocaleString("en-GB", { maximumFractionDigits: 2 })}`);
const miles = (n: number | null) => (n === null ? "not known" : `${n.toLocaleString("en-GB")} miles`);
const KIND: Record<CarerRow["kind"], string> = { FOSTER_HOUSEHOLD: "In-house foster household", FOSTERING_AGENCY: "Independent fostering agency", RESIDENTIAL: "Children's home" };
// Approved foster carers who are not the child's relatives or friends (U6; U4 once long-term), and a home
const USUAL_PLACE: Record<CarerRow["kind"], string> = { FOSTER_HOUSEHOLD: "U6", FOSTERING_AGENCY: "U6", RESIDENTIAL: "K2" };

// On a phone the table scrolls sideways: each column keeps a readable width there, not on a desktop
function Episode({ e }: { e: PlacementRow }) {
  return (
    <tr>
      <td>
        <span className="whitespace-nowrap">{formatDate(e.startDate)}</span> to <span className="whitespace-nowrap">{e.endDate ? formatDate(e.endDate) : "now"}</span>
      </td>
      <td className="min-w-48">{codeWithLabel(PLACEMENT_TYPES, e.place)}</td>
      <td className="min-w-32 lg:min-w-0">{e.carer ?? "—"}</td>
      <td className="min-w-28 lg:min-w-0">{e.provider ? codeLabel(PLACEMENT_PROVIDERS, e.provider) : "—"}</td>
      <td className="text-right">{pounds(e.weeklyCost)}</td>
      <td className="min-w-24 lg:min-w-0">
        {miles(e.miles)}
        {e.outsideEngland ? " · outside England" : e.outOfArea ? " · out of area" : ""}
      </td>
      <td className="min-w-32 lg:min-w-0">{codeWithLabel(LEGAL_STATUSES, e.legalStatus)}</td>
      <td className="min-w-40 lg:min-w-0">{codeWithLabel(REASONS_NEW_EPISODE, e.reasonNewEpisode)}</td>
      <td className="min-w-40 lg:min-w-0">{e.reasonPlaceChange ? `${codeLabel(REASONS_PLACE_CHANGE, e.reasonPlaceChange)}${e.endPlanned === false ? " (unplanned)" : e.endPlanned ? " (planned)" : ""}` : "—"}</td>
    </tr>
  );
}

/** A number from the search's query string, when it is one within the bounds; otherwise null. */
function coordinate(value: string | undefined, min: number, max: number): number | null {
  if (!value?.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/**
 * Find a placement: in-house households with a vacancy for the child's age, nearest first, then agencies
 * and homes; each links to the form below with the carer chosen (`href`).
 */
function PlacementSearch({ r, verb, href, children }: { r: ChildPlacements; verb: string; href: (carerId: string) => string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby="find-h" className="card mb-6">
      <h2 id="find-h" className="mb-3 text-xl font-bold">
        Find a placement
      </h2>
      <p className="mb-3">
        In-house foster households with a vacancy approved for a child of {r.child.age ?? "unknown age"}, nearest to the child&apos;s home first. Look here before going to an agency.{" "}
        <Link href="/carers">All carers and vacancies</Link>
      </p>
      {children}
      {!r.homeLocated && (
        <p className="mb-3 border-l-4 border-warn bg-white p-3">
          Where {r.child.name}&apos;s home is has not been recorded, so distances are not known and the households are listed by name.
        </p>
      )}
      {r.vacancies.length === 0 ? (
        <p>No in-house household has a vacancy for this child today.</p>
      ) : (
        <ScrollTable label="In-house households with a vacancy">
          <table className="table">
            <caption className="sr-only">In-house households with a vacancy, nearest first</caption>
            <thead>
              <tr>
                <th scope="col">Household</th>
                <th scope="col">From the child&apos;s home</th>
                <th scope="col" className="text-right">
                  Vacancies
                </th>
                <th scope="col">Ages</th>
                <th scope="col" className="text-right">
                  Usual weekly rate
                </th>
                <th scope="col">
                  <span className="sr-only">Choose</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.vacancies.map(({ carer, miles: m }) => (
                <tr key={carer.id}>
                  <th scope="row">{carer.name}</th>
                  <td className="whitespace-nowrap">{miles(m)}</td>
                  <td className="text-right">{carer.vacancies}</td>
                  <td>
                    {carer.ageFrom}–{carer.ageTo}
                  </td>
                  <td className="text-right">{pounds(carer.usualWeeklyRate)}</td>
                  <td>
                    <Link href={href(carer.id)}>
                      {verb} {carer.name}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h3 className="mt-6 mb-2 font-semibold">Agencies and homes</h3>
      {r.others.length === 0 ? (
        <p>The council has no agencies or homes on its list.</p>
      ) : (
        <ScrollTable label="Agencies and homes">
          <table className="table">
            <caption className="sr-only">Agencies and homes, nearest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">From the child&apos;s home</th>
                <th scope="col" className="text-right">
                  Usual weekly rate
                </th>
                <th scope="col">
                  <span className="sr-only">Choose</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.others.map(({ carer, miles: m }) => (
                <tr key={carer.id}>
                  <th scope="row">{carer.name}</th>
                  <td>{KIND[carer.kind]}</td>
                  <td className="whitespace-nowrap">
                    {miles(m)}
                    {carer.laCode !== r.laCode ? " · out of area" : ""}
                  </td>
                  <td className="text-right">{pounds(carer.usualWeeklyRate)}</td>
                  <td>
                    <Link href={href(carer.id)}>
                      {verb} {carer.name}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

export default async function PlacementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ carer?: string; moved?: string; started?: string; homeLatitude?: string; homeLongitude?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const { carer: chosenId, moved, started } = query;
  // the home typed in the search, for a child not looked after (both, in range, or neither)
  const typedLatitude = coordinate(query.homeLatitude, 49, 61);
  const typedLongitude = coordinate(query.homeLongitude, -9, 3);
  const typedHome = typedLatitude !== null && typedLongitude !== null ? { latitude: typedLatitude, longitude: typedLongitude } : null;
  const homeTyped = Boolean(query.homeLatitude?.trim() || query.homeLongitude?.trim());
  const ctx = await requireContext();
  const r = await pageData(() => getChildPlacements(ctx, id, { home: typedHome }));
  const canMove = can(ctx.role, "placement:manage") && r.current !== null;
  const canStart = can(ctx.role, "placement:manage") && can(ctx.role, "statutory:record") && r.current === null && r.openCases.length > 0;
  const carerOptions: CarerOption[] = r.carers.map((c) => ({
    value: c.id,
    label: `${c.name} (${KIND[c.kind].toLowerCase()}${c.vacancies !== null ? `, ${c.vacancies} vacanc${c.vacancies === 1 ? "y" : "ies"}` : ""})`,
    provider: c.provider,
    rate: c.usualWeeklyRate,
    place: USUAL_PLACE[c.kind],
  }));
  const chosen = carerOptions.find((c) => c.value === chosenId);
  const chosenFromSearch = chosen !== undefined && r.vacancies.some((v) => v.carer.id === chosen.value);
  const homeQuery = r.home ? `&homeLatitude=${r.home.latitude}&homeLongitude=${r.home.longitude}` : "";
  return (
    <>
      <p className="mb-4">
        <Link href={`/people/${r.child.id}`}>Back to {r.child.name}</Link> · <Link href={`/people/${r.child.id}/statutory`}>Statutory record</Link>
      </p>
      <PageHeading caption={r.child.name} title="Placements">
        <p className="mt-2 text-muted">Every placement as an SSDA903 episode, where the child could go next, and moves.</p>
      </PageHeading>
      {moved && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The move is recorded: the new placement is below, and the regulation 28 visiting clock runs from its start.
        </p>
      )}
      {started && r.current && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          {r.child.name} is recorded as looked after: the placement is below, and the regulation 28 visiting clock runs from its start.
        </p>
      )}

      <section aria-labelledby="history-h" className="card mb-6">
        <h2 id="history-h" className="mb-3 text-xl font-bold">
          Episode history
        </h2>
        {r.periods.length === 0 && <p>{r.child.name} has never been looked after.</p>}
        {r.periods.map((p) => (
          <div key={p.id} className="mb-4">
            <h3 className="font-semibold">
              Period of care: {formatDate(p.startDate)} to {p.endDate ? formatDate(p.endDate) : "now"}
            </h3>
            <ScrollTable label={`Placements from ${formatDate(p.startDate)}`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Dates</th>
                    <th scope="col">Placement</th>
                    <th scope="col">Carer</th>
                    <th scope="col">Provider</th>
                    <th scope="col" className="text-right">
                      Weekly cost
                    </th>
                    <th scope="col">From home</th>
                    <th scope="col">Legal status</th>
                    <th scope="col">Reason for the new episode</th>
                    <th scope="col">Why it ended</th>
                  </tr>
                </thead>
                <tbody>
                  {p.episodes.map((e) => (
                    <Episode key={e.id} e={e} />
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </div>
        ))}
      </section>

      {canMove && <PlacementSearch r={r} verb="Move to" href={(carerId) => `/people/${r.child.id}/placements?carer=${carerId}#move-h`} />}

      {!r.current && can(ctx.role, "placement:manage") && r.openCases.length === 0 && (
        <p className="card mb-6">To record that {r.child.name} became looked after, the child must be on an open case: open or re-open their case first.</p>
      )}
      {canStart && (
        <PlacementSearch r={r} verb="Place with" href={(carerId) => `/people/${r.child.id}/placements?carer=${carerId}${homeQuery}#start-h`}>
          <form method="get" action={`/people/${r.child.id}/placements#find-h`} className="mb-4 flex flex-wrap items-end gap-4" aria-label="Search from the child's home">
            <div>
              <label htmlFor="search-homeLatitude" className="field-label">
                Child&apos;s home: latitude
              </label>
              <input id="search-homeLatitude" name="homeLatitude" className="input w-40" autoComplete="off" defaultValue={r.home ? String(r.home.latitude) : (query.homeLatitude ?? "")} />
            </div>
            <div>
              <label htmlFor="search-homeLongitude" className="field-label">
                Longitude
              </label>
              <input id="search-homeLongitude" name="homeLongitude" className="input w-40" autoComplete="off" defaultValue={r.home ? String(r.home.longitude) : (query.homeLongitude ?? "")} />
            </div>
            <button type="submit" className="btn-secondary">
              Search from the child&apos;s home
            </button>
          </form>
          {homeTyped && !typedHome && (
            <p role="alert" className="mb-3 border-l-4 border-danger bg-white p-3">
              Enter both the latitude (49 to 61) and the longitude (-9 to 3) of the child&apos;s home, like 51.0688 and -1.7945, to list households nearest first.
            </p>
          )}
        </PlacementSearch>
      )}
      {canStart && (
        <section aria-labelledby="start-h" className="card">
          <h2 id="start-h" className="mb-3 text-xl font-bold">
            Record that the child became looked after
          </h2>
          <p>The first placement of the period of care starts on the day the child became looked after.</p>
          <StartCareForm
            personId={r.child.id}
            today={todayInEngland()}
            cases={r.openCases.map((c) => ({ value: c.id, label: c.reference }))}
            legalStatuses={options(LEGAL_STATUSES)}
            needs={options(CATEGORIES_OF_NEED)}
            carers={carerOptions}
            places={options(PLACEMENT_TYPES)}
            providers={options(PLACEMENT_PROVIDERS)}
            chosen={chosen}
            fromSearch={chosenFromSearch}
            home={r.home}
          />
        </section>
      )}

      {canMove && (
        <section aria-labelledby="move-h" className="card">
          <h2 id="move-h" className="mb-3 text-xl font-bold">
            Move to a new placement
          </h2>
          <p>
            The current placement ({codeLabel(PLACEMENT_TYPES, r.current!.place)}
            {r.current!.carer ? ` with ${r.current!.carer}` : ""}, since {formatDate(r.current!.startDate)}) ends on the day of the move.
          </p>
          <MoveForm
            personId={r.child.id}
            today={todayInEngland()}
            carers={carerOptions}
            places={options(PLACEMENT_TYPES)}
            providers={options(PLACEMENT_PROVIDERS)}
            reasons={options(REASONS_PLACE_CHANGE)}
            legalStatuses={options(LEGAL_STATUSES)}
            currentLegalStatus={codeWithLabel(LEGAL_STATUSES, r.current!.legalStatus)}
            chosen={chosen}
            fromSearch={chosenFromSearch && r.current!.provider !== "PR1"}
          />
        </section>
      )}
    </>
  );
}
