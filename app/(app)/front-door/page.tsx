import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listFrontDoor, type AwaitingContact, type DecidedContactRow } from "@/lib/data/front-door";
import { formatDate } from "@/lib/domain/dates";
import { CONTACT_DECISION_LABELS, referralSourceLabel } from "@/lib/domain/referral-codes";

export const metadata: Metadata = { title: "Front door" };

const days = (n: number) => `${n} working ${n === 1 ? "day" : "days"}`;

function Overdue() {
  return <strong className="ml-2 inline-block rounded bg-danger px-2 py-0.5 text-sm text-white">Overdue</strong>;
}

function ContactLink({ id, familyName }: { id: string; familyName: string | null }) {
  return (
    <Link href={`/contacts/${id}`} className="font-semibold">
      {familyName ?? "No family"}
    </Link>
  );
}

function CaseLink({ c }: { c: { id: string; reference: string } | null }) {
  return c ? <Link href={`/cases/${c.id}`}>{c.reference}</Link> : <>—</>;
}

/** A phone gets a list (md:hidden); wider screens get the table. */
function AwaitingList({ contacts }: { contacts: AwaitingContact[] }) {
  return (
    <>
      <ul className="divide-y divide-line md:hidden" aria-label="Contacts awaiting a decision">
        {contacts.map((c) => (
          <li key={c.id} className="py-3">
            <ContactLink id={c.id} familyName={c.familyName} />
            <span className="block">{c.children.join(", ")}</span>
            <span className="block text-sm">
              Received {formatDate(c.receivedOn)} · waiting {days(c.waitingWorkingDays)}
              {c.overdue && <Overdue />}
            </span>
            <span className="block text-sm text-muted">
              From {referralSourceLabel(c.source)} · recorded by {c.recordedBy}
            </span>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <ScrollTable label="Contacts awaiting a decision">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Family</th>
                <th scope="col">Children</th>
                <th scope="col">Received</th>
                <th scope="col">Waiting</th>
                <th scope="col">From</th>
                <th scope="col">Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-2 py-2 text-left font-normal">
                    <ContactLink id={c.id} familyName={c.familyName} />
                  </th>
                  <td>{c.children.join(", ")}</td>
                  <td className="whitespace-nowrap">{formatDate(c.receivedOn)}</td>
                  <td className="whitespace-nowrap">
                    {days(c.waitingWorkingDays)}
                    {c.overdue && <Overdue />}
                  </td>
                  <td>{referralSourceLabel(c.source)}</td>
                  <td>{c.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}

function DecidedList({ contacts }: { contacts: DecidedContactRow[] }) {
  return (
    <>
      <ul className="divide-y divide-line md:hidden" aria-label="Recent decisions">
        {contacts.map((c) => (
          <li key={c.id} className="py-3">
            <ContactLink id={c.id} familyName={c.familyName} />
            <span className="block">{c.children.join(", ")}</span>
            <span className="block text-sm">
              {CONTACT_DECISION_LABELS[c.decision]}, {formatDate(c.decisionOn)}
              {c.case && (
                <>
                  {" "}
                  · case <CaseLink c={c.case} />
                </>
              )}
            </span>
            <span className="block text-sm text-muted">By {c.decidedBy ?? "—"}</span>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <ScrollTable label="Recent decisions">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Family</th>
                <th scope="col">Children</th>
                <th scope="col">Decided</th>
                <th scope="col">Decision</th>
                <th scope="col">By</th>
                <th scope="col">Case</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-2 py-2 text-left font-normal">
                    <ContactLink id={c.id} familyName={c.familyName} />
                  </th>
                  <td>{c.children.join(", ")}</td>
                  <td className="whitespace-nowrap">{formatDate(c.decisionOn)}</td>
                  <td>{CONTACT_DECISION_LABELS[c.decision]}</td>
                  <td>{c.decidedBy ?? "—"}</td>
                  <td>
                    <CaseLink c={c.case} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}

export default async function FrontDoorPage() {
  const ctx = await requireContext();
  const { awaiting, recent } = await pageData(() => listFrontDoor(ctx));
  const overdue = awaiting.filter((c) => c.overdue).length;
  return (
    <>
      <PageHeading title="Front door">
        <p className="mt-2 max-w-3xl">Contacts about children, and the decision on each. A decision is due within 1 working day of the contact.</p>
        <p className="mt-4">
          <Link href="/front-door/new" className="btn text-white! no-underline">
            Record a contact for a new family
          </Link>
        </p>
        <p className="mt-3 text-sm text-muted">For a family the council already knows, record the contact from their family or child&apos;s page.</p>
      </PageHeading>

      <section aria-labelledby="awaiting-heading" className="card mb-6">
        <h2 id="awaiting-heading" className="mb-1 text-xl font-bold">
          Awaiting a decision ({awaiting.length})
        </h2>
        {awaiting.length === 0 ? (
          <p>Every contact has a decision.</p>
        ) : (
          <>
            <p className="mb-3 text-muted">
              Oldest first. {overdue > 0 ? `${overdue} waiting more than 1 working day.` : "None is waiting more than 1 working day."}
            </p>
            <AwaitingList contacts={awaiting} />
          </>
        )}
      </section>

      <section aria-labelledby="recent-heading" className="card">
        <h2 id="recent-heading" className="mb-3 text-xl font-bold">
          Recent decisions
        </h2>
        {recent.length === 0 ? <p>No decisions yet.</p> : <DecidedList contacts={recent} />}
      </section>
    </>
  );
}
