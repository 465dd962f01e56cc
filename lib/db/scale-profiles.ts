// Sizes for npm run seed:scale. "county" is domain.md's large county tenant: ~350,000 children in the
// area, ~500,000 people on record over 10 years of history, ~600 practitioners, ~20,000 referrals a year.
export type ScaleProfile = {
  name: string;
  childPopulation: number;
  years: number;
  teams: number;
  practitioners: number;
  families: number;
  people: number;
  children: number;
  cases: number;
  openCases: number;
  visitsPerOpenCase: number;
};

export const PROFILES: Record<string, ScaleProfile> = {
  county: {
    name: "Large county",
    childPopulation: 350_000,
    years: 10,
    teams: 45,
    practitioners: 600,
    families: 200_000,
    people: 500_000,
    children: 320_000,
    cases: 200_000,
    openCases: 14_000,
    visitsPerOpenCase: 8,
  },
  // small enough for a test to run the generator end to end
  small: {
    name: "Small test council",
    childPopulation: 20_000,
    years: 3,
    teams: 6,
    practitioners: 40,
    families: 1_500,
    people: 4_000,
    children: 2_500,
    cases: 1_200,
    openCases: 300,
    visitsPerOpenCase: 3,
  },
};
