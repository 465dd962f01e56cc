// Rules for a tenant administrator managing the council's users (decision 0017). Pure: no I/O.
import { CASE_HOLDING_ROLES, ROLE_LABELS, type Role } from "./roles";

/** How long a link to choose a password works: a new user may not start for a few days. */
export const LINK_LIFETIME_HOURS = { INVITE: 7 * 24, RESET: 24 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * NCSC guidance: length over complexity rules (three random words), and no passwords that are the
 * account's own name or among the most guessed. Returns what is wrong, or null.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Make your password at least ${PASSWORD_MIN_LENGTH} characters long. Three random words, like "teapot river lantern", are easy to remember and hard to guess.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Make your password ${PASSWORD_MAX_LENGTH} characters or fewer.`;
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split("@")[0] ?? "";
  if (local.length >= 4 && lower.includes(local)) return "Choose a password that does not contain your email address.";
  if (/^(.)\1+$/.test(password) || COMMON.some((c) => lower.replace(/[^a-z]/g, "").startsWith(c)))
    return 'That password is one of the first that attackers try. Choose another, like three random words: "teapot river lantern".';
  return null;
}

const COMMON = ["password", "qwerty", "letmein", "welcome", "continuum", "iloveyou", "abcdefgh", "admin", "changeme"];

export type UserChange = {
  actorId: string;
  targetId: string;
  before: { role: Role; active: boolean };
  after: { role: Role; active: boolean };
  /** active tenant administrators other than this user */
  otherActiveAdmins: number;
  /** this user's open allocations to cases */
  openAllocations: number;
};

/** Why a change to a user must not be made (with what to do instead), or null when it may. */
export function userChangeRefusal(c: UserChange): { field: "role" | "active"; message: string } | null {
  const wasAdmin = c.before.role === "TENANT_ADMIN" && c.before.active;
  const staysAdmin = c.after.role === "TENANT_ADMIN" && c.after.active;
  if (c.actorId === c.targetId && c.before.active && !c.after.active)
    return { field: "active", message: "You cannot switch off your own account. Ask another administrator to do it." };
  if (wasAdmin && !staysAdmin && c.otherActiveAdmins === 0)
    return {
      field: c.after.active ? "role" : "active",
      message: "This is the council's only tenant administrator, so the council would have nobody to manage its users. Make someone else an administrator first.",
    };
  if (c.openAllocations > 0) {
    const cases = c.openAllocations === 1 ? "1 open allocation" : `${c.openAllocations} open allocations`;
    if (c.before.active && !c.after.active)
      return { field: "active", message: `They still hold ${cases} to cases. Ask their team manager to reallocate them first, then switch the account off.` };
    if (!CASE_HOLDING_ROLES.includes(c.after.role) && CASE_HOLDING_ROLES.includes(c.before.role))
      return {
        field: "role",
        message: `They still hold ${cases} to cases, and a ${ROLE_LABELS[c.after.role].toLowerCase()} holds none. Ask their team manager to reallocate them first.`,
      };
  }
  return null;
}

/** The fields that differ between two versions of a user, for the audit record. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<Record<keyof T, { from: unknown; to: unknown }>> {
  const out: Partial<Record<keyof T, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (String(before[key] ?? "") !== String(after[key] ?? "")) out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return out;
}

export const TEAM_KINDS = ["FRONT_DOOR", "EARLY_HELP", "MIXED", "SOCIAL_WORK", "CHILDREN_IN_CARE", "CARE_LEAVERS", "CLINICAL", "MANAGEMENT"] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  FRONT_DOOR: "Front door (MASH)",
  EARLY_HELP: "Early help",
  MIXED: "Mixed: keyworkers and social workers",
  SOCIAL_WORK: "Social work",
  CHILDREN_IN_CARE: "Children in care",
  CARE_LEAVERS: "Care leavers",
  CLINICAL: "Clinical",
  MANAGEMENT: "Management",
};
