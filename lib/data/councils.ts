// Platform operator work: adding a council (npm run tenant:create). The council starts with every
// setting at its default (its tenant administrator changes them on the Council settings page) and
// one tenant administrator, who chooses their password through a one-time link (decision 0017),
// returned once; only its hash is kept. The
// checks run as the platform operator, who may list councils but nothing inside them, and the rows
// are written inside the new council's own transaction (docs/decisions/0003-tenancy.md).
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findLoginIdentity, withPlatformOperator, withTenant } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import { issuePasswordLink, unknownPasswordHash, type PasswordLinkToken } from "./admin";

export const newCouncilSchema = z.object({
  name: z
    .string({ error: "Give the council's name, like \"Borough of Exeford\"" })
    .trim()
    .min(3, "Give the council's name, like \"Borough of Exeford\"")
    .max(200, "The council's name must be 200 characters or fewer"),
  slug: z
    .string({ error: "Give a short name for the council, like exeford" })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters and digits, with single hyphens between words, like north-exeford")
    .max(40, "The short name must be 40 characters or fewer"),
  laCode: z
    .string({ error: "Give the council's 3-digit DfE local authority code, like 878" })
    .trim()
    .regex(/^[0-9]{3}$/, "Give the council's 3-digit DfE local authority code, like 878"),
  childPopulation: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.replace(/[,\s]/g, "")) : v),
    z
      .number({ error: "Give the number of children aged 0 to 17 in the council's area, like 45000" })
      .int("Give the number of children as a whole number, like 45000")
      .min(1, "Give the number of children aged 0 to 17 in the council's area, like 45000")
      .max(5_000_000, "That is more children than any council in England has: check the number"),
  ),
  adminEmail: z
    .string({ error: "Give the work email address of the council's first tenant administrator" })
    .trim()
    .toLowerCase()
    .pipe(z.email("Give a work email address, like admin@exeford.gov.uk")),
  adminName: z
    .string({ error: "Give the full name of the council's first tenant administrator" })
    .trim()
    .min(1, "Give the full name of the council's first tenant administrator")
    .max(200, "The name must be 200 characters or fewer"),
});

export type NewCouncil = z.input<typeof newCouncilSchema>;

export type CreatedCouncil = {
  tenantId: string;
  name: string;
  slug: string;
  admin: { userId: string; email: string; name: string };
  /** the secret of the administrator's link to choose their password (/set-password?token=…): shown once, only its hash is kept */
  passwordLinkToken: PasswordLinkToken;
};

const invalid = (fieldErrors: Record<string, string[]>) =>
  new AppError("VALIDATION", `The council was not added: ${Object.values(fieldErrors).flat().join("; ")}.`, fieldErrors);

/** Refusals for a short name, LA code or email already in use; none when all are free. */
async function clashes(input: { slug: string; laCode: string; adminEmail: string }): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const { bySlug, byCode } = await withPlatformOperator(async (tx) => ({
    bySlug: await tx.tenant.findUnique({ where: { slug: input.slug }, select: { name: true } }),
    byCode: await tx.tenant.findFirst({ where: { laCode: input.laCode }, select: { name: true } }),
  }));
  if (bySlug) errors.slug = [`The short name "${input.slug}" is already used by ${bySlug.name}: choose another`];
  if (byCode) errors.laCode = [`LA code ${input.laCode} is already used by ${byCode.name}: check the code`];
  // emails are unique across the service: sign-in finds the council from the address
  if (await findLoginIdentity(input.adminEmail)) {
    errors.adminEmail = [`There is already a Continuum account with ${input.adminEmail}, in another council or this one: each administrator needs their own work address`];
  }
  return errors;
}

/**
 * Adds a council with default settings and its first tenant administrator, audited in the council's
 * own log (the operator is no user of the council: the actor is empty and `operator` names them).
 * Refused, per field, for invalid input or a short name, LA code or email already in use.
 */
export async function createCouncil(raw: NewCouncil, options: { operator?: string } = {}): Promise<CreatedCouncil> {
  const parsed = newCouncilSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    throw invalid(fieldErrors);
  }
  const input = parsed.data;
  const clash = await clashes(input);
  if (Object.keys(clash).length > 0) throw invalid(clash);

  const tenantId = randomUUID();
  const passwordHash = await unknownPasswordHash();
  const now = new Date();
  const via = { via: "npm run tenant:create", ...(options.operator ? { operator: options.operator } : {}) };
  try {
    const { userId, token } = await withTenant(tenantId, async (tx) => {
      await tx.tenant.create({ data: { id: tenantId, name: input.name, slug: input.slug, laCode: input.laCode, childPopulation: input.childPopulation, settings: {} } });
      const user = await tx.user.create({ data: { tenantId, name: input.adminName, email: input.adminEmail, passwordHash, role: "TENANT_ADMIN" }, select: { id: true } });
      await tx.loginIdentity.create({ data: { email: input.adminEmail, tenantId, userId: user.id } });
      await tx.auditEvent.createMany({
        data: [
          { tenantId, actorId: null, action: "tenant.created", entityType: "tenant", entityId: tenantId, details: { ...via, name: input.name, slug: input.slug, laCode: input.laCode, childPopulation: input.childPopulation } },
          { tenantId, actorId: null, action: "user.created", entityType: "user", entityId: user.id, details: { ...via, name: input.adminName, email: input.adminEmail, role: "TENANT_ADMIN" } },
        ],
      });
      const token = await issuePasswordLink(tx, { tenantId, userId: user.id, createdBy: null, purpose: "INVITE", now });
      return { userId: user.id, token };
    });
    return { tenantId, name: input.name, slug: input.slug, admin: { userId, email: input.adminEmail, name: input.adminName }, passwordLinkToken: token };
  } catch (error) {
    // added at the same moment by someone else: say which
    if ((error as { code?: string } | null)?.code === "P2002") {
      const late = await clashes(input);
      if (Object.keys(late).length > 0) throw invalid(late);
    }
    throw error;
  }
}
