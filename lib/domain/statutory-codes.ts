// CIN census 2025-26 code lists for assessments and child protection plans, with short labels for
// forms (the census documentation gives the full wording). 18A and 19A are not used: DfE queries them.

export const ASSESSMENT_FACTORS = [
  { code: "1A", label: "Alcohol misuse: the child" },
  { code: "1B", label: "Alcohol misuse: parent or carer" },
  { code: "1C", label: "Alcohol misuse: another person in the household" },
  { code: "2A", label: "Drug misuse: the child" },
  { code: "2B", label: "Drug misuse: parent or carer" },
  { code: "2C", label: "Drug misuse: another person in the household" },
  { code: "3A", label: "Domestic abuse: the child is subject to it" },
  { code: "3B", label: "Domestic abuse: parent or carer is subject to it" },
  { code: "3C", label: "Domestic abuse: another person in the household is subject to it" },
  { code: "4A", label: "Mental health: the child" },
  { code: "4B", label: "Mental health: parent or carer" },
  { code: "4C", label: "Mental health: another person in the household" },
  { code: "5A", label: "Learning disability: the child" },
  { code: "5B", label: "Learning disability: parent or carer" },
  { code: "5C", label: "Learning disability: another person in the household" },
  { code: "6A", label: "Physical disability or illness: the child" },
  { code: "6B", label: "Physical disability or illness: parent or carer" },
  { code: "6C", label: "Physical disability or illness: another person in the household" },
  { code: "7A", label: "Young carer" },
  { code: "8B", label: "Privately fostered: overseas, intends to return" },
  { code: "8C", label: "Privately fostered: overseas, intends to stay" },
  { code: "8D", label: "Privately fostered: UK, educational placement" },
  { code: "8E", label: "Privately fostered: UK, family arrangement" },
  { code: "8F", label: "Privately fostered: other" },
  { code: "9A", label: "Unaccompanied asylum-seeking child" },
  { code: "10A", label: "Going or being missing" },
  { code: "11A", label: "Child sexual exploitation" },
  { code: "12A", label: "Trafficking" },
  { code: "13A", label: "Gangs" },
  { code: "14A", label: "Socially unacceptable behaviour" },
  { code: "15A", label: "Self-harm" },
  { code: "16A", label: "Neglect" },
  { code: "17A", label: "Emotional abuse" },
  { code: "18B", label: "Physical abuse by another child" },
  { code: "18C", label: "Physical abuse by an adult" },
  { code: "19B", label: "Sexual abuse by another child" },
  { code: "19C", label: "Sexual abuse by an adult" },
  { code: "20", label: "Other" },
  { code: "21", label: "No factors identified" },
  { code: "22A", label: "Female genital mutilation" },
  { code: "23A", label: "Abuse linked to faith or belief" },
  { code: "24A", label: "Child criminal exploitation" },
] as const;

export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number]["code"];
export const ASSESSMENT_FACTOR_CODES = ASSESSMENT_FACTORS.map((f) => f.code) as [AssessmentFactor, ...AssessmentFactor[]];

export const ABUSE_CATEGORIES = [
  { code: "NEG", label: "Neglect" },
  { code: "PHY", label: "Physical abuse" },
  { code: "SAB", label: "Sexual abuse" },
  { code: "EMO", label: "Emotional abuse" },
  { code: "MUL", label: "Multiple" },
] as const;

export type AbuseCategory = (typeof ABUSE_CATEGORIES)[number]["code"];
export const ABUSE_CATEGORY_CODES = ABUSE_CATEGORIES.map((c) => c.code) as [AbuseCategory, ...AbuseCategory[]];
