// The one role → permission table. Every data function and server action checks it on the server
// (docs/decisions/0006-permissions.md). Navigation uses it too, but only as a convenience.
import type { Role } from "@/lib/domain/roles";

export const PERMISSIONS = [
  "caseload:view-own", // My caseload
  "case:view", // case, family, person and chronology pages (not restricted ones)
  "team:view-own", // the manager's own team page
  "team:view-any", // any team's page
  "search:people",
  "contact:record", // front door contacts
  "contact:decide", // decisions on contacts and referrals
  "allocation:manage",
  "allocation:override-cap",
  "visit:record",
  "summary:edit",
  "transition:request",
  "transition:decide",
  "statutory:record", // assessments, s47, plans, looked-after episodes
  "pathway:record", // a care leaver's pathway plan reviews: often a keyworker is their personal adviser
  "statutory:remove", // remove a statutory record entered in error (twice, or on the wrong child): managers only
  "placement:manage",
  "carer:view", // the council's carers, providers and vacancies (no child named)
  "carer:manage", // add carers and providers, put a household on hold
  "person:merge",
  "person:edit", // a child's identifiers and equality details: date of birth, sex, ethnicity, UPN, LA child id
  "audit:view", // who viewed or changed a child's record
  "record:restrict", // restrict a family's records and name who may open them
  "kpi:view",
  "kpi:view-case-links", // drill down from a KPI to cases
  "export:statutory", // CIN census, SSDA903
  "admin:users",
  "admin:settings",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const PRACTICE: Permission[] = [
  "caseload:view-own",
  "case:view",
  "search:people",
  "contact:record",
  "visit:record",
  "summary:edit",
  "transition:request",
  "pathway:record",
];
const SOCIAL_WORK: Permission[] = [...PRACTICE, "contact:decide", "statutory:record", "person:edit", "placement:manage", "carer:view"];
const MANAGEMENT: Permission[] = [
  "case:view",
  "search:people",
  "contact:record",
  "contact:decide",
  "visit:record",
  "summary:edit",
  "transition:request",
  "transition:decide",
  "statutory:record",
  "statutory:remove",
  "pathway:record",
  "person:edit",
  "placement:manage",
  "carer:view",
  "allocation:manage",
  "person:merge",
  "audit:view",
  "team:view-own",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  SOCIAL_WORKER: SOCIAL_WORK,
  NEWLY_QUALIFIED_SOCIAL_WORKER: SOCIAL_WORK,
  SENIOR_PRACTITIONER: SOCIAL_WORK,
  FAMILY_KEYWORKER: PRACTICE,
  SENIOR_FAMILY_KEYWORKER: PRACTICE,
  CLINICIAN: ["caseload:view-own", "case:view", "search:people", "visit:record", "summary:edit"],
  ASSISTANT_TEAM_MANAGER: MANAGEMENT,
  TEAM_MANAGER: [...MANAGEMENT, "allocation:override-cap", "carer:manage", "record:restrict"],
  HEAD_OF_SERVICE: [...MANAGEMENT, "allocation:override-cap", "record:restrict", "team:view-any", "kpi:view", "kpi:view-case-links", "export:statutory", "carer:manage"],
  // Administrators configure the council; they see no case content.
  TENANT_ADMIN: ["admin:users", "admin:settings", "audit:view", "kpi:view", "export:statutory", "carer:view", "carer:manage"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  if (can(role, "caseload:view-own")) return "/caseload";
  if (can(role, "team:view-any")) return "/teams";
  if (can(role, "team:view-own")) return "/team";
  return "/admin";
}
