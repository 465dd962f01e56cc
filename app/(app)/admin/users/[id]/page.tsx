import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getUserForAdmin, listTeamsForAdmin } from "@/lib/data/admin";
import { formatDate } from "@/lib/domain/dates";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { ROLE_OPTIONS } from "../options";
import { EditUserForm, PasswordLinkButton, UnlockButton } from "../user-forms";

export const metadata: Metadata = { title: "User" };

function linkState(link: NonNullable<Awaited<ReturnType<typeof getUserForAdmin>>["latestLink"]>, now: Date): string {
  const made = `made ${formatDate(link.createdAt)}`;
  if (link.usedAt) return `Used ${formatDate(link.usedAt)} (${made})`;
  if (link.revokedAt) return `Replaced or cancelled ${formatDate(link.revokedAt)} (${made})`;
  if (link.expiresAt <= now) return `Expired ${formatDate(link.expiresAt)} (${made}): make a new one if they still need it`;
  return `Waiting to be used, until ${formatDate(link.expiresAt)} (${made})`;
}

export default async function AdminUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const { saved } = await searchParams;
  const [user, teams] = await pageData(() => Promise.all([getUserForAdmin(ctx, id), listTeamsForAdmin(ctx)]));
  const now = new Date();
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Users and teams</Link>
      </p>
      <PageHeading caption={`${ROLE_LABELS[user.role]}${user.team ? `, ${user.team}` : ""}`} title={user.name} />
      {saved && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          Changes saved.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-4 text-xl font-bold">
            Details
          </h2>
          <EditUserForm
            userId={user.id}
            version={user.version}
            active={user.active}
            roles={ROLE_OPTIONS}
            teams={teams.map((t) => ({ value: t.id, label: t.name }))}
            defaults={{
              name: user.name,
              email: user.email,
              role: user.role,
              teamId: user.teamId ?? "",
              fte: String(user.fte),
              employment: user.employment,
              caseloadCap: user.caseloadCap === null ? "" : String(user.caseloadCap),
              sweRegistration: user.sweRegistration ?? "",
            }}
          />
        </section>
        <div className="space-y-6">
          <section className="card" aria-labelledby="access-heading">
            <h2 id="access-heading" className="mb-3 text-xl font-bold">
              Signing in
            </h2>
            <dl className="space-y-2">
              <div>
                <dt className="font-semibold">Status</dt>
                <dd>{!user.active ? "Switched off" : locked ? `Locked until ${user.lockedUntil!.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" })} after ${user.failedLoginCount} failed attempts` : "Active"}</dd>
              </div>
              <div>
                <dt className="font-semibold">Last signed in</dt>
                <dd>{user.lastLoginAt ? formatDate(user.lastLoginAt) : "Never"}</dd>
              </div>
              <div>
                <dt className="font-semibold">Link to choose a password</dt>
                <dd>{user.latestLink ? linkState(user.latestLink, now) : "None made"}</dd>
              </div>
              <div>
                <dt className="font-semibold">Open allocations to cases</dt>
                <dd>{user.openAllocations}</dd>
              </div>
            </dl>
            {user.active && (
              <div className="mt-4 space-y-3">
                {locked && <UnlockButton userId={user.id} />}
                <PasswordLinkButton userId={user.id} purpose={user.lastLoginAt ? "RESET" : "INVITE"} />
                <p className="text-sm text-muted">A new link stops any earlier one working. Their current password keeps working until they choose a new one.</p>
              </div>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
