import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { getContactForView, type ContactView } from "@/lib/data/front-door";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { CONTACT_DECISION_LABELS, primaryNeedLabel, referralSourceLabel } from "@/lib/domain/referral-codes";
import { LEVEL_LABELS } from "@/lib/domain/roles";
import { DecideForm } from "./decide-form";

export const metadata: Metadata = { title: "Contact" };

function born(child: { dateOfBirth: string | null; expectedDateOfBirth: string | null }) {
  return child.dateOfBirth ? `Born ${formatDate(child.dateOfBirth)}` : `Expected ${formatDate(child.expectedDateOfBirth)}`;
}

function openCaseNote(c: ContactView): string | null {
  if (!c.openCase) return null;
  const where = `${c.openCase.reference} (${LEVEL_LABELS[c.openCase.level]}${c.openCase.teamName ? `, ${c.openCase.teamName}` : ""})`;
  return `The family already has an open case, ${where}: the decision uses it. A referral raises an early help or Support case to child in need and moves it to this team; otherwise the case keeps its team.`;
}

/** Each child's referrals in the 12 months before the contact: the DfE re-referral check. */
function ReReferrals({ c }: { c: ContactView }) {
  const flagged = c.children.filter((ch) => ch.earlierReferrals.length > 0);
  return (
    <section aria-labelledby="rereferral-heading" className="card">
      <h2 id="rereferral-heading" className="mb-3 text-xl font-bold">
        Referrals in the 12 months before
      </h2>
      {flagged.length === 0 ? (
        <p>
          {c.children.length === 1 ? `${c.children[0]!.name} had no` : "None of these children had a"} referral to children&apos;s social care in the 12 months
          before {formatDate(c.receivedOn)}. A referral now would not be a re-referral.
        </p>
      ) : (
        <ul className="space-y-3">
          {flagged.flatMap((ch) =>
            ch.earlierReferrals.map((r) => (
              <li key={`${ch.id}-${r.episodeId}`} className="border-l-4 border-warn bg-[#fff4e5] p-3">
                <strong>Re-referral:</strong> {ch.name} was referred on {formatDate(r.referralDate)} — case <Link href={`/cases/${r.caseId}`}>{r.caseReference}</Link>
              </li>
            )),
          )}
          {c.children
            .filter((ch) => ch.earlierReferrals.length === 0)
            .map((ch) => (
              <li key={ch.id} className="text-muted">
                {ch.name}: no referrals in the 12 months before
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function Decision({ c }: { c: ContactView }) {
  const d = c.decision!;
  return (
    <section aria-labelledby="decision-heading" className="card">
      <h2 id="decision-heading" className="mb-3 text-xl font-bold">
        Decision
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">Decision</dt>
        <dd className="font-semibold">{CONTACT_DECISION_LABELS[d.decision]}</dd>
        <dt className="text-muted">Date</dt>
        <dd>{formatDate(d.decisionOn)}</dd>
        <dt className="text-muted">By</dt>
        <dd>{d.decidedBy ?? "—"}</dd>
        {d.case && (
          <>
            <dt className="text-muted">Case</dt>
            <dd>
              <Link href={`/cases/${d.case.id}`}>{d.case.reference}</Link> <LevelTag level={d.case.level} />
            </dd>
          </>
        )}
      </dl>
      {d.note && <p className="mt-3 whitespace-pre-line">{d.note}</p>}
      {c.children.some((ch) => ch.episode) && (
        <>
          <h3 className="mt-4 mb-2 font-bold">Referrals started</h3>
          <ul className="space-y-2">
            {c.children
              .filter((ch) => ch.episode)
              .map((ch) => (
                <li key={ch.id}>
                  <Link href={`/people/${ch.id}`}>{ch.name}</Link>
                  {ch.episode!.primaryNeedCode && <span className="text-muted"> · {primaryNeedLabel(ch.episode!.primaryNeedCode)}</span>}
                  {ch.episode!.reReferral && ch.episode!.previous && (
                    <span className="block text-sm">
                      <strong>Re-referral</strong> — previous referral {formatDate(ch.episode!.previous.referralDate)}, case{" "}
                      <Link href={`/cases/${ch.episode!.previous.caseId}`}>{ch.episode!.previous.caseReference}</Link>
                    </span>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

export default async function ContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ recorded?: string; decided?: string }> }) {
  const { id } = await params;
  const { recorded, decided } = await searchParams;
  const ctx = await requireContext();
  const c = await pageData(() => getContactForView(ctx, id));
  const title = c.family?.name ?? c.children.map((ch) => ch.name).join(", ");
  return (
    <>
      {can(ctx.role, "contact:decide") && (
        <p className="mb-4">
          <Link href="/front-door">Back to the front door</Link>
        </p>
      )}
      <PageHeading caption={`Contact received ${formatDate(c.receivedOn)}`} title={title}>
        <p className="mt-2">
          {c.decision ? (
            <span>
              Decided: <strong>{CONTACT_DECISION_LABELS[c.decision.decision]}</strong>
            </span>
          ) : (
            <span>
              Awaiting a decision · waiting {c.waitingWorkingDays} working {c.waitingWorkingDays === 1 ? "day" : "days"}
              {c.overdue && <strong className="ml-2 inline-block rounded bg-danger px-2 py-0.5 text-sm text-white">Decision overdue</strong>}
            </span>
          )}
        </p>
      </PageHeading>
      {recorded && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The contact has been recorded. {c.decision ? "" : "It now waits for a decision by the front door."}
        </p>
      )}
      {decided && c.decision && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The decision has been recorded.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="contact-heading" className="card lg:self-start">
          <h2 id="contact-heading" className="mb-3 text-xl font-bold">
            The contact
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">Received</dt>
            <dd>{formatDate(c.receivedOn)}</dd>
            <dt className="text-muted">From</dt>
            <dd>
              {referralSourceLabel(c.source)} ({c.source})
            </dd>
            <dt className="text-muted">Recorded by</dt>
            <dd>{c.recordedBy}</dd>
            {c.family && (
              <>
                <dt className="text-muted">Family</dt>
                <dd>
                  <Link href={`/families/${c.family.id}`}>{c.family.name}</Link>
                  {c.family.postcode ? `, ${c.family.postcode}` : ""}
                </dd>
              </>
            )}
            {c.openCase && !c.decision && (
              <>
                <dt className="text-muted">Open case</dt>
                <dd>
                  <Link href={`/cases/${c.openCase.id}`}>{c.openCase.reference}</Link> <LevelTag level={c.openCase.level} />
                </dd>
              </>
            )}
          </dl>
          <h3 className="mt-4 mb-1 font-bold">Reason</h3>
          <p className="whitespace-pre-line">{c.reason}</p>
          <h3 className="mt-4 mb-2 font-bold">Children</h3>
          <ul className="space-y-1">
            {c.children.map((ch) => (
              <li key={ch.id}>
                <Link href={`/people/${ch.id}`}>{ch.name}</Link> <span className="text-sm text-muted">· {born(ch)}</span>
              </li>
            ))}
          </ul>
        </section>
        <div className="space-y-6">
          <ReReferrals c={c} />
          {c.decision ? (
            <Decision c={c} />
          ) : c.canDecide ? (
            <section aria-labelledby="decide-heading" className="card">
              <h2 id="decide-heading" className="mb-4 text-xl font-bold">
                Decide
              </h2>
              <DecideForm contactId={c.id} receivedOn={c.receivedOn} today={todayInEngland()} teams={c.teams} defaultTeamId={c.openCase?.teamId ?? null} openCaseNote={openCaseNote(c)} />
            </section>
          ) : (
            <section aria-labelledby="decision-heading" className="card">
              <h2 id="decision-heading" className="mb-3 text-xl font-bold">
                Decision
              </h2>
              <p>Waiting for a decision by a social worker or manager at the front door. The decision is due within 1 working day of the contact.</p>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
