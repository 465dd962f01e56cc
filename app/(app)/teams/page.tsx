import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listTeams } from "@/lib/data/teams";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const ctx = await requireContext();
  const teams = await pageData(() => listTeams(ctx));
  return (
    <>
      <PageHeading caption={ctx.tenantName} title="Teams" />
      <div className="card">
        <ScrollTable label="Teams">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="text-right">
                  Workers
                </th>
                <th scope="col" className="text-right">
                  Open cases
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link href={`/teams/${t.id}`}>{t.name}</Link>
                  </th>
                  <td className="text-right tabular-nums">{t.workers}</td>
                  <td className="text-right tabular-nums">{t.openCases}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </>
  );
}
