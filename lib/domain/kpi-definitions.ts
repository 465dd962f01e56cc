// What each borough KPI means, shown to the user beside its value ("how this is calculated"), and the
// England figure it is compared with (timescales-and-kpis.md).

export const KPI_KEYS = [
  "re-referral",
  "re-referral-after-closure",
  "children-in-need",
  "cp-plans",
  "repeat-cp",
  "cp-two-years",
  "looked-after",
  "entries-to-care",
  "assessments-45",
  "conferences-15",
  "sw-changes",
  "caseload",
  "drift",
  "throughput",
  "support-step-up",
  "stability-short",
  "stability-long",
  "in-house-share",
  "placement-spend",
  "agency-rate",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiUnit = "percent" | "per10k" | "count" | "ratio" | "pounds";

export type KpiDefinition = {
  key: KpiKey;
  title: string;
  unit: KpiUnit;
  /** how it is calculated, in plain English */
  definition: string;
  england: { value: number; label: string } | null;
  /** true when a higher value is better (for colouring against England) */
  higherIsBetter: boolean | null;
  /** measured at the end of the period (a stock) rather than over it (a flow) */
  atPeriodEnd: boolean;
  /** what a bare number means, shown after it ("cases closed per FTE a month") */
  valueSuffix?: string;
};

export const KPI_DEFINITIONS: KpiDefinition[] = [
  {
    key: "re-referral",
    title: "Re-referral rate (DfE)",
    unit: "percent",
    definition: "Referrals in the period where the same child had another referral in the 12 months before, divided by all referrals in the period.",
    england: { value: 0.22, label: "22% (2024)" },
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "re-referral-after-closure",
    title: "Re-referral within 12 months of closure",
    unit: "percent",
    definition: "Cases closed in the period whose children were referred again within 12 months of closure, divided by cases closed in the period. A local measure: one council aimed to go from 20% to 10%.",
    england: null,
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "children-in-need",
    title: "Children in need per 10,000",
    unit: "per10k",
    definition: "Children with an open child in need episode at the end of the period, per 10,000 children aged 0–17 in the area.",
    england: { value: 330, label: "330 per 10,000 (2025)" },
    higherIsBetter: null,
    atPeriodEnd: true,
  },
  {
    key: "cp-plans",
    title: "Children on child protection plans",
    unit: "count",
    definition: "Children on a child protection plan at the end of the period (the rate per 10,000 is shown beside it).",
    england: { value: 49_420, label: "49,420 children (2025), about 41 per 10,000" },
    higherIsBetter: null,
    atPeriodEnd: true,
  },
  {
    key: "repeat-cp",
    title: "Repeat child protection plans",
    unit: "percent",
    definition: "Plans started in the period for a child who had any earlier plan, divided by plans started in the period.",
    england: null,
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "cp-two-years",
    title: "Child protection plans lasting 2 years or more",
    unit: "percent",
    definition: "Plans ending in the period that had lasted 2 years or more, divided by plans ending in the period.",
    england: { value: 0.044, label: "4.4% (2025)" },
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "looked-after",
    title: "Children looked after per 10,000",
    unit: "per10k",
    definition: "Children looked after at the end of the period, per 10,000 children aged 0–17 in the area.",
    england: { value: 67, label: "67 per 10,000 (2025)" },
    higherIsBetter: null,
    atPeriodEnd: true,
  },
  {
    key: "entries-to-care",
    title: "Entries to care",
    unit: "count",
    definition: "Periods of care that started in the period.",
    england: null,
    higherIsBetter: null,
    atPeriodEnd: false,
  },
  {
    key: "assessments-45",
    title: "Assessments within 45 working days",
    unit: "percent",
    definition: "Assessments completed in the period within 45 working days of their start (weekends and England bank holidays excluded), divided by assessments completed in the period.",
    england: { value: 0.857, label: "85.7% (2025)" },
    higherIsBetter: true,
    atPeriodEnd: false,
  },
  {
    key: "conferences-15",
    title: "Initial conferences within 15 working days",
    unit: "percent",
    definition: "Initial child protection conferences held in the period within 15 working days of the start of the section 47 enquiry, divided by conferences held in the period.",
    england: { value: 0.814, label: "81.4% (2025)" },
    higherIsBetter: true,
    atPeriodEnd: false,
  },
  {
    key: "sw-changes",
    title: "Looked-after children with 3+ social workers in the year",
    unit: "percent",
    definition:
      "Children looked after for at least a day of the period who had three or more different allocated social workers during it, divided by all children looked after in the period. A child's allocated social worker is the lead worker on their case, when that is a social worker, newly qualified social worker, senior practitioner or a team manager holding the case (as the SSDA903 social worker episodes count them); co-workers and clinicians working alongside the lead are not counted. A worker who comes back as lead counts once.",
    england: { value: 0.27, label: "27% (2024)" },
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "caseload",
    title: "Caseload per practitioner",
    unit: "ratio",
    definition: "Children in open cases held (each child counts once per worker holding them), divided by the full-time equivalent of case-holding practitioners, agency staff included. Measured now.",
    england: { value: 15.4, label: "15.4 (Sept 2024)" },
    valueSuffix: "children per FTE",
    higherIsBetter: false,
    atPeriodEnd: true,
  },
  {
    key: "drift",
    title: "Cases in drift",
    unit: "percent",
    definition:
      "Open cases with no significant intervention for longer than their level's drift threshold (tenant setting), divided by open cases; and the median working days since open cases' last significant intervention. Measured now.",
    england: null,
    higherIsBetter: false,
    atPeriodEnd: true,
  },
  {
    key: "throughput",
    title: "Throughput",
    unit: "ratio",
    definition: "Cases closed in the period per full-time practitioner per month. One council went from 1.5 to 2.2.",
    england: null,
    valueSuffix: "cases closed per FTE a month",
    higherIsBetter: true,
    atPeriodEnd: false,
  },
  {
    key: "support-step-up",
    title: "Support cases stepping up",
    unit: "percent",
    definition: "Support cases stepped up to social care in the period, divided by Support cases closed in the period (from approved transitions).",
    england: null,
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "stability-short",
    title: "Placement stability: 3+ placements in the year",
    unit: "percent",
    definition:
      "Children looked after on the last day of the period (or today, if it has not ended) who had 3 or more placements during it, divided by all children looked after that day. Short breaks are left out, and a change of legal status alone is not a new placement.",
    england: { value: 0.1, label: "about 10%" },
    higherIsBetter: false,
    atPeriodEnd: false,
  },
  {
    key: "stability-long",
    title: "Placement stability: long term",
    unit: "percent",
    definition:
      "Children under 16 on the last day of the period (or today, if it has not ended) who have been looked after for 2½ years or more and with the same carer for 2 years or more, divided by children under 16 looked after for 2½ years or more.",
    england: { value: 0.69, label: "69% (2025)" },
    higherIsBetter: true,
    atPeriodEnd: true,
  },
  {
    key: "in-house-share",
    title: "In-house share of fostering placements",
    unit: "percent",
    definition:
      "Children in foster care (placement types U1–U6) with the council's own foster carers (provider PR1) on the last day of the period (or today, if it has not ended), divided by all children in foster care that day. One council exceeded 90%.",
    england: null,
    higherIsBetter: true,
    atPeriodEnd: true,
  },
  {
    key: "placement-spend",
    title: "Placement spend",
    unit: "pounds",
    definition:
      "The sum of each placement's weekly cost times the weeks it ran in the period (days ÷ 7; the day a placement ends is paid by the next one). A placement still open runs to the period's end, so a period not yet over shows what it will cost if nothing changes. Placements without a cost recorded are left out.",
    england: null,
    higherIsBetter: null,
    atPeriodEnd: false,
  },
  {
    key: "agency-rate",
    title: "Agency staff",
    unit: "percent",
    definition: "Full-time equivalent of agency case-holding practitioners divided by that of all case-holding practitioners. Measured now. One council had 43%.",
    england: null,
    higherIsBetter: false,
    atPeriodEnd: true,
  },
];

/** The KPIs about children in care, shown in the dashboard's Placements section rather than among the others. */
export const PLACEMENT_KPIS = ["in-house-share", "placement-spend", "stability-short", "stability-long", "sw-changes"] as const satisfies readonly KpiKey[];

export const isPlacementKpi = (key: KpiKey) => (PLACEMENT_KPIS as readonly KpiKey[]).includes(key);

export function definitionOf(key: KpiKey): KpiDefinition {
  return KPI_DEFINITIONS.find((d) => d.key === key)!;
}

export function formatKpi(value: number | null, unit: KpiUnit): string {
  if (value === null) return "—";
  switch (unit) {
    case "percent":
      return `${(value * 100).toFixed(1)}%`;
    case "per10k":
      return value.toFixed(1);
    case "count":
      return Math.round(value).toLocaleString("en-GB");
    case "ratio":
      return value.toFixed(2);
    case "pounds":
      return `£${Math.round(value).toLocaleString("en-GB")}`;
  }
}
