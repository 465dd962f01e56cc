"use client";

// The council's settings, one fieldset per area. Each field is named by the setting's path in the
// settings document; a refusal brings back everything typed. The version it was loaded at goes with
// the save, so someone else's save in between is not overwritten.
import { useActionState } from "react";
import { Checkbox, Radios, TextField } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { saveCouncilSettingsAction } from "@/lib/actions/council-settings";
import { IDLE_STATE } from "@/lib/actions/idle";
import { LEVEL_LABELS, LEVELS, ROLE_LABELS } from "@/lib/domain/roles";
import { CAPPED_ROLES, type SettingsFormValues } from "@/lib/domain/tenant-settings-form";

type Props = { laCode: string; version: string; loaded: string; values: SettingsFormValues; defaults: SettingsFormValues };

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="card">
      <fieldset className="min-w-0 space-y-5">
        <legend className="mb-1">
          <h2 className="text-xl font-bold">{title}</h2>
        </legend>
        {hint && <p className="text-muted">{hint}</p>}
        {children}
      </fieldset>
    </div>
  );
}

function Group({ legend, hint, children }: { legend: string; hint: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0">
      <legend className="field-label text-lg">{legend}</legend>
      <p className="field-hint">{hint}</p>
      <div className="mt-2 grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
    </fieldset>
  );
}

export function SettingsForm({ laCode, version, loaded, values, defaults }: Props) {
  const [state, formAction] = useActionState(saveCouncilSettingsAction, IDLE_STATE);
  const number = (name: string, label: string, hint: string, width = "w-28") => (
    <TextField key={name} name={name} label={label} hint={hint} inputMode="text" state={state} defaultValue={values[name]} width={width} />
  );
  const def = (name: string, blank = "none") => `Default: ${defaults[name] === "" ? blank : defaults[name]}.`;
  return (
    <form action={formAction} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="loaded" value={loaded} />

      <Section title="Caseloads" hint="How a worker's load is counted and the caps an allocation is checked against. A manager can still allocate over a cap, with a reason.">
        <Radios
          name="caseload.countingUnit"
          legend="What one case counts as"
          hint="Default: each child."
          state={state}
          defaultValue={values["caseload.countingUnit"]}
          options={[
            { value: "CHILDREN", label: "Each child", hint: "A family of three children is three cases (the DfE's way)" },
            { value: "FAMILIES", label: "Each family", hint: "A family is one case, however many children" },
          ]}
        />
        <Group legend="Caps by role" hint="The most cases a full-time worker in each role holds. Leave a role blank if it holds no cases.">
          {CAPPED_ROLES.map((r) => number(`caseload.capsByRole.${r}`, ROLE_LABELS[r], def(`caseload.capsByRole.${r}`, "no cap")))}
        </Group>
        <Group legend="Caps by level" hint="A lower cap for a worker whose cases are mostly at one level. Leave blank for no cap at that level.">
          {LEVELS.map((l) => number(`caseload.capsByLevel.${l}`, LEVEL_LABELS[l], def(`caseload.capsByLevel.${l}`, "no cap")))}
        </Group>
        <Checkbox
          name="caseload.weightsEnabled"
          label="Weight cases by level"
          hint="Compare a weighted load with the caps, using the weights below. Default: off."
          state={state}
          defaultChecked={values["caseload.weightsEnabled"] === "on"}
        />
        <Group legend="Weights" hint="What one case at each level counts as when weighting is on, from 0 to 5 (like 1.5).">
          {LEVELS.map((l) => number(`caseload.weights.${l}`, LEVEL_LABELS[l], def(`caseload.weights.${l}`)))}
        </Group>
        <Checkbox
          name="caseload.fteScaling"
          label="Scale part-time workers' caps by their FTE"
          hint="A worker on 0.5 FTE has half the cap. Default: on."
          state={state}
          defaultChecked={values["caseload.fteScaling"] === "on"}
        />
      </Section>

      <Section title="Drift" hint="Drift is the working days since a case's last significant intervention.">
        <Group legend="Drift thresholds (working days)" hint="A case with no significant intervention for longer than this is red, from 1 to 260.">
          {LEVELS.map((l) => number(`drift.thresholds.${l}`, LEVEL_LABELS[l], def(`drift.thresholds.${l}`)))}
        </Group>
        {number("drift.amberFraction", "Amber fraction", `A case turns amber at this fraction of its threshold, from 0.1 to 1 (0.75 is three-quarters of the way). ${def("drift.amberFraction")}`)}
      </Section>

      <Section title="Timescales">
        {number("timescales.dueSoonWorkingDays", "Due-soon window (working days)", `How many working days before a deadline it shows as due soon, from 1 to 260. ${def("timescales.dueSoonWorkingDays")}`)}
        {number("timescales.cpVisitWorkingDays", "CP visiting frequency (working days)", `How often a child on a protection plan must be seen, from 1 to 260. ${def("timescales.cpVisitWorkingDays")}`)}
      </Section>

      <Section title="KPIs and benchmarking">
        <Radios
          name="kpis.reReferralVariant"
          legend="Re-referral rate shown first"
          hint="Default: the DfE's."
          state={state}
          defaultValue={values["kpis.reReferralVariant"]}
          options={[
            { value: "DFE", label: "The DfE's", hint: "A referral within 12 months of the child's previous referral" },
            { value: "AFTER_CLOSURE", label: "After closure", hint: "A referral within 12 months of the child's previous case closing" },
          ]}
        />
        <Checkbox
          name="benchmarking.optIn"
          label="Share the council's KPI figures with partner councils"
          hint="Headline figures only, never a child and never a count under 5. Unticking removes the council's figures from partners straight away. Default: off."
          state={state}
          defaultChecked={values["benchmarking.optIn"] === "on"}
        />
        <TextField
          name="benchmarking.partners"
          label="Partner councils' LA codes"
          hint={`The DfE codes of the councils to share with, separated by commas, like 202, 206, 207. Each sees the council's figures only once it shares too and enters this council's code, ${laCode}. Default: none.`}
          state={state}
          defaultValue={values["benchmarking.partners"]}
          width="w-full sm:w-96"
        />
        <TextField
          name="benchmarking.group"
          label="Partnership's name (optional)"
          hint="Shown above the partners' figures, like Tri-borough partnership; up to 60 characters. Default: none."
          state={state}
          defaultValue={values["benchmarking.group"]}
          width="w-full sm:w-96"
        />
      </Section>

      <Section title="Placements">
        {number("placements.ifaSavingPerWeek", "Saving per agency placement avoided (£ a week)", `What the council saves each week a child is placed in-house instead of with an agency, in the Borough KPIs, from 0 to 10,000. ${def("placements.ifaSavingPerWeek")}`, "w-36")}
      </Section>

      <Section title="Sign-in">
        {number("security.lockAfterFailedSignIns", "Failed sign-ins before an account locks", `From 3 to 20. ${def("security.lockAfterFailedSignIns")}`)}
        {number("security.lockMinutes", "Minutes an account stays locked", `From 1 to 1,440 (a day). ${def("security.lockMinutes")}`)}
      </Section>

      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
