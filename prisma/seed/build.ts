// Builds the demo data for one council as plain rows, deterministically: the same council definition,
// seed and "today" give the same rows. Dates are relative to `today` so the demo never goes stale.
import { Faker, base, en, en_GB } from "@faker-js/faker";
import { addDays, addMonths, ageOn } from "../../lib/domain/dates";
import { upnCheckLetter } from "../../lib/domain/identifiers";
import { parseTenantSettings } from "../../lib/domain/tenant-settings";
import { MANAGER_ROLES, SOCIAL_WORK_ROLES, type Level, type Role } from "../../lib/domain/roles";
import { DEMO_LOGIN_NAMES, type CouncilDefinition, type TeamDefinition } from "./councils";

export type SeedUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string;
  fte: number;
  employment: "PERMANENT" | "AGENCY";
  caseloadCap: number | null;
  demoLogin: boolean;
  /** Social Work England registration number, for registered social workers (SSDA903 SW_ID) */
  sweRegistration: string | null;
};
export type SeedPerson = {
  id: string;
  kind: "CHILD" | "ADULT";
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: "M" | "F" | "U";
  ethnicity: string | null;
  upn: string | null;
  laChildId: string | null;
  postcode: string;
};
export type SeedCase = {
  id: string;
  reference: string;
  familyId: string;
  teamId: string;
  level: Level;
  status: "OPEN" | "CLOSED";
  openedOn: string;
  closedOn: string | null;
  closureReason: string | null;
};
export type SeedAllocation = {
  id: string;
  caseId: string;
  workerId: string;
  roleOnCase: "LEAD" | "CO_WORKER" | "CLINICIAN";
  startDate: string;
  endDate: string | null;
  endReason: string | null;
};

export type CouncilSeed = {
  tenant: { id: string; name: string; slug: string; laCode: string; childPopulation: number; settings: Record<string, unknown> };
  teams: { id: string; name: string; kind: TeamDefinition["kind"]; key: string }[];
  users: SeedUser[];
  families: { id: string; name: string; address: string; postcode: string }[];
  people: SeedPerson[];
  familyMembers: { familyId: string; personId: string; relationship: string; isMainCarer: boolean }[];
  relationships: { id: string; personId: string; relatedPersonId: string; relationship: string }[];
  cases: SeedCase[];
  caseChildren: { caseId: string; personId: string; addedOn: string; removedOn: string | null }[];
  allocations: SeedAllocation[];
  statutory: StatutorySeed;
  /** visits to open cases over the last months, most on time, some falling behind, some never made */
  visits: SeedVisit[];
  /** contacts at the front door waiting for a decision */
  contacts: SeedContact[];
};

export type SeedVisit = {
  id: string;
  caseId: string;
  visitedAt: string;
  type: "HOME" | "STATUTORY" | "SCHOOL" | "OFFICE";
  note: string;
  wishesAndFeelings: string | null;
  significant: boolean;
  recordedById: string;
  children: { personId: string; seenAlone: boolean }[];
};

export type SeedContact = { id: string; receivedOn: string; source: string; reason: string; familyId: string; recordedById: string; childIds: string[] };

export type SeedCarer = {
  id: string;
  kind: "FOSTER_HOUSEHOLD" | "FOSTERING_AGENCY" | "RESIDENTIAL";
  name: string;
  provider: string;
  approvedPlaces: number | null;
  ageFrom: number | null;
  ageTo: number | null;
  postcode: string;
  latitude: number;
  longitude: number;
  laCode: string;
  usualWeeklyRate: number;
  urn: string;
};

/** A fictional authority next to each demo council, where its children's home and one agency are. */
const NEIGHBOUR_LA_CODE = "999";
const NEIGHBOUR_POSTCODE = "NX1 4QT";

/** Where each demo council is (decision 0015: coordinates are stored, not looked up). */
const COUNCIL_CENTRES: Record<string, { latitude: number; longitude: number }> = {
  wexcombe: { latitude: 51.07, longitude: -1.8 },
  tamsbridge: { latitude: 51.5, longitude: -0.12 },
  kingsmere: { latitude: 52.95, longitude: -1.15 },
};

export type StatutorySeed = {
  episodes: { id: string; personId: string; caseId: string; referralDate: string; referralSource: string; primaryNeedCode: string; closureDate: string | null; closureReason: string | null }[];
  assessments: { id: string; personId: string; caseId: string; cinEpisodeId: string; startDate: string; authorisedDate: string | null; factors: string[]; recordedById: string }[];
  section47s: { id: string; personId: string; caseId: string; cinEpisodeId: string; strategyDiscussionDate: string; startDate: string; icpcDate: string | null; recordedById: string }[];
  cpPlans: { id: string; personId: string; caseId: string; cinEpisodeId: string; startDate: string; endDate: string | null; category: string; recordedById: string; reviews: string[]; coreGroups: string[] }[];
  cinPlans: { id: string; personId: string; caseId: string; cinEpisodeId: string; startDate: string; endDate: string | null; recordedById: string }[];
  carePeriods: { id: string; personId: string; caseId: string; startDate: string; endDate: string | null; reasonEnded: string | null; categoryOfNeed: string }[];
  careEpisodes: {
    id: string;
    carePeriodId: string;
    personId: string;
    startDate: string;
    endDate: string | null;
    legalStatus: string;
    reasonNewEpisode: string;
    place: string;
    provider: string | null;
    homePostcode: string;
    placementPostcode: string;
    weeklyCost: number;
    urn: string;
    reasonPlaceChange: string | null;
    carerId?: string | null;
    homeLatitude?: number;
    homeLongitude?: number;
    placementLatitude?: number;
    placementLongitude?: number;
    placementLaCode?: string;
  }[];
  carers: SeedCarer[];
  laReviews: { personId: string; carePeriodId: string; reviewDate: string; reviewCode: string }[];
  healthAssessments: { personId: string; kind: "INITIAL" | "REVIEW"; assessmentDate: string }[];
  pathwayPlanReviews: { personId: string; reviewDate: string }[];
};

const ETHNICITIES: [string, number][] = [
  ["WBRI", 62], ["WOTH", 7], ["WIRI", 1], ["WROM", 1], ["MWBC", 4], ["MWBA", 2], ["MWAS", 2], ["MOTH", 3],
  ["AIND", 3], ["APKN", 3], ["ABAN", 2], ["AOTH", 2], ["BCRB", 2], ["BAFR", 4], ["BOTH", 1], ["CHNE", 1],
  ["OOTH", 2], ["NOBT", 1],
];

const CLOSURE_REASONS = ["RC7", "RC7", "RC7", "RC8", "RC9", "RC5", "RC3", "RC4"];

type LevelMix = [Level, number][];

function leadLevels(team: TeamDefinition, role: Role): LevelMix {
  const socialWorker = role === "SOCIAL_WORKER" || role === "NEWLY_QUALIFIED_SOCIAL_WORKER" || role === "SENIOR_PRACTITIONER";
  switch (team.kind) {
    case "CHILDREN_IN_CARE":
      return socialWorker ? [["LOOKED_AFTER", 1]] : [["CARE_LEAVER", 1]];
    case "CARE_LEAVERS":
      return [["CARE_LEAVER", 1]];
    case "EARLY_HELP":
      return [["EARLY_HELP", 4], ["SUPPORT", 1]];
    case "SOCIAL_WORK":
      return [["CHILD_IN_NEED", 11], ["CHILD_PROTECTION", 9]];
    case "MIXED":
      return socialWorker
        ? [["CHILD_IN_NEED", 10], ["CHILD_PROTECTION", 8], ["LOOKED_AFTER", 2]]
        : [["SUPPORT", 3], ["EARLY_HELP", 1]];
    default:
      return [];
  }
}

export function buildCouncil(council: CouncilDefinition, seed: number, today: string): CouncilSeed {
  const f = new Faker({ locale: [en_GB, en, base] });
  f.seed(seed);
  const uuid = () => f.string.uuid();
  const pick = <T,>(items: readonly T[]) => items[f.number.int({ min: 0, max: items.length - 1 })]!;
  const weighted = <T,>(items: readonly [T, number][]) => f.helpers.weightedArrayElement(items.map(([value, weight]) => ({ value, weight })));
  const chance = (p: number) => f.number.float({ min: 0, max: 1 }) < p;
  const daysAgo = (min: number, max: number) => addDays(today, -f.number.int({ min, max }));
  const postcode = () => `${pick(council.postcodeAreas)} ${f.number.int({ min: 1, max: 9 })}${f.string.fromCharacters("ABDEFGHJLNPQRSTUWXYZ", 2)}`;

  const settings = parseTenantSettings(council.settings);
  const tenant = { id: uuid(), name: council.name, slug: council.slug, laCode: council.laCode, childPopulation: council.childPopulation, settings: council.settings };
  const out: CouncilSeed = {
    tenant,
    teams: [],
    users: [],
    families: [],
    people: [],
    familyMembers: [],
    relationships: [],
    cases: [],
    caseChildren: [],
    allocations: [],
    statutory: { episodes: [], assessments: [], section47s: [], cpPlans: [], cinPlans: [], carePeriods: [], careEpisodes: [], laReviews: [], healthAssessments: [], pathwayPlanReviews: [], carers: [] },
    visits: [],
    contacts: [],
  };

  // Teams and workers
  const usedEmails = new Set<string>();
  const workersByTeam = new Map<string, { user: SeedUser; team: TeamDefinition; indexInRole: number }[]>();
  for (const team of council.teams) {
    const teamId = uuid();
    out.teams.push({ id: teamId, name: team.name, kind: team.kind, key: team.key });
    const members: { user: SeedUser; team: TeamDefinition; indexInRole: number }[] = [];
    for (const entry of team.roster) {
      for (let i = 0; i < entry.count; i++) {
        const first = f.person.firstName();
        const last = f.person.lastName();
        const demoLogin = Boolean(entry.demoLogin) && i === 0;
        let email = demoLogin
          ? `${DEMO_LOGIN_NAMES[entry.role]}@${council.slug}.example`
          : `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + `@${council.slug}.example`;
        for (let n = 2; usedEmails.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
        usedEmails.add(email);
        const partTime = i < (entry.partTime ?? 0) && !demoLogin;
        const user: SeedUser = {
          id: uuid(),
          email,
          name: `${first} ${last}`,
          role: entry.role,
          teamId,
          fte: partTime ? 0.6 : 1,
          employment: i >= entry.count - (entry.agency ?? 0) ? "AGENCY" : "PERMANENT",
          caseloadCap: null,
          demoLogin,
          // deterministic, so the random stream (and the rest of the demo) is unchanged
          sweRegistration: SOCIAL_WORK_ROLES.includes(entry.role) || MANAGER_ROLES.includes(entry.role) ? `SW${council.laCode}${String(out.users.length + 1).padStart(4, "0")}` : null,
        };
        out.users.push(user);
        members.push({ user, team, indexInRole: i });
      }
    }
    workersByTeam.set(teamId, members);
  }

  // Families, people and cases
  let caseNumber = 1;
  let childNumber = 1;
  const newFamily = (level: Level, childCount: number, opened: string) => {
    const lastName = f.person.lastName();
    const familyPostcode = postcode();
    const family = { id: uuid(), name: `${lastName} family`, address: f.location.streetAddress(), postcode: familyPostcode };
    out.families.push(family);
    const children: SeedPerson[] = [];
    for (let c = 0; c < childCount; c++) {
      const unborn = level === "CHILD_PROTECTION" && c === 0 && childCount === 1 && chance(0.06);
      const [minAge, maxAge] = level === "CARE_LEAVER" ? [18, 21] : level === "LOOKED_AFTER" ? [1, 17] : [0, 16];
      const dob = unborn ? null : f.date.birthdate({ mode: "age", min: minAge, max: maxAge, refDate: new Date(`${today}T12:00:00Z`) }).toISOString().slice(0, 10);
      const sex = unborn ? "U" : (pick(["M", "F"] as const) as "M" | "F");
      // children who are or have been at school in England hold a UPN
      const schoolAge = dob !== null && ageOn(dob, today) >= 4 && ageOn(dob, today) <= 17;
      const upnRest = `${council.laCode}${f.string.numeric(8)}${f.string.numeric(1)}`;
      const child: SeedPerson = {
        id: uuid(),
        kind: "CHILD",
        firstName: unborn ? "Unborn" : f.person.firstName(sex === "M" ? "male" : "female"),
        lastName,
        dateOfBirth: dob && dob > opened ? opened : dob,
        expectedDateOfBirth: unborn ? addDays(today, f.number.int({ min: 20, max: 120 })) : null,
        sex,
        ethnicity: unborn ? "NOBT" : weighted(ETHNICITIES),
        upn: schoolAge ? `${upnCheckLetter(upnRest)}${upnRest}` : null,
        laChildId: `${council.casePrefix}${String(childNumber++).padStart(6, "0")}`,
        postcode: familyPostcode,
      };
      children.push(child);
      out.people.push(child);
      out.familyMembers.push({ familyId: family.id, personId: child.id, relationship: "CHILD", isMainCarer: false });
    }
    const adults: { person: SeedPerson; relationship: string }[] = [];
    if (level !== "CARE_LEAVER") {
      const roles = chance(0.45) ? ["MOTHER", "FATHER"] : [pick(["MOTHER", "MOTHER", "MOTHER", "FATHER", "GRANDPARENT"])];
      for (const relationship of roles) {
        const sex = relationship === "MOTHER" ? "F" : relationship === "FATHER" ? "M" : pick(["M", "F"] as const);
        const adult: SeedPerson = {
          id: uuid(),
          kind: "ADULT",
          firstName: f.person.firstName(sex === "M" ? "male" : "female"),
          lastName: relationship === "GRANDPARENT" ? f.person.lastName() : lastName,
          dateOfBirth: f.date.birthdate({ mode: "age", min: relationship === "GRANDPARENT" ? 50 : 21, max: relationship === "GRANDPARENT" ? 72 : 48, refDate: new Date(`${today}T12:00:00Z`) }).toISOString().slice(0, 10),
          expectedDateOfBirth: null,
          sex: sex as "M" | "F",
          ethnicity: null,
          upn: null,
          laChildId: null,
          postcode: familyPostcode,
        };
        out.people.push(adult);
        adults.push({ person: adult, relationship });
        out.familyMembers.push({ familyId: family.id, personId: adult.id, relationship, isMainCarer: adults.length === 1 });
        for (const child of children) {
          out.relationships.push({ id: uuid(), personId: adult.id, relatedPersonId: child.id, relationship });
        }
      }
    }
    return { family, children };
  };

  const openDays: Record<Level, [number, number]> = {
    EARLY_HELP: [7, 300],
    SUPPORT: [7, 400],
    CHILD_IN_NEED: [10, 500],
    CHILD_PROTECTION: [20, 600],
    LOOKED_AFTER: [60, 1400],
    CARE_LEAVER: [200, 1500],
  };

  const addCase = (teamId: string, level: Level, childCount: number, status: "OPEN" | "CLOSED" = "OPEN") => {
    const [minDays, maxDays] = openDays[level];
    const openedOn = status === "OPEN" ? daysAgo(minDays, maxDays) : daysAgo(120, 900);
    const { family, children } = newFamily(level, childCount, openedOn);
    const closedOn = status === "CLOSED" ? addDays(openedOn, f.number.int({ min: 30, max: 110 })) : null;
    const c: SeedCase = {
      id: uuid(),
      reference: `${council.casePrefix}-${String(caseNumber++).padStart(5, "0")}`,
      familyId: family.id,
      teamId,
      level,
      status,
      openedOn,
      closedOn,
      closureReason: status === "CLOSED" ? pick(CLOSURE_REASONS) : null,
    };
    out.cases.push(c);
    for (const child of children) out.caseChildren.push({ caseId: c.id, personId: child.id, addedOn: openedOn, removedOn: null });
    return { c, children };
  };

  const allocate = (c: SeedCase, workerId: string, roleOnCase: SeedAllocation["roleOnCase"], startDate: string, end?: { date: string; reason: string }) => {
    out.allocations.push({ id: uuid(), caseId: c.id, workerId, roleOnCase, startDate, endDate: end?.date ?? null, endReason: end?.reason ?? null });
  };

  const unit = settings.caseload.countingUnit;
  const load = new Map<string, number>();
  const addLoad = (workerId: string, children: number) => load.set(workerId, (load.get(workerId) ?? 0) + (unit === "FAMILIES" ? 1 : children));

  for (const teamDef of out.teams) {
    const members = workersByTeam.get(teamDef.id)!;
    const team = members[0]?.team;
    if (!team) continue;
    const practitioners = members.filter(({ user }) => leadLevels(team, user.role).length > 0 && settings.caseload.capsByRole[user.role] !== null);
    const keyworkers = members.filter(({ user }) => user.role === "FAMILY_KEYWORKER" || user.role === "SENIOR_FAMILY_KEYWORKER");
    let socialWorkerIndex = 0;

    for (const { user } of practitioners) {
      const levels = leadLevels(team, user.role);
      const baseCap = settings.caseload.capsByRole[user.role]!;
      const levelCap = levels.length === 1 ? settings.caseload.capsByLevel[levels[0]![0]] : undefined;
      const cap = Math.floor(Math.min(baseCap, levelCap ?? baseCap) * (settings.caseload.fteScaling ? user.fte : 1));
      // Social workers in mixed and social work teams: the first sits just under the cap, the second
      // is over it, the third at it; everyone else has room.
      let target: number;
      if (user.role === "SOCIAL_WORKER" && (team.kind === "MIXED" || team.kind === "SOCIAL_WORK" || team.kind === "CHILDREN_IN_CARE")) {
        target = [cap - 1, cap + 1, cap][socialWorkerIndex] ?? Math.round(cap * f.number.float({ min: 0.45, max: 0.8 }));
        socialWorkerIndex++;
      } else {
        target = Math.round(cap * f.number.float({ min: 0.4, max: 0.75 }));
      }
      const isSocialWorker = user.role === "SOCIAL_WORKER" || user.role === "NEWLY_QUALIFIED_SOCIAL_WORKER" || user.role === "SENIOR_PRACTITIONER";
      while ((load.get(user.id) ?? 0) < target) {
        const remaining = target - (load.get(user.id) ?? 0);
        const level = weighted(levels);
        const wanted = level === "LOOKED_AFTER" || level === "CARE_LEAVER" ? 1 : weighted([[1, 5], [2, 4], [3, 2]] as [number, number][]);
        const childCount = unit === "FAMILIES" ? wanted : Math.min(wanted, remaining);
        const { c, children } = addCase(teamDef.id, level, childCount);
        // a fifth of statutory cases changed social worker at least once
        let start = c.openedOn;
        if (isSocialWorker && chance(0.2)) {
          const previous = pick(practitioners.filter((p) => p.user.id !== user.id).map((p) => p.user.id).concat(user.id));
          if (previous !== user.id) {
            start = addDays(c.openedOn, f.number.int({ min: 5, max: 60 }));
            if (start > today) start = today;
            allocate(c, previous, "LEAD", c.openedOn, { date: start, reason: pick(["Worker left the team", "Caseload rebalanced", "Change of worker requested by the family"]) });
          }
        }
        allocate(c, user.id, "LEAD", start);
        addLoad(user.id, children.length);
        // In mixed teams the family keyworker from before a step-up stays on as co-worker.
        if (isSocialWorker && team.kind === "MIXED" && keyworkers.length > 0 && chance(0.3) && level !== "LOOKED_AFTER") {
          const keyworker = pick(keyworkers).user;
          allocate(c, keyworker.id, "CO_WORKER", c.openedOn);
          addLoad(keyworker.id, children.length);
        }
      }
    }

    // Clinicians co-work some of the mixed teams' cases.
    if (team.kind === "MIXED") {
      const clinicians = out.users.filter((u) => u.role === "CLINICIAN");
      const teamCases = out.cases.filter((c) => c.teamId === teamDef.id && c.status === "OPEN" && c.level !== "LOOKED_AFTER");
      for (const clinician of clinicians) {
        const count = Math.min(5, teamCases.length);
        for (const c of f.helpers.arrayElements(teamCases, count)) {
          if (out.allocations.some((a) => a.caseId === c.id && a.workerId === clinician.id)) continue;
          allocate(c, clinician.id, "CLINICIAN", addDays(c.openedOn, 3) > today ? today : addDays(c.openedOn, 3));
        }
      }
      // New referrals waiting for a worker
      for (let i = 0; i < 2; i++) {
        const { c } = addCase(teamDef.id, pick(["CHILD_IN_NEED", "SUPPORT"] as const), weighted([[1, 2], [2, 1]] as [number, number][]));
        c.openedOn = daysAgo(0, 4);
        out.caseChildren.filter((cc) => cc.caseId === c.id).forEach((cc) => (cc.addedOn = c.openedOn));
      }
    }

    // Some closed history for every case-holding team
    if (practitioners.length > 0) {
      for (let i = 0; i < 6; i++) {
        const lead = pick(practitioners).user;
        const { c } = addCase(teamDef.id, weighted(leadLevels(team, lead.role)), 1, "CLOSED");
        allocate(c, lead.id, "LEAD", c.openedOn, { date: c.closedOn!, reason: "Case closed" });
      }
    }
  }

  addDuplicates();
  addStatutoryHistory();
  addCarers();
  addVisitsAndContacts();
  addReReferrals();
  return out;

  /**
   * Re-referrals, as every council has them (England: about one referral in five): some children
   * referred in the last year had an earlier case, closed a few months before (own random stream for
   * the choices; it runs last, so nothing before it changes).
   */
  function addReReferrals() {
    const r = new Faker({ locale: [en_GB, en, base] });
    r.seed(seed + 104723);
    const st = out.statutory;
    const byId = new Map(out.people.map((p) => [p.id, p]));
    const recent = st.episodes.filter((e) => e.closureDate === null && e.referralDate >= addDays(today, -330) && e.referralDate <= addDays(today, -20));
    for (const e of recent) {
      if (r.number.float({ min: 0, max: 1 }) >= 0.22) continue;
      const child = byId.get(e.personId)!;
      const closedOn = addDays(e.referralDate, -r.number.int({ min: 30, max: 240 }));
      const openedOn = addDays(closedOn, -r.number.int({ min: 25, max: 90 }));
      if (!child.dateOfBirth || child.dateOfBirth > addDays(openedOn, -30)) continue;
      const current = out.cases.find((c) => c.id === e.caseId)!;
      const earlier: SeedCase = {
        id: uuid(),
        reference: `${council.casePrefix}-${String(caseNumber++).padStart(5, "0")}`,
        familyId: current.familyId,
        teamId: current.teamId,
        level: "CHILD_IN_NEED",
        status: "CLOSED",
        openedOn,
        closedOn,
        closureReason: r.helpers.arrayElement(CLOSURE_REASONS),
      };
      out.cases.push(earlier);
      out.caseChildren.push({ caseId: earlier.id, personId: child.id, addedOn: openedOn, removedOn: null });
      const worker = out.allocations.find((a) => a.caseId === current.id && a.roleOnCase === "LEAD")?.workerId ?? out.users.find((u) => u.role === "SOCIAL_WORKER")!.id;
      allocate(earlier, worker, "LEAD", openedOn, { date: closedOn, reason: "Case closed" });
      const episodeId = uuid();
      st.episodes.push({
        id: episodeId,
        personId: child.id,
        caseId: earlier.id,
        referralDate: openedOn,
        referralSource: r.helpers.arrayElement(["2A", "3A", "5A", "1A", "6"]),
        primaryNeedCode: r.helpers.arrayElement(["N1", "N2", "N3", "N4", "N5", "N8"]),
        closureDate: closedOn,
        closureReason: earlier.closureReason,
      });
      const start = addDays(openedOn, r.number.int({ min: 0, max: 3 }));
      st.assessments.push({
        id: uuid(),
        personId: child.id,
        caseId: earlier.id,
        cinEpisodeId: episodeId,
        startDate: start,
        // within 23 days of the referral: the earlier case stayed open at least 25
        authorisedDate: addDays(start, r.number.int({ min: 10, max: 20 })),
        factors: r.helpers.arrayElements(["1B", "2B", "3A", "3B", "4B", "21"], r.number.int({ min: 1, max: 2 })),
        recordedById: worker,
      });
    }
  }

  /**
   * Visits to open cases over the last six months (own random stream: the rest is unchanged). Most
   * cases are visited about as often as their level needs; about one in seven has fallen behind and
   * one in eight has not been visited yet, so the due lists and drift have something to show without
   * every case being overdue. And a few contacts waiting at the front door.
   */
  function addVisitsAndContacts() {
    const v = new Faker({ locale: [en_GB, en, base] });
    v.seed(seed + 15485863);
    const int = (min: number, max: number) => v.number.int({ min, max });
    const every: Record<Level, number> = { EARLY_HELP: 21, SUPPORT: 21, CHILD_IN_NEED: 21, CHILD_PROTECTION: 9, LOOKED_AFTER: 35, CARE_LEAVER: 42 };
    const notes = [
      "Seen at home with mum. The house was warm and tidy; food in the cupboards.",
      "Visited after school. Talked through the plan; mum says the mornings are easier.",
      "Home visit with dad present. Discussed school attendance and the new routine.",
      "Met at school with the designated safeguarding lead. Attendance has improved.",
      "Seen at the office with mum. Went through the actions from the last review.",
      "Unannounced home visit. Children settled; bedrooms seen.",
    ];
    const wishes = ["Wants to stay at the same school.", "Would like to see dad more often.", "Says home feels calmer now.", "Worries about mum when she is unwell.", null, null];
    const leadOf = new Map(out.allocations.filter((a) => a.roleOnCase === "LEAD" && !a.endDate).map((a) => [a.caseId, a.workerId]));
    const byId = new Map(out.people.map((p) => [p.id, p]));
    for (const c of out.cases) {
      const lead = leadOf.get(c.id);
      if (c.status !== "OPEN" || !lead) continue;
      const roll = v.number.float({ min: 0, max: 1 });
      if (roll < 0.12) continue; // not visited yet
      const interval = every[c.level];
      const children = out.caseChildren.filter((cc) => cc.caseId === c.id && !cc.removedOn).map((cc) => byId.get(cc.personId)!).filter((p) => p.dateOfBirth);
      if (children.length === 0) continue;
      // falling behind: the last visit well past the interval; otherwise recent
      let day = addDays(today, -(roll < 0.27 ? int(Math.round(interval * 1.3), Math.round(interval * 2.5)) : int(1, Math.max(1, Math.round(interval * 0.8)))));
      const earliest = [c.openedOn, addDays(today, -180)].sort().at(-1)!;
      while (day >= earliest && day < today) {
        out.visits.push({
          id: v.string.uuid(),
          caseId: c.id,
          visitedAt: `${day}T${String(int(9, 16)).padStart(2, "0")}:${v.helpers.arrayElement(["00", "15", "30", "45"])}:00Z`,
          type: c.level === "CHILD_PROTECTION" || c.level === "LOOKED_AFTER" ? v.helpers.arrayElement(["STATUTORY", "HOME", "HOME", "SCHOOL"] as const) : v.helpers.arrayElement(["HOME", "HOME", "SCHOOL", "OFFICE"] as const),
          note: v.helpers.arrayElement(notes),
          wishesAndFeelings: v.helpers.arrayElement(wishes),
          significant: v.number.float({ min: 0, max: 1 }) < 0.85,
          recordedById: lead,
          children: children.map((p) => ({ personId: p.id, seenAlone: ageOn(p.dateOfBirth!, day) >= 6 && v.datatype.boolean() })),
        });
        day = addDays(day, -(interval + int(-3, 3)));
      }
    }
    // contacts waiting for a decision: new worries about families the council already knows
    const recorder = out.users.find((u) => u.role === "SOCIAL_WORKER")!;
    const knownFamilies = v.helpers.arrayElements(out.cases.filter((c) => c.status === "OPEN" && (c.level === "SUPPORT" || c.level === "EARLY_HELP")), 3);
    const reasons = [
      "School reports the child arrived hungry and upset three days running.",
      "Health visitor concerned about the home conditions and mum's low mood.",
      "Police attended a domestic incident at the address last night; children present.",
    ];
    knownFamilies.forEach((c, i) => {
      out.contacts.push({
        id: v.string.uuid(),
        receivedOn: addDays(today, -int(0, 6)),
        source: v.helpers.arrayElement(["2A", "3A", "5A", "1A"]),
        reason: reasons[i % reasons.length]!,
        familyId: c.familyId,
        recordedById: recorder.id,
        childIds: out.caseChildren.filter((cc) => cc.caseId === c.id && !cc.removedOn).map((cc) => cc.personId),
      });
    });
  }

  /**
   * In-house foster households, two independent fostering agencies (one out of the council's area)
   * and a children's home out of area, with the council's placements linked to them and located (own
   * random stream: the rest is unchanged). Households, approved for one to three children, are filled
   * with the current in-house placements, and some are left with room for any age.
   */
  function addCarers() {
    const h = new Faker({ locale: [en_GB, en, base] });
    h.seed(seed + 104729);
    const centre = COUNCIL_CENTRES[council.slug] ?? { latitude: 52.5, longitude: -1.5 };
    // a point within about `miles` of the centre
    const near = (miles: number) => ({
      latitude: Math.round((centre.latitude + (h.number.float({ min: -1, max: 1 }) * miles) / 69) * 1e5) / 1e5,
      longitude: Math.round((centre.longitude + (h.number.float({ min: -1, max: 1 }) * miles) / 43) * 1e5) / 1e5,
    });
    const st = out.statutory;
    const carers: SeedCarer[] = [];
    const carerPostcode = () => `${h.helpers.arrayElement(council.postcodeAreas)} ${h.number.int({ min: 1, max: 9 })}${h.string.fromCharacters("ABDEFGHJLNPQRSTUWXYZ", 2)}`;
    // two households of one name would be told apart only by postcode
    const uniqueName = (): string => {
      const name = `The ${h.person.lastName()} household`;
      return carers.some((c) => c.name === name) ? uniqueName() : name;
    };
    const household = (places: number, ageFrom: number, ageTo: number): SeedCarer => {
      const carer: SeedCarer = {
        id: h.string.uuid(),
        kind: "FOSTER_HOUSEHOLD",
        name: uniqueName(),
        provider: "PR1",
        approvedPlaces: places,
        ageFrom,
        ageTo,
        postcode: carerPostcode(),
        ...near(12),
        laCode: council.laCode,
        usualWeeklyRate: 320,
        urn: `SC${council.laCode}100`,
      };
      carers.push(carer);
      return carer;
    };
    const agency: SeedCarer = {
      id: h.string.uuid(), kind: "FOSTERING_AGENCY", name: "Brightpath Fostering", provider: "PR4", approvedPlaces: null, ageFrom: null, ageTo: null,
      postcode: carerPostcode(), ...near(18), laCode: council.laCode, usualWeeklyRate: 850, urn: `SC${council.laCode}400`,
    };
    const home: SeedCarer = {
      id: h.string.uuid(), kind: "RESIDENTIAL", name: "Oakfield House", provider: "PR4", approvedPlaces: null, ageFrom: null, ageTo: null,
      postcode: NEIGHBOUR_POSTCODE, latitude: Math.round((centre.latitude + 0.45) * 1e5) / 1e5, longitude: Math.round((centre.longitude - 0.3) * 1e5) / 1e5,
      laCode: NEIGHBOUR_LA_CODE, usualWeeklyRate: 4200, urn: `SC${council.laCode}200`,
    };
    carers.push(agency, home);
    const byId = new Map(out.people.map((p) => [p.id, p]));
    const homes = new Map<string, { latitude: number; longitude: number }>();
    const homeOf = (personId: string) => {
      const known = homes.get(personId) ?? near(8);
      homes.set(personId, known);
      return known;
    };
    const inHouse: SeedCarer[] = [];
    let former: SeedCarer | undefined;
    const load = new Map<string, number>();
    for (const e of st.careEpisodes) {
      let carer: SeedCarer;
      if (e.provider === "PR1") {
        const age = ageOn(byId.get(e.personId)!.dateOfBirth!, e.startDate);
        if (e.endDate === null) {
          // a current placement takes a place in a household approved for the child's age
          carer =
            inHouse.find((c) => (load.get(c.id) ?? 0) < c.approvedPlaces! && c.ageFrom! <= age && age <= c.ageTo!) ??
            household(h.helpers.arrayElement([1, 2, 2, 3]), Math.max(0, age - 6), Math.min(17, age + 6));
          if (!inHouse.includes(carer)) inHouse.push(carer);
          load.set(carer.id, (load.get(carer.id) ?? 0) + 1);
        } else {
          // past placements were with a household of their own, never the child's current one
          former ??= household(2, 0, 17);
          carer = former;
        }
      } else {
        carer = e.place === "K2" ? home : agency;
      }
      const at = homeOf(e.personId);
      Object.assign(e, {
        carerId: carer.id,
        placementPostcode: carer.postcode,
        urn: carer.urn,
        homeLatitude: at.latitude,
        homeLongitude: at.longitude,
        placementLatitude: carer.latitude,
        placementLongitude: carer.longitude,
        placementLaCode: carer.laCode,
      });
    }
    // households with room, for children of any age, so the vacancy search has somewhere to look
    household(2, 0, 17);
    household(3, 5, 17);
    household(1, 0, 10);
    // a second agency, in the next authority: an option in Find a placement, with no child placed yet
    carers.push({
      id: h.string.uuid(), kind: "FOSTERING_AGENCY", name: "Northway Family Fostering", provider: "PR4", approvedPlaces: null, ageFrom: null, ageTo: null,
      postcode: "NX2 8LP", latitude: Math.round((centre.latitude - 0.3) * 1e5) / 1e5, longitude: Math.round((centre.longitude + 0.1) * 1e5) / 1e5,
      laCode: NEIGHBOUR_LA_CODE, usualWeeklyRate: 790, urn: `SC${council.laCode}410`,
    });
    st.carers = carers;
  }

  /**
   * Referrals, assessments, enquiries, plans and care for the children of statutory cases, so that
   * timescales, the census and the dashboards have real history. A random stream of its own keeps
   * the rest of the demo data unchanged.
   */
  function addStatutoryHistory() {
    const g = new Faker({ locale: [en_GB, en, base] });
    g.seed(seed + 7919);
    const int = (min: number, max: number) => g.number.int({ min, max });
    const choose = <T,>(items: readonly T[]) => items[int(0, items.length - 1)]!;
    const st = out.statutory;
    const upTo = (date: string) => (date > today ? null : date);
    const leadOf = new Map(out.allocations.filter((a) => a.roleOnCase === "LEAD").map((a) => [a.caseId, a.workerId]));
    const personById = new Map(out.people.map((p) => [p.id, p]));
    for (const c of out.cases) {
      if (!(["CHILD_IN_NEED", "CHILD_PROTECTION", "LOOKED_AFTER"] as Level[]).includes(c.level)) continue;
      const worker = leadOf.get(c.id) ?? out.users.find((u) => u.role === "SOCIAL_WORKER")!.id;
      for (const cc of out.caseChildren.filter((x) => x.caseId === c.id)) {
        const child = personById.get(cc.personId)!;
        if (!child.dateOfBirth) continue; // unborn: a pre-birth assessment is not in the census yet
        const episodeId = g.string.uuid();
        const referralDate = c.openedOn;
        st.episodes.push({
          id: episodeId,
          personId: child.id,
          caseId: c.id,
          referralDate,
          referralSource: choose(["2A", "3A", "3B", "6", "1A", "5D", "8", "4", "3E"]),
          primaryNeedCode: c.level === "CHILD_IN_NEED" ? choose(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]) : "N1",
          closureDate: c.closedOn,
          closureReason: c.closureReason,
        });
        // a child and family assessment, usually within 45 working days
        const start = addDays(referralDate, int(0, 3));
        const authorised = upTo(addDays(start, int(15, 75)));
        const ends = c.closedOn ?? today;
        st.assessments.push({
          id: g.string.uuid(),
          personId: child.id,
          caseId: c.id,
          cinEpisodeId: episodeId,
          startDate: start > ends ? ends : start,
          authorisedDate: authorised && authorised <= ends ? authorised : null,
          factors: g.helpers.arrayElements(["1B", "2B", "3A", "3B", "4B", "6B", "10A", "11A", "16A", "17A", "21"], int(1, 3)),
          recordedById: worker,
        });
        if (c.level === "CHILD_PROTECTION") {
          const strategy = addDays(referralDate, int(0, 5));
          const icpc = upTo(addDays(strategy, int(10, 24)));
          st.section47s.push({ id: g.string.uuid(), personId: child.id, caseId: c.id, cinEpisodeId: episodeId, strategyDiscussionDate: strategy, startDate: strategy, icpcDate: icpc, recordedById: worker });
          if (icpc) {
            const reviews: string[] = [];
            for (let r = addMonths(icpc, 3); r <= (c.closedOn ?? today); r = addMonths(r, 6)) reviews.push(addDays(r, -int(0, 10)));
            // the first core group 5–14 days after the conference (from the date, not the random stream, which
            // would change everything after it): now and then later than 10 working days
            const coreGroup = upTo(addDays(icpc, 5 + (Number(icpc.slice(8, 10)) % 10)));
            const coreGroups = coreGroup && (!c.closedOn || coreGroup <= c.closedOn) ? [coreGroup] : [];
            st.cpPlans.push({ id: g.string.uuid(), personId: child.id, caseId: c.id, cinEpisodeId: episodeId, startDate: icpc, endDate: c.closedOn, category: choose(["NEG", "NEG", "EMO", "PHY", "SAB", "MUL"]), recordedById: worker, reviews, coreGroups });
          }
        }
        if (c.level === "CHILD_IN_NEED") {
          const authorisedOn = st.assessments.at(-1)!.authorisedDate;
          const planStart = authorisedOn ? upTo(addDays(authorisedOn, int(1, 10))) : null;
          if (planStart && (!c.closedOn || planStart <= c.closedOn)) {
            st.cinPlans.push({ id: g.string.uuid(), personId: child.id, caseId: c.id, cinEpisodeId: episodeId, startDate: planStart, endDate: c.closedOn, recordedById: worker });
          }
        }
        if (c.level === "LOOKED_AFTER") {
          const careStart = addDays(referralDate, int(5, 40));
          if (careStart > today || (c.closedOn && careStart > c.closedOn)) continue;
          const periodId = g.string.uuid();
          st.carePeriods.push({ id: periodId, personId: child.id, caseId: c.id, startDate: careStart, endDate: c.closedOn, reasonEnded: c.closedOn ? choose(["E4A", "E41", "E45", "E11"]) : null, categoryOfNeed: "N1" });
          // one or two placements: in-house foster care mostly (the council's own approved carers, not
          // relatives: U4 long-term, U6 otherwise), some agency and residential
          // Ofsted URNs: the council's own fostering service, an agency, a children's home
          const fosteringUrn = `SC${council.laCode}100`;
          const first = choose([
            { place: "U6", provider: "PR1", cost: 320, urn: fosteringUrn },
            { place: "U6", provider: "PR1", cost: 320, urn: fosteringUrn },
            { place: "U4", provider: "PR1", cost: 300, urn: fosteringUrn },
            { place: "U6", provider: "PR4", cost: 850, urn: `SC${council.laCode}400` },
            { place: "K2", provider: "PR4", cost: 4200, urn: `SC${council.laCode}200` },
          ]);
          const moveOn = g.datatype.boolean() ? upTo(addDays(careStart, int(60, 400))) : null;
          const move = moveOn && (!c.closedOn || moveOn < c.closedOn) ? moveOn : null;
          const homePostcode = child.postcode;
          st.careEpisodes.push({
            id: g.string.uuid(),
            carePeriodId: periodId,
            personId: child.id,
            startDate: careStart,
            endDate: move ?? c.closedOn,
            legalStatus: "C2",
            reasonNewEpisode: "S",
            place: first.place,
            provider: first.provider,
            homePostcode,
            placementPostcode: postcode(),
            weeklyCost: first.cost,
            urn: first.urn,
            reasonPlaceChange: move ? "CARPL" : null,
          });
          if (move) {
            st.careEpisodes.push({
              id: g.string.uuid(),
              carePeriodId: periodId,
              personId: child.id,
              startDate: move,
              endDate: c.closedOn,
              legalStatus: "C2",
              reasonNewEpisode: "B",
              place: "U4",
              provider: "PR1",
              homePostcode,
              placementPostcode: postcode(),
              weeklyCost: 310,
              urn: fosteringUrn,
              reasonPlaceChange: null,
            });
          }
          const periodEnd = c.closedOn ?? today;
          // PN0 is for (and only for) children under 4 on the day of the review
          const reviewCode = (code: string, date: string) => (ageOn(child.dateOfBirth!, date) < 4 ? "PN0" : code === "PN0" ? "PN1" : code);
          const reviewDates = [addDays(careStart, int(14, 27))];
          reviewDates.push(addMonths(reviewDates[0]!, 3));
          while (addMonths(reviewDates.at(-1)!, 6) <= periodEnd) reviewDates.push(addDays(addMonths(reviewDates.at(-1)!, 6), -int(0, 14)));
          for (const r of reviewDates.filter((r) => r <= periodEnd)) st.laReviews.push({ personId: child.id, carePeriodId: periodId, reviewDate: r, reviewCode: reviewCode(choose(["PN1", "PN1", "PN2", "PN3", "PN0"]), r) });
          const initial = addDays(careStart, int(10, 26));
          if (initial <= periodEnd) {
            st.healthAssessments.push({ personId: child.id, kind: "INITIAL", assessmentDate: initial });
            for (let h = addMonths(initial, 12); h <= periodEnd; h = addMonths(h, 12)) st.healthAssessments.push({ personId: child.id, kind: "REVIEW", assessmentDate: addDays(h, -int(0, 20)) });
          }
        }
      }
    }
    // care leavers' pathway plans, reviewed about every 6 months since their case opened; one in seven
    // has missed the latest review, so the timescale shows overdue somewhere
    for (const c of out.cases.filter((x) => x.level === "CARE_LEAVER" && x.status === "OPEN")) {
      const day = Number(c.openedOn.slice(8, 10));
      for (const cc of out.caseChildren.filter((x) => x.caseId === c.id)) {
        const reviews: string[] = [];
        for (let r = addMonths(c.openedOn, 6); r <= today; r = addMonths(r, 6)) reviews.push(addDays(r, -(day % 12)));
        if (day % 7 === 0) reviews.pop();
        for (const reviewDate of reviews) st.pathwayPlanReviews.push({ personId: cc.personId, reviewDate });
      }
    }
  }

  /**
   * Duplicates, as real records have them: two children recorded a second time at the front door,
   * with the first name misspelt and no UPN, in a family record of their own with an old closed case.
   * A manager can find and merge them.
   */
  function addDuplicates() {
    const openCaseIds = new Set(out.cases.filter((c) => c.status === "OPEN").map((c) => c.id));
    const byId = new Map(out.people.map((p) => [p.id, p]));
    const originals = out.caseChildren
      .filter((cc) => openCaseIds.has(cc.caseId))
      .map((cc) => byId.get(cc.personId)!)
      .filter((p) => p.dateOfBirth && p.firstName.length >= 4 && ageOn(p.dateOfBirth, today) >= 4);
    const keyworker = out.users.find((u) => u.role === "FAMILY_KEYWORKER")!;
    const earlyHelpTeam = out.teams.find((t) => t.kind === "EARLY_HELP" || t.kind === "MIXED")!;
    for (const original of f.helpers.arrayElements(originals, 2)) {
      const misspelt = original.firstName.slice(0, 2) + original.firstName[3] + original.firstName[2] + original.firstName.slice(4);
      const family = { id: uuid(), name: `${original.lastName} family`, address: f.location.streetAddress(), postcode: original.postcode };
      out.families.push(family);
      const duplicate: SeedPerson = { ...original, id: uuid(), firstName: misspelt, upn: null, laChildId: `${council.casePrefix}${String(childNumber++).padStart(6, "0")}` };
      out.people.push(duplicate);
      out.familyMembers.push({ familyId: family.id, personId: duplicate.id, relationship: "CHILD", isMainCarer: false });
      const openedOn = daysAgo(500, 700);
      const c: SeedCase = {
        id: uuid(),
        reference: `${council.casePrefix}-${String(caseNumber++).padStart(5, "0")}`,
        familyId: family.id,
        teamId: earlyHelpTeam.id,
        level: "EARLY_HELP",
        status: "CLOSED",
        openedOn,
        closedOn: addDays(openedOn, 90),
        closureReason: "RC7",
      };
      out.cases.push(c);
      out.caseChildren.push({ caseId: c.id, personId: duplicate.id, addedOn: openedOn, removedOn: null });
      allocate(c, keyworker.id, "LEAD", openedOn, { date: c.closedOn!, reason: "Case closed" });
    }
  }
}
