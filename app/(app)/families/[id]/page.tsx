import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { getFamilyForView } from "@/lib/data/families";
import { listFamilyContacts } from "@/lib/data/front-door";
import { formatDate } from "@/lib/domain/dates";
import { CONTACT_DECISION_LABELS, referralSourceLabel } from "@/lib/domain/referral-codes";

export const metadata: Metadata = { title: "Family" };

export default async function FamilyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const f = await pageData(() => getFamilyForView(ctx, id));
  const canRecordContact = can(ctx.role, "contact:record");
  const contacts = canRecordContact ? await pageData(() => listFamilyContacts(ctx, f.id)) : null;
  return (
    <>
      <PageHeading caption="Family" title={f.name}>
        {(f.address || f.postcode) && <p className="mt-2 text-muted">{[f.address, f.postcode].filter(Boolean).join(", ")}</p>}
        {f.restricted && (
          <p className="mt-3 border-l-4 border-warn bg-white p-3">
            <strong>Restricted records.</strong> Only the people working with this family can open them. <Link href={`/families/${f.id}/access`}>Who can open them</Link>
          </p>
        )}
        {canRecordContact && (
          <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2" aria-label="Family actions">
            <li>
              <Link href={`/families/${f.id}/contacts/new`}>Record a contact about this family</Link>
            </li>
            {!f.restricted && can(ctx.role, "record:restrict") && (
              <li>
                <Link href={`/families/${f.id}/access`}>Restrict these records</Link>
              </li>
            )}
          </ul>
        )}
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
        {contacts && (
          <section aria-labelledby="contacts-heading" className="card">
            <h2 id="contacts-heading" className="mb-3 text-xl font-bold">
              Contacts
            </h2>
            {contacts.length === 0 ? (
              <p>No contacts recorded.</p>
            ) : (
              <ul className="space-y-2">
                {contacts.map((c) => (
                  <li key={c.id}>
                    <Link href={`/contacts/${c.id}`}>Contact received {formatDate(c.receivedOn)}</Link>
                    <span className="block text-sm text-muted">
                      {c.children.join(", ")} · from {referralSourceLabel(c.source)}
                    </span>
                    <span className="block text-sm">
                      {c.decision ? (
                        <>
                          {CONTACT_DECISION_LABELS[c.decision]}, {formatDate(c.decisionOn)}
                          {c.case && (
                            <>
                              {" "}
                              · case <Link href={`/cases/${c.case.id}`}>{c.case.reference}</Link>
                            </>
                          )}
                        </>
                      ) : (
                        <strong>Awaiting a decision</strong>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </>
  );
}
