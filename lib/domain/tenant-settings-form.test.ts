import { describe, expect, it } from "vitest";
import { parseTenantSettings } from "./tenant-settings";
import { affectsKpis, describeChange, settingsChanges, settingsFormValues, settingsFromForm } from "./tenant-settings-form";

const defaults = parseTenantSettings({});

describe("council settings form", () => {
  it("gives back exactly the stored settings when nothing is changed", () => {
    const stored = parseTenantSettings({ caseload: { countingUnit: "FAMILIES", capsByLevel: { CHILD_PROTECTION: 12 } }, benchmarking: { optIn: true, group: "Southern partnership", partners: ["991", "202"] } });
    expect(settingsFromForm(settingsFormValues(stored))).toEqual({ ok: true, settings: stored });
  });

  it("reads what was typed: £ and commas, decimals, a blank level cap as none, a blank role cap as no cases", () => {
    const values = {
      ...settingsFormValues(defaults),
      "placements.ifaSavingPerWeek": "£1,250.50",
      "caseload.weights.EARLY_HELP": "0.25",
      "caseload.capsByLevel.LOOKED_AFTER": "",
      "caseload.capsByRole.CLINICIAN": "",
      "caseload.weightsEnabled": "on",
      "security.lockAfterFailedSignIns": " 7 ",
    };
    const result = settingsFromForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.placements.ifaSavingPerWeek).toBe(1250.5);
    expect(result.settings.caseload.weights.EARLY_HELP).toBe(0.25);
    expect(result.settings.caseload.capsByLevel).toEqual({});
    expect(result.settings.caseload.capsByRole.CLINICIAN).toBeNull();
    expect(result.settings.caseload.weightsEnabled).toBe(true);
    expect(result.settings.security.lockAfterFailedSignIns).toBe(7);
  });

  it("keeps the caps of roles the page does not show", () => {
    const result = settingsFromForm(settingsFormValues(defaults), { TEAM_MANAGER: 5 });
    expect(result.ok && result.settings.caseload.capsByRole.TEAM_MANAGER).toBe(5);
  });

  it("refuses values the schema refuses, each on its own field with words that say what to type", () => {
    const result = settingsFromForm({
      ...settingsFormValues(defaults),
      "caseload.capsByRole.SOCIAL_WORKER": "0",
      "caseload.capsByLevel.CHILD_PROTECTION": "12.5",
      "caseload.weights.EARLY_HELP": "lots",
      "drift.thresholds.CHILD_IN_NEED": "",
      "drift.amberFraction": "2",
      "placements.ifaSavingPerWeek": "20000",
      "security.lockMinutes": "0",
      "kpis.reReferralVariant": "OTHER",
      "benchmarking.optIn": "on",
      "benchmarking.partners": "",
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        "caseload.capsByRole.SOCIAL_WORKER": "The cap for a social worker must be 1 or more",
        "caseload.capsByLevel.CHILD_PROTECTION": "Enter the cap for child protection work as a whole number",
        "caseload.weights.EARLY_HELP": "Enter the weight of an early help case as a number",
        "drift.thresholds.CHILD_IN_NEED": "Enter the drift threshold for child in need",
        "drift.amberFraction": "The amber fraction must be 1 or less",
        "kpis.reReferralVariant": "Choose the re-referral rate shown first",
        "benchmarking.partners": "Enter the LA code of at least one council to share figures with, or untick sharing",
        "placements.ifaSavingPerWeek": "The saving per agency placement avoided must be 10,000 or less",
        "security.lockMinutes": "How long an account stays locked must be 1 or more",
      },
    });
    // the error summary lists them in the order of the form
    expect(Object.keys(!result.ok ? result.fieldErrors : {}).slice(-3)).toEqual(["benchmarking.partners", "placements.ifaSavingPerWeek", "security.lockMinutes"]);
  });

  it("reads partner councils' LA codes separated by commas or spaces, each once, and refuses anything else", () => {
    const typed = (partners: string, optIn = "on") => settingsFromForm({ ...settingsFormValues(defaults), "benchmarking.optIn": optIn, "benchmarking.partners": partners });
    const read = typed(" 202, 206  207,202 ");
    expect(read.ok && read.settings.benchmarking).toEqual({ optIn: true, group: null, partners: ["202", "206", "207"] });
    expect(typed("202, 20, Camden")).toEqual({ ok: false, fieldErrors: { "benchmarking.partners": "An LA code is the DfE's 3-digit number for a council, like 202: check “20”, “Camden”" } });
    expect(typed(Array.from({ length: 32 }, (_, i) => String(100 + i)).join(","))).toEqual({ ok: false, fieldErrors: { "benchmarking.partners": "Share with 30 councils or fewer: remove 2" } });
    // not sharing: codes may be kept for later, or left out
    const off = typed("", "");
    expect(off.ok && off.settings.benchmarking).toEqual({ optIn: false, group: null, partners: [] });
  });

  it("lists what changed, and whether the KPIs are worked out with it", () => {
    const after = parseTenantSettings({ caseload: { capsByRole: { CLINICIAN: 11 }, capsByLevel: {} }, placements: { ifaSavingPerWeek: 650 } });
    const changes = settingsChanges(defaults, after);
    expect(changes).toEqual([
      { path: "caseload.capsByRole.CLINICIAN", before: 12, after: 11 },
      { path: "caseload.capsByLevel.LOOKED_AFTER", before: 15, after: null },
      { path: "placements.ifaSavingPerWeek", before: 500, after: 650 },
    ]);
    expect(changes.map(describeChange)).toEqual([
      "the cap for a clinician from 12 to 11",
      "the cap for looked after work from 15 to no cap",
      "the saving per agency placement avoided from £500 to £650",
    ]);
    expect(affectsKpis(changes)).toBe(true);
    expect(affectsKpis(changes.slice(0, 2))).toBe(false);
    expect(settingsChanges(after, after)).toEqual([]);
  });

  it("lists a change to the partner councils once, and an unchanged list not at all", () => {
    const before = parseTenantSettings({ benchmarking: { optIn: true, partners: ["202", "206"] } });
    const after = parseTenantSettings({ benchmarking: { optIn: true, partners: ["202", "207"] } });
    expect(settingsChanges(before, parseTenantSettings({ benchmarking: { optIn: true, partners: ["202", "206"] } }))).toEqual([]);
    const changes = settingsChanges(before, after);
    expect(changes.map(describeChange)).toEqual(["the partner councils' LA codes from 202, 206 to 202, 207"]);
  });
});
