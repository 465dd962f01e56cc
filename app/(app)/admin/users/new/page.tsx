import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listTeamsForAdmin } from "@/lib/data/admin";
import { ROLE_OPTIONS } from "../options";
import { NewUserForm } from "../user-forms";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  const ctx = await requireContext();
  const teams = await pageData(() => listTeamsForAdmin(ctx));
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Users and teams</Link>
      </p>
      <PageHeading caption={ctx.tenantName} title="Add a user">
        <p className="mt-2 max-w-2xl">You never set or see their password: you get a link to give them, and they choose it themselves.</p>
      </PageHeading>
      <div className="card max-w-2xl">
        <NewUserForm roles={ROLE_OPTIONS} teams={teams.map((t) => ({ value: t.id, label: t.name }))} />
      </div>
    </>
  );
}
