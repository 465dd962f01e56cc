// The Council settings page's side of the settings (lib/domain/tenant-settings.ts): each setting's
// form field and plain-English name, turning what was typed into a settings document checked by the
// same zod schema (with messages a person can act on), and what changed between two versions (for the
// audit log and for telling an administrator what someone else saved). Pure: no I/O.
import type { z } from "zod";
import { CASE_HOLDING_ROLES, LEVEL_LABELS, LEVELS, ROLE_LABELS, type Level, type Role } from "./roles";
import { MAX_PARTNERS, tenantSettingsSchema, type TenantSettings } from "./tenant-settings";

/** The roles whose caps the page sets: the others hold no cases, and keep what is stored. */
export const CAPPED_ROLES: readonly Role[] = CASE_HOLDING_ROLES;

const lower = (s: string) => s.toLowerCase();

/** What each setting is called in messages, as it would follow "Enter" ("Enter the cap for a clinician"). */
export function settingLabel(path: string): string {
  const [group, key, sub] = path.split(".") as [string, string | undefined, string | undefined];
  const level = sub && (LEVELS as readonly string[]).includes(sub) ? lower(LEVEL_LABELS[sub as Level]) : sub;
  switch (`${group}.${key}`) {
    case "caseload.countingUnit":
      return "what one case counts as";
    case "caseload.capsByRole":
      return `the cap for a ${sub && sub in ROLE_LABELS ? lower(ROLE_LABELS[sub as Role]) : sub}`;
    case "caseload.capsByLevel":
      return `the cap for ${level} work`;
    case "caseload.weightsEnabled":
      return "whether caseloads are weighted";
    case "caseload.weights":
      return `the weight of ${/^[aeiou]/.test(level ?? "") ? "an" : "a"} ${level} case`;
    case "caseload.fteScaling":
      return "whether part-time caps scale with FTE";
    case "drift.thresholds":
      return `the drift threshold for ${level}`;
    case "drift.amberFraction":
      return "the amber fraction";
    case "timescales.dueSoonWorkingDays":
      return "the due-soon window";
    case "timescales.cpVisitWorkingDays":
      return "the CP visiting frequency";
    case "kpis.reReferralVariant":
      return "the re-referral rate shown first";
    case "benchmarking.optIn":
      return "whether figures are shared with partner councils";
    case "benchmarking.group":
      return "the partnership's name";
    case "benchmarking.partners":
      return "the partner councils' LA codes";
    case "placements.ifaSavingPerWeek":
      return "the saving per agency placement avoided";
    case "security.lockAfterFailedSignIns":
      return "the failed sign-ins before an account locks";
    case "security.lockMinutes":
      return "how long an account stays locked";
    default:
      return path;
  }
}

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const number = (n: number) => n.toLocaleString("en-GB");

/** Settings the Borough KPIs (and the benchmark figures shared with partners) are worked out with. */
const KPI_GROUPS = ["drift", "kpis", "benchmarking", "placements"];

export function affectsKpis(changes: SettingChange[]): boolean {
  return changes.some((c) => KPI_GROUPS.includes(c.path.split(".")[0]!));
}

export function affectsBenchmarking(changes: SettingChange[]): boolean {
  return changes.some((c) => c.path.startsWith("benchmarking."));
}

// ---------------------------------------------------------------------------------------------
// The form: one field per setting, named by its path in the document

export type SettingsFormValues = Record<string, string>;

/** The stored settings as the form's fields show them. */
export function settingsFormValues(s: TenantSettings): SettingsFormValues {
  const v: SettingsFormValues = {
    "caseload.countingUnit": s.caseload.countingUnit,
    "caseload.weightsEnabled": s.caseload.weightsEnabled ? "on" : "",
    "caseload.fteScaling": s.caseload.fteScaling ? "on" : "",
    "drift.amberFraction": String(s.drift.amberFraction),
    "timescales.dueSoonWorkingDays": String(s.timescales.dueSoonWorkingDays),
    "timescales.cpVisitWorkingDays": String(s.timescales.cpVisitWorkingDays),
    "kpis.reReferralVariant": s.kpis.reReferralVariant,
    "benchmarking.optIn": s.benchmarking.optIn ? "on" : "",
    "benchmarking.group": s.benchmarking.group ?? "",
    "benchmarking.partners": s.benchmarking.partners.join(", "),
    "placements.ifaSavingPerWeek": String(s.placements.ifaSavingPerWeek),
    "security.lockAfterFailedSignIns": String(s.security.lockAfterFailedSignIns),
    "security.lockMinutes": String(s.security.lockMinutes),
  };
  for (const r of CAPPED_ROLES) v[`caseload.capsByRole.${r}`] = s.caseload.capsByRole[r] === null ? "" : String(s.caseload.capsByRole[r]);
  for (const l of LEVELS) {
    v[`caseload.capsByLevel.${l}`] = s.caseload.capsByLevel[l] === undefined ? "" : String(s.caseload.capsByLevel[l]);
    v[`caseload.weights.${l}`] = String(s.caseload.weights[l]);
    v[`drift.thresholds.${l}`] = String(s.drift.thresholds[l]);
  }
  return v;
}

type Typed = Record<string, unknown>;

const text = (values: Typed, name: string) => {
  const v = values[name];
  return typeof v === "string" ? v.trim() : Array.isArray(v) && typeof v[0] === "string" ? v[0].trim() : "";
};
/** Blank is null (refused where a value is needed); anything not a number is NaN (refused as such). */
const numeric = (values: Typed, name: string) => {
  const t = text(values, name).replace(/^£/, "").replace(/,/g, "");
  return t === "" ? null : /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
};
const ticked = (values: Typed, name: string) => ["on", "true", "yes"].includes(text(values, name));
/** "202, 206 207" → ["202", "206", "207"]: commas or spaces between codes, each kept once. */
export const laCodes = (typed: string): string[] => [...new Set(typed.split(/[\s,;]+/).filter(Boolean))];

/** What was typed, as a settings document; the caps of roles not on the form are those given in `keep`. */
export function settingsDocumentFromForm(values: Typed, keep: Partial<Record<Role, number | null>> = {}): unknown {
  const byLevel = (prefix: string) => Object.fromEntries(LEVELS.map((l) => [l, numeric(values, `${prefix}.${l}`)]));
  return {
    caseload: {
      countingUnit: text(values, "caseload.countingUnit") || null,
      capsByRole: { ...keep, ...Object.fromEntries(CAPPED_ROLES.map((r) => [r, numeric(values, `caseload.capsByRole.${r}`)])) },
      capsByLevel: Object.fromEntries(LEVELS.flatMap((l) => (text(values, `caseload.capsByLevel.${l}`) === "" ? [] : [[l, numeric(values, `caseload.capsByLevel.${l}`)]]))),
      weightsEnabled: ticked(values, "caseload.weightsEnabled"),
      weights: byLevel("caseload.weights"),
      fteScaling: ticked(values, "caseload.fteScaling"),
    },
    drift: { thresholds: byLevel("drift.thresholds"), amberFraction: numeric(values, "drift.amberFraction") },
    timescales: { dueSoonWorkingDays: numeric(values, "timescales.dueSoonWorkingDays"), cpVisitWorkingDays: numeric(values, "timescales.cpVisitWorkingDays") },
    kpis: { reReferralVariant: text(values, "kpis.reReferralVariant") || null },
    benchmarking: { optIn: ticked(values, "benchmarking.optIn"), group: text(values, "benchmarking.group") || null, partners: laCodes(text(values, "benchmarking.partners")) },
    placements: { ifaSavingPerWeek: numeric(values, "placements.ifaSavingPerWeek") },
    security: { lockAfterFailedSignIns: numeric(values, "security.lockAfterFailedSignIns"), lockMinutes: numeric(values, "security.lockMinutes") },
  };
}

/** Settings that may have a fraction; every other number is whole. */
const FRACTIONAL = /^(caseload\.weights\.|drift\.amberFraction$|placements\.ifaSavingPerWeek$)/;

/** The schema's refusals in words that say what to type. */
const messageFor: z.core.$ZodErrorMap = (issue) => {
  const path = issue.path?.map(String).join(".") ?? "";
  const label = settingLabel(path);
  const i = issue as { expected?: string; minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === null || issue.input === undefined) return `Enter ${label}`;
      return `Enter ${label} as a ${i.expected === "int" || !FRACTIONAL.test(path) ? "whole number" : "number"}`;
    case "too_small":
      return `${capitalised(label)} must be ${number(Number(i.minimum))} or more`;
    case "too_big":
      return i.origin === "string" ? `${capitalised(label)} must be ${number(Number(i.maximum))} characters or fewer` : `${capitalised(label)} must be ${number(Number(i.maximum))} or less`;
    case "invalid_value":
      return `Choose ${label}`;
    default:
      return `Check ${label}`;
  }
};

export type SettingsFromForm = { ok: true; settings: TenantSettings } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Checks what was typed with the settings schema. Each refusal is keyed by the field's name (the
 * setting's path), in the order of the form. Sharing figures needs at least one partner council's LA code.
 */
export function settingsFromForm(values: Typed, keep: Partial<Record<Role, number | null>> = {}): SettingsFromForm {
  const parsed = tenantSettingsSchema.safeParse(settingsDocumentFromForm(values, keep), { error: messageFor });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      if (!path.startsWith("benchmarking.partners")) fieldErrors[path] ??= issue.message;
    }
  }
  const partners = laCodes(text(values, "benchmarking.partners"));
  const notCodes = partners.filter((c) => !/^[0-9]{3}$/.test(c));
  if (notCodes.length > 0) fieldErrors["benchmarking.partners"] = `An LA code is the DfE's 3-digit number for a council, like 202: check ${notCodes.map((c) => `“${c}”`).join(", ")}`;
  else if (partners.length > MAX_PARTNERS) fieldErrors["benchmarking.partners"] = `Share with ${MAX_PARTNERS} councils or fewer: remove ${partners.length - MAX_PARTNERS}`;
  else if (ticked(values, "benchmarking.optIn") && partners.length === 0) {
    fieldErrors["benchmarking.partners"] = "Enter the LA code of at least one council to share figures with, or untick sharing";
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    const sections = Object.keys(tenantSettingsSchema.shape);
    const place = (path: string) => sections.indexOf(path.split(".")[0]!);
    return { ok: false, fieldErrors: Object.fromEntries(Object.entries(fieldErrors).sort(([a], [b]) => place(a) - place(b))) };
  }
  return { ok: true, settings: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// What changed

export type SettingChange = { path: string; before: unknown; after: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function diff(a: unknown, b: unknown, path: string, out: SettingChange[]) {
  if (isObject(a) || isObject(b)) {
    const x = isObject(a) ? a : {};
    const y = isObject(b) ? b : {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) diff(x[k], y[k], path ? `${path}.${k}` : k, out);
  } else if (Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a ?? []) !== JSON.stringify(b ?? []) : (a ?? null) !== (b ?? null)) {
    out.push({ path, before: a ?? null, after: b ?? null });
  }
}

/** Each setting whose value differs, in the order of the document (a level cap added or removed counts). */
export function settingsChanges(before: TenantSettings, after: TenantSettings): SettingChange[] {
  const out: SettingChange[] = [];
  diff(before, after, "", out);
  return out;
}

/** A value as the page would show it. */
export function describeSetting(path: string, value: unknown): string {
  if (value === null || value === undefined) return path.startsWith("caseload.capsByRole") ? "no cap (holds no cases)" : path.startsWith("caseload.capsByLevel") ? "no cap" : "none";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (path === "placements.ifaSavingPerWeek") return `£${number(Number(value))}`;
  if (path === "caseload.countingUnit") return value === "FAMILIES" ? "each family" : "each child";
  if (path === "kpis.reReferralVariant") return value === "AFTER_CLOSURE" ? "after closure" : "the DfE's";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (typeof value === "string") return `“${value}”`;
  return String(value);
}

/** "the cap for a clinician from 12 to 11" */
export function describeChange(c: SettingChange): string {
  return `${settingLabel(c.path)} from ${describeSetting(c.path, c.before)} to ${describeSetting(c.path, c.after)}`;
}
