import { describe, expect, it } from "vitest";
import { buildCinCensusXml, cinCensusFileName, cinCensusXml } from "./build";
import { amy, sampleCensus } from "./testing/sample-census";
import { schemaErrors } from "./testing/validate-xsd";

// The census the sample must produce, worked out by hand from testing/sample-census.ts:
// - children in LAchildID order; Cara (closed in 2024) is not there;
// - Amy: her factors without the repeat, her CP review of June 2026 left out (after the year);
// - Ben: the episode from 2024 (closed in May 2025) with its CIN plan but not its assessment
//   (authorised in 2024), then the February referral with no further action and no primary need;
// - Dan: his two overlapping referrals joined into the first, open on 31 March (its closure on
//   10 April 2026 and the assessment's authorisation on 2 April 2026 are after the year), unborn.
const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>881</LEA>
      <SoftwareCode>Continuum</SoftwareCode>
      <Release>1.0</Release>
      <SerialNo>001</SerialNo>
      <DateTime>2026-05-01T09:30:00</DateTime>
    </Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C001</LAchildID>
        <UPN>P201123456789</UPN>
        <PersonBirthDate>2015-06-15</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
          <Disability>AUT</Disability>
          <Disability>LD</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <DateOfInitialCPC>2025-09-05</DateOfInitialCPC>
        <Assessments>
          <AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>3A</AssessmentFactors>
            <AssessmentFactors>4B</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <CINPlanDates>
          <CINPlanStartDate>2025-06-15</CINPlanStartDate>
          <CINPlanEndDate>2025-09-01</CINPlanEndDate>
        </CINPlanDates>
        <Section47>
          <S47ActualStartDate>2025-08-20</S47ActualStartDate>
          <InitialCPCtarget>2025-09-11</InitialCPCtarget>
          <DateOfInitialCPC>2025-09-05</DateOfInitialCPC>
          <ICPCnotRequired>0</ICPCnotRequired>
        </Section47>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-09-05</CPPstartDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-12-01</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C002</LAchildID>
        <UPNunknown>UN6</UPNunknown>
        <PersonBirthDate>2022-01-10</PersonBirthDate>
        <Sex>M</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>MWBA</Ethnicity>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2024-11-01</CINreferralDate>
        <ReferralSource>6</ReferralSource>
        <PrimaryNeedCode>N4</PrimaryNeedCode>
        <CINclosureDate>2025-05-20</CINclosureDate>
        <ReasonForClosure>RC7</ReasonForClosure>
        <CINPlanDates>
          <CINPlanStartDate>2025-01-01</CINPlanStartDate>
          <CINPlanEndDate>2025-05-20</CINPlanEndDate>
        </CINPlanDates>
        <ReferralNFA>0</ReferralNFA>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2026-02-10</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <CINclosureDate>2026-02-10</CINclosureDate>
        <ReasonForClosure>RC8</ReasonForClosure>
        <ReferralNFA>1</ReferralNFA>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C004</LAchildID>
        <UPNunknown>UN6</UPNunknown>
        <ExpectedPersonBirthDate>2026-06-20</ExpectedPersonBirthDate>
        <Sex>U</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>NOBT</Ethnicity>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-12-01</CINreferralDate>
        <ReferralSource>3B</ReferralSource>
        <PrimaryNeedCode>N2</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2026-01-16</AssessmentActualStartDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>21</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Section47>
          <S47ActualStartDate>2026-03-20</S47ActualStartDate>
          <InitialCPCtarget>2026-04-14</InitialCPCtarget>
          <ICPCnotRequired>0</ICPCnotRequired>
        </Section47>
        <ReferralNFA>0</ReferralNFA>
      </CINdetails>
    </Child>
  </Children>
</Message>
`;

describe("the CIN census 2025-26 XML for the sample", () => {
  it("is exactly the file worked out by hand", () => {
    const result = buildCinCensusXml(sampleCensus);
    if (!result.ok) throw new Error(JSON.stringify(result.check, null, 2));
    expect(result.xml).toBe(EXPECTED);
    expect(result.childCount).toBe(3);
  });

  it("validates against the 2025-26 schema", async () => {
    expect(await schemaErrors(EXPECTED)).toEqual([]);
  });

  it("the schema check itself catches an element out of order and a code outside the lists", async () => {
    // so that the validation above (and in the integration test) can fail
    const swapped = EXPECTED.replace("<Sex>F</Sex>\n", "").replace("<LAchildID>C001</LAchildID>\n", "<LAchildID>C001</LAchildID>\n        <Sex>F</Sex>\n");
    expect((await schemaErrors(swapped)).join("\n")).toMatch(/Element 'UPN': This element is not expected/);
    expect((await schemaErrors(EXPECTED.replace("<ReferralSource>6</", "<ReferralSource>6Z</"))).join("\n")).toMatch(/ReferralSource/);
  });

  it("writes no Header DateTime or Release when not given, and serial 001", () => {
    const xml = cinCensusXml({ ...sampleCensus, header: { laCode: "881" } });
    expect(xml).toContain("<SoftwareCode>Continuum</SoftwareCode>\n      <SerialNo>001</SerialNo>\n    </Source>");
    expect(xml).not.toContain("<DateTime>");
  });

  it("escapes text, so an odd value cannot break the file", () => {
    // the checker refuses such an identifier; the writer still never writes broken XML
    const xml = cinCensusXml({ ...sampleCensus, children: [{ ...amy, laChildId: "C<&>" }] });
    expect(xml).toContain("<LAchildID>C&lt;&amp;&gt;</LAchildID>");
  });

  it("refuses to write a census with problems, and returns them", () => {
    const result = buildCinCensusXml({ ...sampleCensus, children: [{ ...amy, episodes: [{ ...amy.episodes[0]!, referralSource: "" }] }] });
    expect(result).toEqual({
      ok: false,
      check: { general: [], children: [{ laChildId: "C001", problems: [{ module: "Referral", message: "The referral of 1 May 2025: give who made the referral (ReferralSource)." }] }] },
    });
  });

  it("names the file by year and LA code", () => {
    expect(cinCensusFileName(2026, "881")).toBe("CIN_2026_881.xml");
  });
});
