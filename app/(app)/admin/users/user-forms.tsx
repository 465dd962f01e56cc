"use client";

// Adding and changing a user (decision 0017). What was typed comes back on a refusal; a link to
// choose a password is shown once, with a button to copy it.
import Link from "next/link";
import { useActionState, useState } from "react";
import { Checkbox, Radios, SelectField, TextField, type Option } from "@/components/form/fields";
import { FormErrors, InlineError, SubmitButton } from "@/components/form/form-parts";
import { createPasswordLinkAction, createTeamAction, createUserAction, unlockUserAction, updateUserAction } from "@/lib/actions/admin";
import type { FormState } from "@/lib/actions/form";
import { IDLE_STATE } from "@/lib/actions/idle";

export type UserDefaults = {
  name: string;
  email: string;
  role: string;
  teamId: string;
  fte: string;
  employment: string;
  caseloadCap: string;
  sweRegistration: string;
};

function UserFields({ state, defaults, roles, teams }: { state: FormState; defaults?: UserDefaults; roles: Option[]; teams: Option[] }) {
  return (
    <>
      <TextField name="name" label="Full name" state={state} defaultValue={defaults?.name} autoComplete="off" />
      <TextField name="email" label="Work email address" hint="They sign in with it. It must not belong to anyone else." type="email" state={state} defaultValue={defaults?.email} />
      <SelectField name="role" label="Role" hint="What they can see and do follows from it." placeholder="Choose" state={state} defaultValue={defaults?.role} options={roles} />
      <SelectField name="teamId" label="Team" hint="Managers see their team's workers." placeholder="No team" state={state} defaultValue={defaults?.teamId} options={teams} />
      <TextField name="fte" label="Full-time equivalent" hint="1 for full time; 0.6 for three days a week. Caseload caps scale with it." inputMode="text" state={state} defaultValue={defaults?.fte ?? "1"} width="w-24" />
      <Radios
        name="employment"
        legend="Employed as"
        inline
        state={state}
        defaultValue={defaults?.employment ?? "PERMANENT"}
        options={[
          { value: "PERMANENT", label: "Permanent staff" },
          { value: "AGENCY", label: "Agency staff" },
        ]}
      />
      <TextField name="caseloadCap" label="Personal caseload cap (optional)" hint="Only if lower than their role's cap, for example while they are new or on a phased return." inputMode="numeric" state={state} defaultValue={defaults?.caseloadCap} width="w-24" />
      <TextField name="sweRegistration" label="Social Work England registration number (optional)" hint="For registered social workers, like SW123456. The SSDA903 return needs it." state={state} defaultValue={defaults?.sweRegistration} width="w-48" />
    </>
  );
}

/** The link, once, with a copy button and what to do with it. */
export function OneTimeLink({ link, purpose }: { link: string; purpose: "INVITE" | "RESET" }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3 rounded border-l-4 border-brand bg-white p-4" role="status">
      <p className="font-semibold">{purpose === "INVITE" ? "Give them this link to choose their password" : "Give them this link to choose a new password"}</p>
      <p className="mt-1 text-sm">
        It works once, for {purpose === "INVITE" ? "7 days" : "24 hours"}, and is shown only now. Send it through your council&apos;s secure email or hand it over in person,
        never to a shared inbox.
      </p>
      <label htmlFor="one-time-link" className="field-label mt-3">
        Link
      </label>
      <input id="one-time-link" readOnly value={link} className="input w-full font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="btn-secondary mt-2"
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy the link"}
      </button>
    </div>
  );
}

export function NewUserForm({ roles, teams }: { roles: Option[]; teams: Option[] }) {
  const [state, formAction] = useActionState(createUserAction, IDLE_STATE as FormState<{ userId: string; link: string }>);
  if (state.status === "ok" && state.data) {
    return (
      <div>
        <h2 className="text-xl font-bold">User added</h2>
        <OneTimeLink link={state.data.link} purpose="INVITE" />
        <p className="mt-4">
          <Link href={`/admin/users/${state.data.userId}`}>See the user</Link> · <Link href="/admin/users/new">Add another user</Link> · <Link href="/admin">All users</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} />
      <UserFields state={state} roles={roles} teams={teams} />
      <SubmitButton pendingText="Adding…">Add the user</SubmitButton>
    </form>
  );
}

export function EditUserForm({ userId, version, defaults, active, roles, teams }: { userId: string; version: string; defaults: UserDefaults; active: boolean; roles: Option[]; teams: Option[] }) {
  const [state, formAction] = useActionState(updateUserAction, IDLE_STATE);
  return (
    <form action={formAction} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <UserFields state={state} defaults={defaults} roles={roles} teams={teams} />
      <Checkbox name="active" label="Account switched on" hint="Switched off, they cannot sign in and any session they have ends at once. Their records stay." state={state} defaultChecked={active} />
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}

export function UnlockButton({ userId }: { userId: string }) {
  const [state, formAction] = useActionState(unlockUserAction, IDLE_STATE);
  if (state.status === "ok") return <p role="status">Unlocked: they can sign in again now.</p>;
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="btn-secondary" pendingText="Unlocking…">
        Unlock the account
      </SubmitButton>
      <InlineError state={state} />
    </form>
  );
}

export function PasswordLinkButton({ userId, purpose }: { userId: string; purpose: "INVITE" | "RESET" }) {
  const [state, formAction] = useActionState(createPasswordLinkAction, IDLE_STATE as FormState<{ link: string }>);
  if (state.status === "ok" && state.data) return <OneTimeLink link={state.data.link} purpose={purpose} />;
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="btn-secondary" pendingText="Making the link…">
        Make a link to choose a password
      </SubmitButton>
      <InlineError state={state} />
    </form>
  );
}

export function AddTeamForm({ kinds }: { kinds: Option[] }) {
  const [state, formAction] = useActionState(createTeamAction, IDLE_STATE);
  const p = "team-";
  return (
    <form action={formAction} key={state.answerId} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      <TextField name="name" idPrefix={p} label="Team name" hint="Unique within the council, like Children in Care East" state={state} />
      <SelectField name="kind" idPrefix={p} label="Kind of team" hint="The front door can give new cases to early help, mixed, social work, children in care and care leavers teams." placeholder="Choose" state={state} options={kinds} />
      <SubmitButton pendingText="Adding…">Add the team</SubmitButton>
    </form>
  );
}
