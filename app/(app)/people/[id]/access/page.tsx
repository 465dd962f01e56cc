import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { listRecordAccess } from "@/lib/data/audit-log";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { RECORD_WORDS, STATUTORY_RECORD_TYPES } from "@/lib/domain/statutory-corrections";

export const metadata: Metadata = { title: "Who has seen this record" };

const ACTIONS: Record<string, string> = {
  "person.viewed": "Viewed the child's record",
  "case.viewed": "Viewed the case",
  "chronology.viewed": "Viewed the chronology",
  "family.viewed": "Viewed the family",
  "contact.viewed": "Viewed a contact",
  "audit.viewed": "Viewed this access log",
  "statutory.viewed": "Viewed the statutory record",
  "placements.viewed": "Viewed the placements",
  "placement.moved": "Moved the child to a new placement",
  "care.started": "Recorded that the child became looked after",
  "care.legal_status_changed": "Recorded a change of legal status",
  "care.ended": "Recorded the end of care",
  "assessment.recorded": "Started an assessment",
  "assessment.authorised": "Authorised an assessment",
  "section47.recorded": "Recorded a strategy discussion and section 47 enquiry",
  "section47.conference_recorded": "Recorded an initial conference",
  "cp_plan.started": "Started a child protection plan",
  "cp_plan.reviewed": "Recorded a child protection review",
  "cp_plan.core_group_recorded": "Recorded a core group meeting",
  "cp_plan.ended": "Ended a child protection plan",
  "cin_plan.ended": "Ended a child in need plan",
  "pathway_plan.reviewed": "Recorded a pathway plan review",
  "person.created": "Created the child's record",
  "person.matched_at_front_door": "Matched this record at the front door",
  "cin_plan.started": "Started a child in need plan",
  "la_review.recorded": "Recorded a looked-after review",
  "health_assessment.recorded": "Recorded a health assessment",
  "visit.recorded": "Recorded a visit",
  "summary.saved": "Revised the case summary",
  "summary.viewed": "Viewed the case summary",
  "referral.created": "Recorded a referral",
  "contact.recorded": "Recorded a contact",
  "contact.decided": "Decided a contact",
  "person.merged": "Merged a duplicate record into this one",
  "person.merged_away": "Merged this record into another",
  "person.disabilities_recorded": "Recorded the child's disabilities",
  "person.identifiers_changed": "Changed the child's identifiers or equality details",
  // corrections and removals of statutory records (decision 0022): "Corrected a child protection plan"
  ...Object.fromEntries(
    STATUTORY_RECORD_TYPES.flatMap((t) => [
      [`${t}.corrected`, `Corrected ${RECORD_WORDS[t].one}`],
      [`${t}.removed`, `Removed ${RECORD_WORDS[t].one} entered in error`],
    ]),
  ),
};

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function AccessPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const { person, events } = await pageData(() => listRecordAccess(ctx, id));
  return (
    <>
      {can(ctx.role, "case:view") && (
        <p className="mb-4">
          <Link href={`/people/${person.id}`}>Back to {person.name}</Link>
        </p>
      )}
      <PageHeading caption={person.name} title="Who has seen or changed this record">
        <p className="mt-2">Every view and change of the child&apos;s record and of their cases, newest first.</p>
      </PageHeading>
      <div className="card">
        <ScrollTable label="Access to this record">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Case</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={i}>
                  <td className="whitespace-nowrap">{WHEN.format(e.at)}</td>
                  <td>
                    {e.who ?? "System"}
                    {e.role && <span className="block text-sm text-muted">{ROLE_LABELS[e.role]}</span>}
                  </td>
                  <td>{ACTIONS[e.action] ?? e.action.replace(/[._]/g, " ")}</td>
                  <td>{e.caseReference ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}
