import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listTeamsOverview, listUsersForAdmin } from "@/lib/data/admin";
import { formatDate } from "@/lib/domain/dates";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { TEAM_KIND_LABELS, TEAM_KINDS } from "@/lib/domain/user-admin";
import { AddTeamForm } from "./users/user-forms";

export const metadata: Metadata = { title: "Users and teams" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const ctx = await requireContext();
  const { team: teamAdded } = await searchParams;
  const [users, teams] = await pageData(() => Promise.all([listUsersForAdmin(ctx), listTeamsOverview(ctx)]));
  const now = new Date();
  return (
    <>
      <PageHeading caption={ctx.tenantName} title="Users and teams">
        <p className="mt-2">
          <Link href="/carers">Carers and providers</Link>: the council&apos;s foster households, agencies and homes.
        </p>
        <p className="mt-4">
          <Link href="/admin/users/new" className="btn text-white! no-underline! focus-visible:text-ink!">
            Add a user
          </Link>
        </p>
      </PageHeading>
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3 text-xl font-bold">
          Users <span className="font-normal text-muted">({users.length})</span>
        </h2>
        <ScrollTable label="The council's users">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Team</th>
                <th scope="col">FTE</th>
                <th scope="col">Status</th>
                <th scope="col">Last signed in</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                  </th>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{u.team ?? "—"}</td>
                  <td>
                    {u.fte.toFixed(1)}
                    {u.employment === "AGENCY" ? " agency" : ""}
                  </td>
                  <td>{!u.active ? "Switched off" : u.lockedUntil && u.lockedUntil > now ? "Locked" : "Active"}</td>
                  <td>{u.lastLoginAt ? formatDate(u.lastLoginAt) : "Never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section className="card mt-6" aria-labelledby="teams-heading">
        <h2 id="teams-heading" className="mb-3 text-xl font-bold">
          Teams
        </h2>
        {teamAdded && (
          <p role="status" className="mb-4 border-l-4 border-ok bg-white p-3">
            Team added. Choose it on a user&apos;s page to put them in it.
          </p>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <ScrollTable label="The council's teams">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="text-right">
                    Active users
                  </th>
                </tr>
              </thead>
              <tbody>
                {teams.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{TEAM_KIND_LABELS[t.kind]}</td>
                    <td className="text-right tabular-nums">{t.activeMembers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <div>
            <h3 className="text-lg font-bold">Add a team</h3>
            <AddTeamForm kinds={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))} />
          </div>
        </div>
      </section>
    </>
  );
}
