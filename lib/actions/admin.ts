"use server";

// Tenant administrators' actions on users, and choosing a password through a link (decision 0017).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { createPasswordLink, createTeam, createUser, setPasswordWithLink, unlockUser, updateUser } from "@/lib/data/admin";
import { ROLES } from "@/lib/domain/roles";
import { TEAM_KINDS } from "@/lib/domain/user-admin";
import { isAppError } from "@/lib/errors";
import { checkbox, id, requiredText } from "./fields";
import { fieldErrorsOf, formValues, handleForm, type FormState } from "./form";

const blank = (v: unknown) => (v === "" || v === undefined ? null : v);

const userSchema = z.object({
  name: requiredText("their full name", 200),
  email: z.string({ error: "Enter their work email address" }).trim().toLowerCase().min(1, "Enter their work email address").max(254, "Enter a shorter email address").pipe(z.email("Enter an email address like name@council.gov.uk")),
  role: z.enum(ROLES, { error: "Choose their role" }),
  teamId: z.preprocess(blank, id("a team from the list").nullable()),
  fte: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(String(v).trim())),
    z.number({ error: "Enter their full-time equivalent, like 1 or 0.6" }).min(0.1, "Full-time equivalent must be between 0.1 and 1").max(1, "Full-time equivalent must be between 0.1 and 1"),
  ),
  employment: z.enum(["PERMANENT", "AGENCY"], { error: "Choose whether they are permanent or agency staff" }),
  caseloadCap: z.preprocess(
    (v) => (v === "" || v === undefined ? null : Number(String(v).trim())),
    z.number({ error: "Enter a personal cap as a whole number, or leave it empty" }).int("Enter a personal cap as a whole number, or leave it empty").min(1, "A personal cap must be between 1 and 100").max(100, "A personal cap must be between 1 and 100").nullable(),
  ),
  sweRegistration: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase().replace(/\s+/g, "") : v),
    z.preprocess(blank, z.string().regex(/^SW[0-9]{1,10}$/, 'Enter the Social Work England registration number: "SW" then digits, like SW123456').nullable()),
  ),
});

/** A refusal's answer without the data a success would carry. */
function refusal<T>({ data: _data, ...state }: FormState<unknown>): FormState<T> {
  return state;
}

export type CreatedUser = { userId: string; link: string };

async function linkFor(token: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/set-password?token=${encodeURIComponent(token)}`;
}

/** Adds the user and returns (once) the link they choose their password with. */
export async function createUserAction(_: FormState, formData: FormData): Promise<FormState<CreatedUser>> {
  const state = await handleForm(formData, userSchema, (ctx, input) => createUser(ctx, input));
  if (state.status !== "ok" || !state.data) return refusal(state);
  revalidatePath("/admin");
  return { ...state, data: { userId: state.data.userId, link: await linkFor(state.data.token) } };
}

const updateSchema = userSchema.extend({
  userId: id("a user"),
  active: checkbox,
  version: z.string().min(1, "This form is out of date: reload the page and try again."),
});

export async function updateUserAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, updateSchema, (ctx, { userId, ...input }) => updateUser(ctx, userId, input));
  if (state.status !== "ok") return state;
  const userId = String(formData.get("userId"));
  revalidatePath("/admin");
  redirect(`/admin/users/${userId}?saved=1`);
}

export async function unlockUserAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, z.object({ userId: id("a user") }), (ctx, input) => unlockUser(ctx, input.userId));
  if (state.status === "ok") revalidatePath(`/admin/users/${String(formData.get("userId"))}`);
  return state;
}

export async function createPasswordLinkAction(_: FormState, formData: FormData): Promise<FormState<{ link: string }>> {
  const state = await handleForm(formData, z.object({ userId: id("a user") }), (ctx, input) => createPasswordLink(ctx, input.userId));
  if (state.status !== "ok" || !state.data) return refusal(state);
  return { ...state, data: { link: await linkFor(state.data) } };
}

const teamSchema = z.object({
  name: requiredText("the team's name", 100),
  kind: z.enum(TEAM_KINDS, { error: "Choose what kind of team it is" }),
});

export async function createTeamAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, teamSchema, (ctx, input) => createTeam(ctx, input));
  if (state.status !== "ok") return state;
  revalidatePath("/admin");
  redirect("/admin?team=added#teams-heading");
}

const passwordSchema = z
  .object({
    token: z.string().min(1),
    password: z.string({ error: "Enter a new password" }).min(1, "Enter a new password"),
    confirm: z.string({ error: "Enter the password again" }).min(1, "Enter the password again"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same: type it again" });

/** Nobody is signed in here: the link is the authority. Passwords are never sent back to the form. */
export async function setPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const answerId = randomUUID();
  const values = formValues(formData);
  const kept = { token: String(values.token ?? "") };
  const parsed = passwordSchema.safeParse(values);
  if (!parsed.success) return { status: "error", message: "Check the answers marked below.", fieldErrors: fieldErrorsOf(parsed.error), values: kept, answerId };
  const h = await headers();
  try {
    await setPasswordWithLink(parsed.data.token, parsed.data.password, { ip: clientAddress(h) });
  } catch (error) {
    if (isAppError(error)) {
      const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v[0] ?? ""])) : undefined;
      return { status: "error", message: fieldErrors ? "Check the answers marked below." : error.message, fieldErrors, values: kept, answerId };
    }
    console.error(error);
    return { status: "error", message: "Sorry, your password could not be saved because of a problem on our side. Try again in a moment.", values: kept, answerId };
  }
  redirect("/login?reason=password-set");
}
