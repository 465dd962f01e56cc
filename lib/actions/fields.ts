// zod building blocks for form fields: plain-English messages a person can act on.
import { z } from "zod";
import { isIsoDate, todayInEngland } from "@/lib/domain/dates";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const id = (what: string) => z.string({ error: `Choose ${what}` }).regex(UUID, `Choose ${what}`);

export const requiredText = (what: string, max = 4000) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (what: string, max = 4000) =>
  z
    .string()
    .trim()
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** A yyyy-mm-dd date, optionally not in the future. */
export const date = (what: string, options: { notFuture?: boolean } = {}) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .refine(isIsoDate, `Enter ${what} as a real date, for example 27 3 2026`)
    .refine((v) => !options.notFuture || v <= todayInEngland(), `${what[0]!.toUpperCase()}${what.slice(1)} must be today or in the past`);

export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("yes"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "yes");

export const idList = (what: string, options: { min?: number } = {}) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter(Boolean) : [v]))
    .pipe(z.array(z.string().regex(UUID, `Choose ${what}`)).min(options.min ?? 0, `Choose at least one ${what}`));

export const idempotencyKey = z.string().regex(UUID, "This form is out of date: reload the page and try again.");
