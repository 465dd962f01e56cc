// The fictional demo councils: a county, a London borough and a unitary, each with mixed teams of
// family keyworkers and social workers, a children-in-care team and a management team.
import type { Role } from "../../lib/domain/roles";

export type TeamKind = "FRONT_DOOR" | "EARLY_HELP" | "MIXED" | "SOCIAL_WORK" | "CHILDREN_IN_CARE" | "CARE_LEAVERS" | "CLINICAL" | "MANAGEMENT";

export type RosterEntry = {
  role: Role;
  count: number;
  /** the first worker of this entry gets the council's demo login for the role */
  demoLogin?: boolean;
  agency?: number;
  partTime?: number;
};

export type TeamDefinition = { key: string; name: string; kind: TeamKind; roster: RosterEntry[] };

export type CouncilDefinition = {
  slug: string;
  name: string;
  kind: "county" | "london-borough" | "unitary";
  laCode: string;
  childPopulation: number;
  casePrefix: string;
  postcodeAreas: string[];
  settings: Record<string, unknown>;
  teams: TeamDefinition[];
};

export const DEMO_PASSWORD = "Continuum-demo-2026";

/** Demo login email local part for each role, e.g. social.worker@wexcombe.example */
export const DEMO_LOGIN_NAMES: Record<Role, string> = {
  SOCIAL_WORKER: "social.worker",
  NEWLY_QUALIFIED_SOCIAL_WORKER: "nqsw",
  SENIOR_PRACTITIONER: "senior.practitioner",
  FAMILY_KEYWORKER: "keyworker",
  SENIOR_FAMILY_KEYWORKER: "senior.keyworker",
  CLINICIAN: "clinician",
  ASSISTANT_TEAM_MANAGER: "atm",
  TEAM_MANAGER: "team.manager",
  HEAD_OF_SERVICE: "head.of.service",
  TENANT_ADMIN: "admin",
};

const managers = (demo = false): RosterEntry[] => [
  { role: "TEAM_MANAGER", count: 1, demoLogin: demo },
  { role: "ASSISTANT_TEAM_MANAGER", count: 1, demoLogin: demo },
];

export const COUNCILS: CouncilDefinition[] = [
  {
    slug: "wexcombe",
    name: "Wexcombe County Council",
    kind: "county",
    laCode: "990",
    childPopulation: 238_000,
    casePrefix: "WX",
    postcodeAreas: ["WX1", "WX2", "WX3", "WX4", "WX5", "WX6", "WX7", "WX8"],
    // shares with Tamsbridge, which names it back, and has named Kingsmere (992), which does not share
    settings: { benchmarking: { optIn: true, group: "Southern partnership", partners: ["991", "992"] } },
    teams: [
      {
        key: "north",
        name: "Support and Safeguarding North",
        kind: "MIXED",
        roster: [
          ...managers(true),
          { role: "SOCIAL_WORKER", count: 4, demoLogin: true, agency: 1 },
          { role: "NEWLY_QUALIFIED_SOCIAL_WORKER", count: 1, demoLogin: true },
          { role: "SENIOR_PRACTITIONER", count: 1, demoLogin: true },
          { role: "FAMILY_KEYWORKER", count: 3, demoLogin: true, partTime: 1 },
          { role: "SENIOR_FAMILY_KEYWORKER", count: 1, demoLogin: true },
        ],
      },
      {
        key: "south",
        name: "Support and Safeguarding South",
        kind: "MIXED",
        roster: [
          ...managers(),
          { role: "SOCIAL_WORKER", count: 4, agency: 2 },
          { role: "NEWLY_QUALIFIED_SOCIAL_WORKER", count: 1 },
          { role: "FAMILY_KEYWORKER", count: 3 },
        ],
      },
      {
        key: "early-help",
        name: "Early Help East",
        kind: "EARLY_HELP",
        roster: [{ role: "TEAM_MANAGER", count: 1 }, { role: "FAMILY_KEYWORKER", count: 4, partTime: 1 }, { role: "SENIOR_FAMILY_KEYWORKER", count: 1 }],
      },
      {
        key: "cic",
        name: "Children in Care",
        kind: "CHILDREN_IN_CARE",
        roster: [...managers(), { role: "SOCIAL_WORKER", count: 4, agency: 1 }, { role: "SENIOR_PRACTITIONER", count: 1 }],
      },
      {
        key: "leaving-care",
        name: "Leaving Care",
        kind: "CARE_LEAVERS",
        roster: [{ role: "TEAM_MANAGER", count: 1 }, { role: "FAMILY_KEYWORKER", count: 2 }, { role: "SOCIAL_WORKER", count: 1 }],
      },
      {
        key: "clinical",
        name: "Family Therapy Service",
        kind: "CLINICAL",
        roster: [{ role: "CLINICIAN", count: 2, demoLogin: true, partTime: 1 }],
      },
      {
        key: "management",
        name: "Children's Services Management",
        kind: "MANAGEMENT",
        roster: [{ role: "HEAD_OF_SERVICE", count: 1, demoLogin: true }, { role: "TENANT_ADMIN", count: 1, demoLogin: true }],
      },
    ],
  },
  {
    slug: "tamsbridge",
    name: "London Borough of Tamsbridge",
    kind: "london-borough",
    laCode: "991",
    childPopulation: 56_400,
    casePrefix: "TB",
    postcodeAreas: ["TB1", "TB2", "TB3", "TB4"],
    settings: {
      benchmarking: { optIn: true, group: "Southern partnership", partners: ["990"] },
      caseload: { countingUnit: "FAMILIES", capsByRole: { SOCIAL_WORKER: 12, FAMILY_KEYWORKER: 10 }, weightsEnabled: true },
    },
    teams: [
      {
        key: "family-support",
        name: "Family Support and Protection",
        kind: "MIXED",
        roster: [
          ...managers(true),
          { role: "SOCIAL_WORKER", count: 4, demoLogin: true, agency: 2 },
          { role: "NEWLY_QUALIFIED_SOCIAL_WORKER", count: 1, demoLogin: true },
          { role: "SENIOR_PRACTITIONER", count: 1, demoLogin: true },
          { role: "FAMILY_KEYWORKER", count: 2, demoLogin: true },
          { role: "SENIOR_FAMILY_KEYWORKER", count: 1, demoLogin: true },
          { role: "CLINICIAN", count: 1, demoLogin: true },
        ],
      },
      {
        key: "assessment",
        name: "Assessment and Intervention",
        kind: "SOCIAL_WORK",
        roster: [{ role: "TEAM_MANAGER", count: 1 }, { role: "SOCIAL_WORKER", count: 4, agency: 1 }],
      },
      {
        key: "cic",
        name: "Looked After Children and Leaving Care",
        kind: "CHILDREN_IN_CARE",
        roster: [{ role: "TEAM_MANAGER", count: 1 }, { role: "SOCIAL_WORKER", count: 3 }, { role: "FAMILY_KEYWORKER", count: 1 }],
      },
      {
        key: "management",
        name: "Children's Services Management",
        kind: "MANAGEMENT",
        roster: [{ role: "HEAD_OF_SERVICE", count: 1, demoLogin: true }, { role: "TENANT_ADMIN", count: 1, demoLogin: true }],
      },
    ],
  },
  {
    slug: "kingsmere",
    name: "Kingsmere Council",
    kind: "unitary",
    laCode: "992",
    childPopulation: 41_800,
    casePrefix: "KM",
    postcodeAreas: ["KM1", "KM2", "KM3"],
    settings: {},
    teams: [
      {
        key: "family-help",
        name: "Family Help",
        kind: "MIXED",
        roster: [
          ...managers(true),
          { role: "SOCIAL_WORKER", count: 3, demoLogin: true },
          { role: "NEWLY_QUALIFIED_SOCIAL_WORKER", count: 1, demoLogin: true },
          { role: "SENIOR_PRACTITIONER", count: 1, demoLogin: true },
          { role: "FAMILY_KEYWORKER", count: 3, demoLogin: true, partTime: 1 },
          { role: "SENIOR_FAMILY_KEYWORKER", count: 1, demoLogin: true },
          { role: "CLINICIAN", count: 1, demoLogin: true },
        ],
      },
      {
        key: "early-help",
        name: "Early Help",
        kind: "EARLY_HELP",
        roster: [{ role: "TEAM_MANAGER", count: 1 }, { role: "FAMILY_KEYWORKER", count: 2 }],
      },
      {
        key: "cic",
        name: "Children in Care",
        kind: "CHILDREN_IN_CARE",
        roster: [{ role: "TEAM_MANAGER", count: 1 }, { role: "SOCIAL_WORKER", count: 3, agency: 1 }, { role: "FAMILY_KEYWORKER", count: 1 }],
      },
      {
        key: "management",
        name: "Children's Services Management",
        kind: "MANAGEMENT",
        roster: [{ role: "HEAD_OF_SERVICE", count: 1, demoLogin: true }, { role: "TENANT_ADMIN", count: 1, demoLogin: true }],
      },
    ],
  },
];
