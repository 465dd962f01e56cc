// Writes the Children in Need census XML for a year, in the exact element order of the 2025-26 schema
// (../shared/reference/cin-census/CIN_schema_2026.xsd): Message > Header > Children > Child >
// ChildIdentifiers, ChildCharacteristics, CINdetails (CINreferralDate, ReferralSource,
// PrimaryNeedCode, CINclosureDate, ReasonForClosure, DateOfInitialCPC, Assessments, CINPlanDates,
// Section47, ReferralNFA, ChildProtectionPlans). Dates are ISO yyyy-mm-dd, yes/no values 0 or 1, and
// optional elements without a value are left out. Pure: the caller saves the string. Refuses to write
// while the checker finds problems, and returns them instead. What goes in: census-year.ts.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { childrenInCensus, referenceDate, type CensusChild } from "./census-year";
import { checkCinCensus, hasProblems, type CinCensusCheck } from "./check";
import type { CinCensusInput } from "./types";

export type CinCensusBuild = { ok: true; xml: string; childCount: number } | { ok: false; check: CinCensusCheck };

export const SOFTWARE_CODE = "Continuum";

const yesNo = (value: boolean) => (value ? "1" : "0");

/** Adds `<name>value</name>` when there is a value. */
function optional(parent: XMLBuilder, name: string, value: string | null | undefined) {
  if (value !== null && value !== undefined && value !== "") parent.ele(name).txt(value);
}

function writeChild(children: XMLBuilder, { child, episodes }: CensusChild) {
  const node = children.ele("Child");
  const ids = node.ele("ChildIdentifiers");
  ids.ele("LAchildID").txt(child.laChildId);
  optional(ids, "UPN", child.upn?.toUpperCase());
  optional(ids, "UPNunknown", child.upn ? null : child.upnUnknown);
  optional(ids, "PersonBirthDate", child.dateOfBirth);
  optional(ids, "ExpectedPersonBirthDate", child.dateOfBirth ? null : child.expectedDateOfBirth);
  ids.ele("Sex").txt(child.sex);
  optional(ids, "PersonDeathDate", child.dateOfDeath);

  const characteristics = node.ele("ChildCharacteristics");
  characteristics.ele("Ethnicity").txt(child.ethnicity);
  if (child.disabilities && child.disabilities.length > 0) {
    const disabilities = characteristics.ele("Disabilities");
    for (const d of child.disabilities) disabilities.ele("Disability").txt(d);
  }

  for (const e of episodes) {
    const details = node.ele("CINdetails");
    details.ele("CINreferralDate").txt(e.referralDate);
    details.ele("ReferralSource").txt(e.referralSource);
    optional(details, "PrimaryNeedCode", e.primaryNeedCode);
    optional(details, "CINclosureDate", e.closureDate);
    optional(details, "ReasonForClosure", e.reasonForClosure);
    optional(details, "DateOfInitialCPC", e.initialCpcDate);
    for (const a of e.assessments) {
      const assessment = details.ele("Assessments");
      assessment.ele("AssessmentActualStartDate").txt(a.startDate);
      optional(assessment, "AssessmentAuthorisationDate", a.authorisationDate);
      const factors = [...new Set(a.factors ?? [])];
      if (factors.length > 0) {
        const identified = assessment.ele("FactorsIdentifiedAtAssessment");
        for (const f of factors) identified.ele("AssessmentFactors").txt(f);
      }
    }
    for (const p of e.cinPlans) {
      const plan = details.ele("CINPlanDates");
      plan.ele("CINPlanStartDate").txt(p.startDate);
      optional(plan, "CINPlanEndDate", p.endDate);
    }
    for (const s of e.section47s) {
      const enquiry = details.ele("Section47");
      enquiry.ele("S47ActualStartDate").txt(s.startDate);
      optional(enquiry, "InitialCPCtarget", s.initialCpcTarget);
      optional(enquiry, "DateOfInitialCPC", s.initialCpcDate);
      enquiry.ele("ICPCnotRequired").txt(yesNo(s.icpcNotRequired));
    }
    details.ele("ReferralNFA").txt(yesNo(e.referralNfa));
    for (const p of e.cpPlans) {
      const plan = details.ele("ChildProtectionPlans");
      plan.ele("CPPstartDate").txt(p.startDate);
      optional(plan, "CPPendDate", p.endDate);
      plan.ele("InitialCategoryOfAbuse").txt(p.initialCategory!);
      plan.ele("LatestCategoryOfAbuse").txt(p.latestCategory!);
      plan.ele("NumberOfPreviousCPP").txt(String(p.previousPlans));
      if (p.reviewDates.length > 0) {
        const reviews = plan.ele("Reviews");
        for (const r of p.reviewDates) reviews.ele("CPPreviewDate").txt(r);
      }
    }
  }
}

/** The XML, without checking. Use buildCinCensusXml to write a file. */
export function cinCensusXml(input: CinCensusInput): string {
  const { header } = input;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const message = doc.ele("Message");
  const head = message.ele("Header");
  const collection = head.ele("CollectionDetails");
  collection.ele("Collection").txt("CIN");
  collection.ele("Year").txt(String(input.year));
  collection.ele("ReferenceDate").txt(referenceDate(input.year));
  const source = head.ele("Source");
  source.ele("SourceLevel").txt("L");
  source.ele("LEA").txt(header.laCode);
  source.ele("SoftwareCode").txt(header.softwareCode ?? SOFTWARE_CODE);
  optional(source, "Release", header.release);
  source.ele("SerialNo").txt(header.serialNo ?? "001");
  optional(source, "DateTime", header.generatedAt);
  const children = message.ele("Children");
  for (const child of childrenInCensus(input)) writeChild(children, child);
  return doc.end({ prettyPrint: true, indent: "  ", newline: "\n" }) + "\n";
}

/** Checks the census and writes its XML, or refuses with the problems. */
export function buildCinCensusXml(input: CinCensusInput): CinCensusBuild {
  const check = checkCinCensus(input);
  if (hasProblems(check)) return { ok: false, check };
  return { ok: true, xml: cinCensusXml(input), childCount: childrenInCensus(input).length };
}

/** A file name for the census: "CIN_2026_881.xml". */
export function cinCensusFileName(year: number, laCode: string): string {
  return `CIN_${year}_${laCode}.xml`;
}
