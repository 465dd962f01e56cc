import type { Metadata } from "next";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getCouncilSettings } from "@/lib/data/council-settings";
import { parseTenantSettings } from "@/lib/domain/tenant-settings";
import { settingsFormValues } from "@/lib/domain/tenant-settings-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Council settings" };

export default async function CouncilSettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const ctx = await requireContext();
  const { saved } = await searchParams;
  const { settings, version, laCode } = await pageData(() => getCouncilSettings(ctx));
  const changed = Number(saved);
  return (
    <>
      <PageHeading caption={ctx.tenantName} title="Council settings">
        <p className="mt-2 max-w-3xl">
          How Continuum works for everyone in the council: caseload caps, drift warnings, timescales, KPIs and sign-in. Each save is recorded in the audit log; the Borough
          KPIs are worked out again with the new settings at their next view.
        </p>
      </PageHeading>
      {saved !== undefined && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          {changed > 0 ? `Settings saved: ${changed} ${changed === 1 ? "setting" : "settings"} changed.` : "Saved. Nothing had changed."}
        </p>
      )}
      <SettingsForm laCode={laCode} version={version} loaded={JSON.stringify(settings)} values={settingsFormValues(settings)} defaults={settingsFormValues(parseTenantSettings({}))} />
    </>
  );
}
