import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getCarer, type CarerRow } from "@/lib/data/placements";
import { PLACEMENT_PROVIDERS } from "@/lib/domain/ssda903-codes";
import { EditCarerForm } from "../carer-forms";

export const metadata: Metadata = { title: "Change a carer" };

const KIND: Record<CarerRow["kind"], string> = { FOSTER_HOUSEHOLD: "In-house foster household", FOSTERING_AGENCY: "Independent fostering agency", RESIDENTIAL: "Children's home" };
const text = (v: number | string | null) => (v === null ? "" : String(v));

export default async function CarerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const carer = await pageData(() => getCarer(ctx, id));
  return (
    <>
      <p className="mb-2">
        <Link href="/carers">Carers and vacancies</Link>
      </p>
      <PageHeading caption={KIND[carer.kind]} title={`Change ${carer.name}`}>
        <p className="mt-2 text-muted">
          {carer.currentChildren} {carer.currentChildren === 1 ? "child" : "children"} placed there now
          {carer.vacancies !== null ? `, ${carer.vacancies} vacanc${carer.vacancies === 1 ? "y" : "ies"}` : ""}
          {carer.onHold ? " (on hold)" : ""}.
        </p>
      </PageHeading>
      <section className="card" aria-labelledby="details-h">
        <h2 id="details-h" className="mb-4 text-xl font-bold">
          Details
        </h2>
        <EditCarerForm
          carerId={carer.id}
          version={carer.version}
          household={carer.kind === "FOSTER_HOUSEHOLD"}
          currentChildren={carer.currentChildren}
          providers={PLACEMENT_PROVIDERS.map((p) => ({ value: p.code, label: `${p.code}: ${p.label}` }))}
          defaults={{
            name: carer.name,
            provider: carer.provider,
            approvedPlaces: text(carer.approvedPlaces),
            ageFrom: text(carer.ageFrom),
            ageTo: text(carer.ageTo),
            postcode: carer.postcode,
            latitude: text(carer.location.latitude),
            longitude: text(carer.location.longitude),
            laCode: carer.laCode,
            usualWeeklyRate: text(carer.usualWeeklyRate),
            urn: text(carer.urn),
          }}
        />
      </section>
    </>
  );
}
