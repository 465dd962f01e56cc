// A council's settings, validated with zod wherever they are read or written. Defaults come from the
// source reports (docs/design domain.md, timescales-and-kpis.md); a council changes them as tenant
// administrator.
import { z } from "zod";
import { LEVELS, ROLES } from "./roles";

/** Frontline social worker 18 cases; newly qualified lower (domain.md "Caseload caps"). */
const DEFAULT_CAPS: Partial<Record<(typeof ROLES)[number], number>> = {
  SOCIAL_WORKER: 18,
  NEWLY_QUALIFIED_SOCIAL_WORKER: 12,
  SENIOR_PRACTITIONER: 15,
  FAMILY_KEYWORKER: 18,
  SENIOR_FAMILY_KEYWORKER: 15,
  CLINICIAN: 12,
};

/** councils one council may share its figures with */
export const MAX_PARTNERS = 30;

const workingDays = z.number().int().min(1).max(260);

const levelNumbers = (defaults: Record<(typeof LEVELS)[number], number>, item: z.ZodNumber) =>
  z.object(Object.fromEntries(LEVELS.map((l) => [l, item.default(defaults[l])])) as Record<(typeof LEVELS)[number], z.ZodDefault<z.ZodNumber>>).prefault({});

export const tenantSettingsSchema = z.object({
  caseload: z
    .object({
      /** what one case counts as: each child (the DfE way) or each family */
      countingUnit: z.enum(["CHILDREN", "FAMILIES"]).default("CHILDREN"),
      /** cap per role; a role without a cap holds no cases */
      capsByRole: z
        .object(
          Object.fromEntries(
            ROLES.map((r) => [r, z.number().int().min(1).max(100).nullable().default(DEFAULT_CAPS[r] ?? null)]),
          ) as Record<(typeof ROLES)[number], z.ZodDefault<z.ZodNullable<z.ZodNumber>>>,
        )
        .prefault({}),
      /** a lower cap for work at one level, e.g. children in care: 15 children */
      capsByLevel: z.partialRecord(z.enum(LEVELS), z.number().int().min(1).max(100)).default({ LOOKED_AFTER: 15 }),
      weightsEnabled: z.boolean().default(false),
      weights: levelNumbers(
        { EARLY_HELP: 0.5, SUPPORT: 0.75, CHILD_IN_NEED: 1, CHILD_PROTECTION: 1.5, LOOKED_AFTER: 1, CARE_LEAVER: 0.75 },
        z.number().min(0).max(5),
      ),
      /** part-time workers' caps scale with their FTE */
      fteScaling: z.boolean().default(true),
    })
    .prefault({}),
  drift: z
    .object({
      /** working days without a significant intervention before a case is red */
      thresholds: levelNumbers(
        { EARLY_HELP: 20, SUPPORT: 15, CHILD_IN_NEED: 20, CHILD_PROTECTION: 10, LOOKED_AFTER: 30, CARE_LEAVER: 40 },
        workingDays,
      ),
      amberFraction: z.number().min(0.1).max(1).default(0.75),
    })
    .prefault({}),
  timescales: z
    .object({
      dueSoonWorkingDays: workingDays.default(5),
      cpVisitWorkingDays: workingDays.default(10),
    })
    .prefault({}),
  kpis: z
    .object({
      reReferralVariant: z.enum(["DFE", "AFTER_CLOSURE"]).default("DFE"),
    })
    .prefault({}),
  benchmarking: z
    .object({
      optIn: z.boolean().default(false),
      /** what the council calls its partnership, shown above the figures; naming it grants nothing */
      group: z.string().trim().max(60).nullable().default(null),
      /**
       * The DfE LA codes of the councils it shares with. A partner sees the council's figures only
       * while it also opts in and names this council's code back (the database checks both halves).
       */
      partners: z
        .array(z.string().regex(/^[0-9]{3}$/))
        .max(MAX_PARTNERS)
        .refine((codes) => new Set(codes).size === codes.length)
        .default([]),
    })
    .prefault({}),
  placements: z
    .object({
      ifaSavingPerWeek: z.number().min(0).max(10_000).default(500),
    })
    .prefault({}),
  security: z
    .object({
      lockAfterFailedSignIns: z.number().int().min(3).max(20).default(5),
      lockMinutes: z.number().int().min(1).max(24 * 60).default(30),
    })
    .prefault({}),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** Reads stored settings, filling defaults; throws a zod error when stored values are invalid. */
export function parseTenantSettings(raw: unknown): TenantSettings {
  return tenantSettingsSchema.parse(raw ?? {});
}
