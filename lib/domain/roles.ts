// Roles and levels of involvement: names and groupings used by permissions, navigation and rules.
// Plain data, no I/O (docs/design domain.md "Who uses it").

export const ROLES = [
  "SOCIAL_WORKER",
  "NEWLY_QUALIFIED_SOCIAL_WORKER",
  "SENIOR_PRACTITIONER",
  "FAMILY_KEYWORKER",
  "SENIOR_FAMILY_KEYWORKER",
  "CLINICIAN",
  "ASSISTANT_TEAM_MANAGER",
  "TEAM_MANAGER",
  "HEAD_OF_SERVICE",
  "TENANT_ADMIN",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  SOCIAL_WORKER: "Social worker",
  NEWLY_QUALIFIED_SOCIAL_WORKER: "Newly qualified social worker",
  SENIOR_PRACTITIONER: "Senior practitioner",
  FAMILY_KEYWORKER: "Family keyworker",
  SENIOR_FAMILY_KEYWORKER: "Senior family keyworker",
  CLINICIAN: "Clinician",
  ASSISTANT_TEAM_MANAGER: "Assistant team manager",
  TEAM_MANAGER: "Team manager",
  HEAD_OF_SERVICE: "Head of service",
  TENANT_ADMIN: "Tenant administrator",
};

/** Roles that hold cases (and so appear in caseload counts and caps). */
export const CASE_HOLDING_ROLES: readonly Role[] = [
  "SOCIAL_WORKER",
  "NEWLY_QUALIFIED_SOCIAL_WORKER",
  "SENIOR_PRACTITIONER",
  "FAMILY_KEYWORKER",
  "SENIOR_FAMILY_KEYWORKER",
  "CLINICIAN",
];

/** Qualified social work roles: may lead statutory cases (CIN, CP, looked after). */
export const SOCIAL_WORK_ROLES: readonly Role[] = ["SOCIAL_WORKER", "NEWLY_QUALIFIED_SOCIAL_WORKER", "SENIOR_PRACTITIONER"];

export const KEYWORKER_ROLES: readonly Role[] = ["FAMILY_KEYWORKER", "SENIOR_FAMILY_KEYWORKER"];

export const MANAGER_ROLES: readonly Role[] = ["ASSISTANT_TEAM_MANAGER", "TEAM_MANAGER"];

export const LEVELS = ["EARLY_HELP", "SUPPORT", "CHILD_IN_NEED", "CHILD_PROTECTION", "LOOKED_AFTER", "CARE_LEAVER"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  EARLY_HELP: "Early help",
  SUPPORT: "Support",
  CHILD_IN_NEED: "Child in need",
  CHILD_PROTECTION: "Child protection",
  LOOKED_AFTER: "Looked after",
  CARE_LEAVER: "Care leaver",
};

export const STATUTORY_LEVELS: readonly Level[] = ["CHILD_IN_NEED", "CHILD_PROTECTION", "LOOKED_AFTER", "CARE_LEAVER"];

export const ALLOCATION_ROLE_LABELS = { LEAD: "Lead", CO_WORKER: "Co-worker", CLINICIAN: "Clinician" } as const;
export type AllocationRole = keyof typeof ALLOCATION_ROLE_LABELS;
