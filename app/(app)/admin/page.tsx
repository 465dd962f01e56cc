import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/data/admin";
import { formatDate } from "@/lib/domain/dates";
import { ROLE_LABELS } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "Users and teams" };

export default async function AdminPage() {
  const ctx = await requireContext();
  const users = await pageData(() => listUsersForAdmin(ctx));
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
      <div className="card">
        <ScrollTable label="Users">
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
      </div>
    </>
  );
}
