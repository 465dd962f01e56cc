// Restricted records (docs/decisions/0019-restricted-records.md): who may open a restricted family's
// records — the family, its people, its cases and everything they hold.
import { can } from "@/lib/auth/permissions";
import type { Role } from "./roles";

export type Viewer = { userId: string; role: Role; teamId: string | null };

/** What the database knows about one viewer and one restricted family. */
export type RestrictionFacts = {
  /** a manager named them, with a reason */
  named: boolean;
  /** they are allocated to one of the family's open cases now */
  allocated: boolean;
  /** their team holds (or held) one of the family's cases */
  teamHoldsCase: boolean;
};

export type AccessBasis = "head of service" | "allocated" | "manages the team" | "named";

/** Why the viewer may open the family's records, or null when they may not. */
export function restrictedAccess(viewer: Viewer, facts: RestrictionFacts): AccessBasis | null {
  if (!can(viewer.role, "case:view")) return null;
  if (can(viewer.role, "team:view-any")) return "head of service";
  if (facts.allocated) return "allocated";
  if (facts.teamHoldsCase && can(viewer.role, "team:view-own")) return "manages the team";
  if (facts.named) return "named";
  return null;
}

/** Who may restrict a family, lift the restriction and name people: the head of service, or a team manager whose team holds one of its cases. */
export function mayManageRestriction(viewer: Viewer, facts: Pick<RestrictionFacts, "teamHoldsCase">): boolean {
  if (!can(viewer.role, "record:restrict")) return false;
  return can(viewer.role, "team:view-any") || facts.teamHoldsCase;
}

/** The sentence shown instead of a restricted record: that it exists, and whom to ask. */
export function askForAccess(managers: string[]): string {
  const who = managers.length === 0 ? "the head of service" : managers.length === 1 ? managers[0] : `${managers.slice(0, -1).join(", ")} or ${managers.at(-1)}`;
  return `This record is restricted. If you need it for your work, ask ${who} for access.`;
}
