// The single front door (domain.md "The flow"): contacts are recorded about children, then decided —
// no further action, advice, early help, Support, or a referral to children's social care. A decision
// for early help, Support or a referral opens a case for the family (or uses its open case); a
// referral also starts a CIN episode for each child, flagged when it is a re-referral (DfE rule in
// lib/domain/re-referral.ts).
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { addDays, ageOn, formatDate, fromIsoDate, isIsoDate, todayInEngland, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { classifyReferral, referralsInWindow } from "@/lib/domain/re-referral";
import {
  CONTACT_DECISION_LABELS,
  CONTACT_DECISIONS,
  DECISION_LEVEL,
  MAX_NEW_CHILDREN,
  opensCase,
  PRIMARY_NEED_CODE_VALUES,
  REFERRAL_SOURCE_CODES,
  type ContactDecision,
} from "@/lib/domain/referral-codes";
import type { Level } from "@/lib/domain/roles";
import { AppError, notFoundError } from "@/lib/errors";
import { allocateInTx, endAllocationsInTx } from "./allocations";
import { recordAudit } from "./audit";
import { findLikelyDuplicatesInTx, type LikelyDuplicate } from "./duplicates";
import { parseId } from "./ids";
import { nextCaseReference, nextLaChildId } from "./references";
import { assertMayOpen, refusedPeople, restrictionsFor } from "./restricted";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

/** Teams a front-door decision can give a case to (not management, clinical or the front door itself). */
const CASE_TEAM_KINDS = ["EARLY_HELP", "MIXED", "SOCIAL_WORK", "CHILDREN_IN_CARE", "CARE_LEAVERS"] as const;

/** The decision on a contact is due within 1 working day (timescales-and-kpis.md). */
const DECISION_DUE_WORKING_DAYS = 1;

const invalid = (field: string, message: string) => new AppError("VALIDATION", "Check the answers marked below.", { [field]: [message] });

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A contact's children, eldest first (an unborn baby last). */
const CHILDREN_OLDEST_FIRST: Prisma.ContactChildOrderByWithRelationInput[] = [
  { person: { dateOfBirth: { sort: "asc", nulls: "last" } } },
  { person: { expectedDateOfBirth: "asc" } },
  { person: { firstName: "asc" } },
];

/**
 * Weekdays after `from` up to and including `to` (the same day is 0). A stand-in until the working-day
 * calendar with bank holidays arrives; then this becomes workingDaysBetween.
 */
function weekdaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const day = fromIsoDate(d).getUTCDay();
    if (day !== 0 && day !== 6) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Recording a contact

export type Sex = "M" | "F" | "U";

/** A child not yet known to the council. Exactly one of the two dates. */
export type NewChild = {
  firstName: string;
  lastName: string;
  sex: Sex;
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  /** the person chose an existing record shown as a likely match */
  existingPersonId?: string | null;
  /** or confirmed this is a new child despite likely matches, and why */
  newPersonReason?: string | null;
};
export type NewFamily = { name: string; address?: string | null; postcode?: string | null; children: NewChild[] };

type ContactDetails = { idempotencyKey: string; receivedOn: IsoDate; source: string; reason: string };
export type RecordContactInput = ContactDetails & ({ familyId: string; childIds: string[] } | { newFamily: NewFamily });
export type RecordedContact = { contactId: string; created: boolean };

export type ContactFormFamily = {
  familyId: string;
  familyName: string;
  children: { id: string; name: string; dateOfBirth: IsoDate | null; expectedDateOfBirth: IsoDate | null; age: number | null }[];
};

/** The family and its children, for "Record a contact about this family". */
export async function getFamilyForContactForm(ctx: Ctx, familyIdInput: string): Promise<ContactFormFamily> {
  assertCan(ctx, "contact:record", "record contacts");
  const familyId = parseId(familyIdInput, "family");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { familyId });
    const family = await tx.family.findFirst({
      where: { tenantId: ctx.tenantId, id: familyId },
      select: {
        id: true,
        name: true,
        members: {
          where: { person: { kind: "CHILD" } },
          select: { person: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true, expectedDateOfBirth: true } } },
        },
      },
    });
    if (!family) throw notFoundError("family");
    await recordAudit(tx, ctx, { action: "family.viewed", entityType: "family", entityId: family.id, details: { for: "record a contact" } });
    return {
      familyId: family.id,
      familyName: family.name,
      children: family.members
        .map(({ person: p }) => {
          const dob = p.dateOfBirth ? toIsoDate(p.dateOfBirth) : null;
          return { id: p.id, name: fullName(p), dateOfBirth: dob, expectedDateOfBirth: p.expectedDateOfBirth ? toIsoDate(p.expectedDateOfBirth) : null, age: dob ? ageOn(dob, today) : null };
        })
        .sort((a, b) => (b.age ?? -1) - (a.age ?? -1)),
    };
  });
}

function checkContactDetails(input: ContactDetails, today: IsoDate): void {
  if (!UUID.test(input.idempotencyKey)) throw new AppError("VALIDATION", "This form is out of date: reload the page and try again.");
  if (!isIsoDate(input.receivedOn)) throw invalid("receivedOn", "Enter the date the contact was received as a real date");
  if (input.receivedOn > today) throw invalid("receivedOn", "The date the contact was received must be today or in the past");
  if (!(REFERRAL_SOURCE_CODES as readonly string[]).includes(input.source)) throw invalid("source", "Choose who the contact came from");
  if (!input.reason.trim()) throw invalid("reason", "Enter the reason for the contact");
}

/** Checks a new family's details and returns them tidied (trimmed names, upper-case postcode). */
function checkNewFamily(family: NewFamily, receivedOn: IsoDate, today: IsoDate): NewFamily {
  const name = family.name.trim();
  if (!name) throw invalid("familyName", "Enter the family name");
  const postcode = family.postcode?.trim().toUpperCase().replace(/\s+/g, " ").replace(/^([A-Z0-9]+?)([0-9][A-Z]{2})$/, "$1 $2") || null;
  if (postcode && !POSTCODE.test(postcode)) throw invalid("postcode", "Enter a real postcode, for example KM1 4AB, or leave it empty if it is not known");
  if (family.children.length < 1 || family.children.length > MAX_NEW_CHILDREN) throw invalid("children", `Add between one and ${MAX_NEW_CHILDREN} children`);
  const children = family.children.map((child, i) => {
    const field = (f: string) => `children.${i}.${f}`;
    const firstName = child.firstName.trim();
    const lastName = child.lastName.trim();
    if (!firstName) throw invalid(field("firstName"), "Enter the child's first name");
    if (!lastName) throw invalid(field("lastName"), "Enter the child's last name");
    if (!["M", "F", "U"].includes(child.sex)) throw invalid(field("sex"), "Choose the child's sex, or Not known");
    if ((child.dateOfBirth === null) === (child.expectedDateOfBirth === null)) throw invalid(field("date"), "Enter the date of birth, or the expected date if the baby is not born yet");
    if (child.dateOfBirth !== null) {
      if (!isIsoDate(child.dateOfBirth)) throw invalid(field("date"), "Enter the date of birth as a real date");
      if (child.dateOfBirth > today) throw invalid(field("date"), "The date of birth must be today or in the past. For an unborn baby, tick 'Not born yet'");
      if (ageOn(child.dateOfBirth, receivedOn) >= 18) throw invalid(field("date"), "The child must be under 18 on the day the contact was received");
    } else {
      const expected = child.expectedDateOfBirth!;
      if (!isIsoDate(expected)) throw invalid(field("date"), "Enter the expected date as a real date");
      if (expected < receivedOn) throw invalid(field("date"), "The expected date must be on or after the date the contact was received. If the baby is born, untick 'Not born yet' and enter the date of birth");
      if (expected > addDays(today, 300)) throw invalid(field("date"), "The expected date must be within the next 10 months");
    }
    return { ...child, firstName, lastName };
  });
  return { name: /\bfamily$/i.test(name) ? name : `${name} family`, address: family.address?.trim() || null, postcode, children };
}

/**
 * Creates a family not yet known to the council and its children's person records. Every person the
 * front door creates is created here, so duplicate detection (a later issue) has one place to hook in.
 * Each new child is given the council's next LA child id (docs/decisions/0021-child-identifiers.md).
 */
export async function createFamilyWithChildren(tx: Tx, ctx: Ctx, family: NewFamily): Promise<{ familyId: string; childIds: string[] }> {
  // Every child already known: the contact is about their existing family, nothing new is created.
  if (family.children.every((c) => c.existingPersonId)) {
    const first = await tx.familyMember.findFirst({ where: { tenantId: ctx.tenantId, personId: family.children[0]!.existingPersonId! }, select: { familyId: true } });
    if (first) return { familyId: first.familyId, childIds: family.children.map((c) => c.existingPersonId!) };
  }
  const created = await tx.family.create({
    data: { tenantId: ctx.tenantId, name: family.name, address: family.address ?? null, postcode: family.postcode ?? null },
    select: { id: true },
  });
  await recordAudit(tx, ctx, { action: "family.created", entityType: "family", entityId: created.id });
  const childIds: string[] = [];
  for (const child of family.children) {
    if (child.existingPersonId) {
      // a child already known joins this family record too (for example, living with the other parent)
      await tx.familyMember.create({ data: { tenantId: ctx.tenantId, familyId: created.id, personId: child.existingPersonId, relationship: "CHILD" } });
      childIds.push(child.existingPersonId);
      continue;
    }
    const person = await tx.person.create({
      data: {
        tenantId: ctx.tenantId,
        kind: "CHILD",
        firstName: child.firstName,
        lastName: child.lastName,
        sex: child.sex,
        dateOfBirth: child.dateOfBirth ? fromIsoDate(child.dateOfBirth) : null,
        expectedDateOfBirth: child.expectedDateOfBirth ? fromIsoDate(child.expectedDateOfBirth) : null,
        postcode: family.postcode ?? null,
        // the council's own identifier from the start, so the CIN census and SSDA903 know the child by it every year
        laChildId: await nextLaChildId(tx, ctx.tenantId),
      },
      select: { id: true, laChildId: true },
    });
    await tx.familyMember.create({ data: { tenantId: ctx.tenantId, familyId: created.id, personId: person.id, relationship: "CHILD" } });
    await recordAudit(tx, ctx, {
      action: "person.created",
      entityType: "person",
      entityId: person.id,
      personId: person.id,
      details: { familyId: created.id, laChildId: person.laChildId, ...(child.newPersonReason ? { newDespiteLikelyMatch: child.newPersonReason } : {}) },
    });
    childIds.push(person.id);
  }
  return { familyId: created.id, childIds };
}

/**
 * Duplicate prevention (docs/decisions/0011-search-and-merge.md): before a child's record is created,
 * likely existing records are offered. The person recording picks one, or confirms a new record and
 * says why; until then nothing is written.
 */
/** A likely match in a restricted family the user may not open shows only that it exists, and whom to ask (decision 0019). */
async function maskRestricted(tx: Tx, ctx: Ctx, matches: LikelyDuplicate[]): Promise<LikelyDuplicate[]> {
  const refused = await refusedPeople(tx, ctx, matches.map((m) => m.id));
  return matches.map((m) => {
    const refusal = refused.get(m.id);
    return refusal ? { id: "", name: "", dateOfBirth: null, age: null, postcode: null, laChildId: null, level: null, caseReference: null, reasons: [], restricted: refusal.message } : m;
  });
}

async function checkForDuplicates(tx: Tx, ctx: Ctx, family: NewFamily): Promise<void> {
  const pending: Record<number, LikelyDuplicate[]> = {};
  for (const [i, child] of family.children.entries()) {
    if (child.existingPersonId) {
      const known = await tx.person.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(child.existingPersonId, "child"), kind: "CHILD", mergedIntoId: null }, select: { id: true } });
      if (!known) throw invalid(`children.${i}.match`, "Choose one of the records shown, or confirm this is a new child");
      await assertMayOpen(tx, ctx, { personId: known.id });
      await recordAudit(tx, ctx, { action: "person.matched_at_front_door", entityType: "person", entityId: known.id, personId: known.id, details: { typed: `${child.firstName} ${child.lastName}` } });
      continue;
    }
    if (child.newPersonReason || !child.dateOfBirth) continue;
    const matches = await findLikelyDuplicatesInTx(tx, ctx.tenantId, { firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth });
    if (matches.length) pending[i] = await maskRestricted(tx, ctx, matches);
  }
  const children = Object.keys(pending).map(Number);
  if (children.length) {
    throw new AppError(
      "CONFLICT",
      "Some of these children may already have a record. Choose the existing record, or confirm a new one and say why.",
      Object.fromEntries(children.map((i) => [`children.${i}.match`, [`Child ${i + 1} may already be known: choose the existing record or confirm a new one`]])),
      { duplicates: pending },
    );
  }
}

/**
 * Records a contact about children of a known family, or about a new family (whose records are
 * created). The idempotency key comes from the form: sending the same form twice, even at the same
 * moment, records one contact and answers both with it.
 */
export async function recordContact(ctx: Ctx, input: RecordContactInput): Promise<RecordedContact> {
  assertCan(ctx, "contact:record", "record contacts");
  const today = todayInEngland();
  checkContactDetails(input, today);
  const familyId = "familyId" in input ? parseId(input.familyId, "family") : null;
  const childIds = "childIds" in input ? [...new Set(input.childIds.map((id) => id.toLowerCase()))] : [];
  if (familyId && (childIds.length === 0 || childIds.some((id) => !UUID.test(id)))) throw invalid("childIds", "Choose at least one child the contact is about");
  const newFamily = "newFamily" in input ? checkNewFamily(input.newFamily, input.receivedOn, today) : null;
  const key = input.idempotencyKey.toLowerCase();

  return withTenant(ctx.tenantId, async (tx) => {
    const existing = await tx.contact.findFirst({
      where: { tenantId: ctx.tenantId, idempotencyKey: key },
      select: { id: true, reason: true, receivedOn: true, source: true, familyId: true, children: { select: { personId: true } } },
    });
    if (existing) {
      // the same form sent again is the same contact; different details under the same key are not
      const sameChildren = !familyId || [...childIds].sort().join() === existing.children.map((c) => c.personId).sort().join();
      const same = existing.reason === input.reason.trim() && toIsoDate(existing.receivedOn) === input.receivedOn && existing.source === input.source && (!familyId || existing.familyId === familyId) && sameChildren;
      if (!same) {
        throw new AppError("CONFLICT", "This form was already used to record a different contact. Reload the page to record another one: what you typed is still here.");
      }
      return { contactId: existing.id, created: false };
    }

    if (familyId) {
      await assertMayOpen(tx, ctx, { familyId });
      const family = await tx.family.findFirst({
        where: { tenantId: ctx.tenantId, id: familyId },
        select: { members: { where: { person: { kind: "CHILD" } }, select: { personId: true } } },
      });
      if (!family) throw notFoundError("family");
      const children = new Set(family.members.map((m) => m.personId));
      if (childIds.some((id) => !children.has(id))) throw invalid("childIds", "Choose children from this family");
    }

    // Claim the key first: a second copy of this form waits here for the first to finish, then finds
    // the key taken and returns the first one's contact without writing anything.
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO contact (tenant_id, received_on, source, reason, family_id, recorded_by_id, idempotency_key)
      VALUES (${ctx.tenantId}::uuid, ${input.receivedOn}::date, ${input.source}, ${input.reason.trim()}, ${familyId}::uuid, ${ctx.userId}::uuid, ${key}::uuid)
      ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
      RETURNING id`;
    const contactId = claimed[0]?.id;
    if (!contactId) {
      const first = await tx.contact.findFirst({ where: { tenantId: ctx.tenantId, idempotencyKey: key }, select: { id: true } });
      if (!first) throw new AppError("CONFLICT", "This contact is being recorded from another tab. Wait a moment, then look for it on the family's page.");
      return { contactId: first.id, created: false };
    }

    let aboutFamily = familyId;
    let aboutChildren = childIds;
    if (newFamily) {
      await checkForDuplicates(tx, ctx, newFamily);
      const created = await createFamilyWithChildren(tx, ctx, newFamily);
      aboutFamily = created.familyId;
      aboutChildren = created.childIds;
      await tx.contact.updateMany({ where: { tenantId: ctx.tenantId, id: contactId }, data: { familyId: aboutFamily } });
    }
    await tx.contactChild.createMany({ data: aboutChildren.map((personId) => ({ tenantId: ctx.tenantId, contactId, personId })) });
    for (const personId of aboutChildren) {
      await recordAudit(tx, ctx, {
        action: "contact.recorded",
        entityType: "contact",
        entityId: contactId,
        personId,
        details: { familyId: aboutFamily, newFamily: newFamily !== null, source: input.source, receivedOn: input.receivedOn },
      });
    }
    return { contactId, created: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The contact page

export type EarlierReferral = { episodeId: string; referralDate: IsoDate; caseId: string; caseReference: string };

export type ContactView = {
  id: string;
  receivedOn: IsoDate;
  source: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
  family: { id: string; name: string; postcode: string | null } | null;
  /** the family's open case, which a decision to open a case would use */
  openCase: { id: string; reference: string; level: Level; teamId: string | null; teamName: string | null } | null;
  children: {
    id: string;
    name: string;
    dateOfBirth: IsoDate | null;
    expectedDateOfBirth: IsoDate | null;
    /** the child's referrals in the 12 months before this contact (DfE re-referral window) */
    earlierReferrals: EarlierReferral[];
    /** after a referral decision: the CIN episode it started */
    episode: { id: string; reReferral: boolean; primaryNeedCode: string | null; previous: EarlierReferral | null } | null;
  }[];
  decision: {
    decision: ContactDecision;
    decisionOn: IsoDate;
    decidedBy: string | null;
    note: string | null;
    case: { id: string; reference: string; level: Level } | null;
  } | null;
  /** working days since it was received, while it waits for a decision */
  waitingWorkingDays: number | null;
  overdue: boolean;
  canDecide: boolean;
  teams: { id: string; name: string }[];
};

async function caseTeams(tx: Tx, tenantId: string) {
  return tx.team.findMany({ where: { tenantId, kind: { in: [...CASE_TEAM_KINDS] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

async function earlierReferralsByChild(tx: Tx, tenantId: string, childIds: string[], referralDate: IsoDate) {
  const rows = await tx.cinEpisode.findMany({
    where: { tenantId, personId: { in: childIds }, referralDate: { lt: fromIsoDate(referralDate) } },
    select: { id: true, personId: true, referralDate: true, case: { select: { id: true, reference: true } } },
  });
  const byChild = new Map<string, (EarlierReferral & { personId: string })[]>();
  for (const r of rows) {
    const list = byChild.get(r.personId) ?? [];
    list.push({ episodeId: r.id, personId: r.personId, referralDate: toIsoDate(r.referralDate), caseId: r.case.id, caseReference: r.case.reference });
    byChild.set(r.personId, list);
  }
  return byChild;
}

const toEarlier = (e: { id: string; referralDate: Date; case: { id: string; reference: string } }): EarlierReferral => ({
  episodeId: e.id,
  referralDate: toIsoDate(e.referralDate),
  caseId: e.case.id,
  caseReference: e.case.reference,
});

/** A contact, its children and their referrals in the last 12 months, and its decision. Audited per child. */
export async function getContactForView(ctx: Ctx, contactIdInput: string): Promise<ContactView> {
  assertCan(ctx, "contact:record", "open contacts");
  const contactId = parseId(contactIdInput, "contact");
  const today = todayInEngland();
  const canDecide = can(ctx.role, "contact:decide");
  return withTenant(ctx.tenantId, async (tx) => {
    const c = await tx.contact.findFirst({
      where: { tenantId: ctx.tenantId, id: contactId },
      select: {
        id: true,
        receivedOn: true,
        source: true,
        reason: true,
        createdAt: true,
        recordedBy: { select: { name: true } },
        decision: true,
        decisionOn: true,
        decisionNote: true,
        decidedBy: { select: { name: true } },
        case: { select: { id: true, reference: true, level: true } },
        family: {
          select: {
            id: true,
            name: true,
            postcode: true,
            cases: {
              where: { status: "OPEN" },
              select: { id: true, reference: true, level: true, team: { select: { id: true, name: true } } },
              orderBy: [{ openedOn: "desc" }, { createdAt: "desc" }],
              take: 1,
            },
          },
        },
        children: { select: { person: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true, expectedDateOfBirth: true } } } },
        episodes: {
          select: {
            id: true,
            personId: true,
            reReferral: true,
            primaryNeedCode: true,
            previousEpisode: { select: { id: true, referralDate: true, case: { select: { id: true, reference: true } } } },
          },
        },
      },
    });
    if (!c) throw notFoundError("contact");
    if (c.family) await assertMayOpen(tx, ctx, { familyId: c.family.id });
    const receivedOn = toIsoDate(c.receivedOn);
    const childIds = c.children.map((ch) => ch.person.id);
    const earlier = await earlierReferralsByChild(tx, ctx.tenantId, childIds, receivedOn);
    for (const personId of childIds) {
      await recordAudit(tx, ctx, { action: "contact.viewed", entityType: "contact", entityId: c.id, personId, caseId: c.case?.id ?? null });
    }
    const open = c.family?.cases[0];
    const waiting = c.decision ? null : weekdaysBetween(receivedOn, today);
    return {
      id: c.id,
      receivedOn,
      source: c.source,
      reason: c.reason,
      recordedBy: c.recordedBy.name,
      recordedAt: c.createdAt.toISOString(),
      family: c.family ? { id: c.family.id, name: c.family.name, postcode: c.family.postcode } : null,
      openCase: open ? { id: open.id, reference: open.reference, level: open.level, teamId: open.team?.id ?? null, teamName: open.team?.name ?? null } : null,
      children: c.children
        .map(({ person: p }) => {
          const episode = c.episodes.find((e) => e.personId === p.id);
          return {
            id: p.id,
            name: fullName(p),
            dateOfBirth: p.dateOfBirth ? toIsoDate(p.dateOfBirth) : null,
            expectedDateOfBirth: p.expectedDateOfBirth ? toIsoDate(p.expectedDateOfBirth) : null,
            earlierReferrals: referralsInWindow(receivedOn, earlier.get(p.id) ?? []).map(({ personId: _personId, ...r }) => r),
            episode: episode
              ? { id: episode.id, reReferral: episode.reReferral, primaryNeedCode: episode.primaryNeedCode, previous: episode.previousEpisode ? toEarlier(episode.previousEpisode) : null }
              : null,
          };
        })
        .sort((a, b) => (a.dateOfBirth ?? a.expectedDateOfBirth ?? "").localeCompare(b.dateOfBirth ?? b.expectedDateOfBirth ?? "")),
      decision: c.decision
        ? { decision: c.decision, decisionOn: toIsoDate(c.decisionOn!), decidedBy: c.decidedBy?.name ?? null, note: c.decisionNote, case: c.case }
        : null,
      waitingWorkingDays: waiting,
      overdue: waiting !== null && waiting > DECISION_DUE_WORKING_DAYS,
      canDecide: canDecide && !c.decision,
      teams: canDecide && !c.decision ? await caseTeams(tx, ctx.tenantId) : [],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Deciding a contact

export type DecideContactInput = {
  contactId: string;
  decision: ContactDecision;
  decisionOn: IsoDate;
  note: string;
  /** the team for a case the decision opens */
  teamId?: string | null;
  /** referrals only: CIN census PrimaryNeedCode */
  primaryNeedCode?: string | null;
};

export type DecidedContact = { contactId: string; caseId: string | null; caseReference: string | null; openedCase: boolean };

/**
 * Records the decision on a contact, once. Early help or Support opens a case at that level for the
 * family, or links its open case. A referral opens a child in need case (or attaches to the open case,
 * raising an early help or Support case to child in need: a front-door referral is a threshold
 * decision) and starts one CIN episode per child, flagged when it is a re-referral.
 */
export async function decideContact(ctx: Ctx, input: DecideContactInput): Promise<DecidedContact> {
  assertCan(ctx, "contact:decide", "decide contacts");
  const contactId = parseId(input.contactId, "contact");
  const today = todayInEngland();
  if (!CONTACT_DECISIONS.includes(input.decision)) throw invalid("decision", "Choose a decision");
  if (!isIsoDate(input.decisionOn)) throw invalid("decisionOn", "Enter the decision date as a real date");
  if (input.decisionOn > today) throw invalid("decisionOn", "The decision date must be today or in the past");
  const note = input.note.trim();
  if (!note) throw invalid("note", "Enter the reasons for the decision");
  const decision = input.decision;
  const teamId = opensCase(decision) ? (input.teamId ?? "").toLowerCase() : null;
  if (teamId !== null && !UUID.test(teamId)) throw invalid("teamId", "Choose the team that will hold the case");
  const need = decision === "REFERRAL" ? (input.primaryNeedCode ?? "") : null;
  if (need !== null && !(PRIMARY_NEED_CODE_VALUES as readonly string[]).includes(need)) throw invalid("primaryNeedCode", "Choose the child's primary need");

  return withTenant(ctx.tenantId, async (tx) => {
    // One decision per contact: a second decider waits here for the first, then sees it decided.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM contact WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${contactId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFoundError("contact");
    const contact = await tx.contact.findFirstOrThrow({
      where: { tenantId: ctx.tenantId, id: contactId },
      select: {
        id: true,
        receivedOn: true,
        source: true,
        familyId: true,
        decision: true,
        decisionOn: true,
        decidedBy: { select: { name: true } },
        children: { select: { personId: true } },
      },
    });
    if (contact.familyId) await assertMayOpen(tx, ctx, { familyId: contact.familyId });
    if (contact.decision) {
      throw new AppError(
        "REFUSED",
        `This contact has already been decided: ${CONTACT_DECISION_LABELS[contact.decision]}, by ${contact.decidedBy?.name ?? "someone"} on ${formatDate(contact.decisionOn)}. A decision is made once. If things have changed, record a new contact.`,
      );
    }
    const receivedOn = toIsoDate(contact.receivedOn);
    if (input.decisionOn < receivedOn) {
      throw invalid("decisionOn", `The decision date must be on or after the date the contact was received (${formatDate(receivedOn)})`);
    }
    const childIds = contact.children.map((ch) => ch.personId);
    const decisionOn = fromIsoDate(input.decisionOn);

    let caseId: string | null = null;
    let caseReference: string | null = null;
    let openedCase = false;
    if (opensCase(decision)) {
      const team = await tx.team.findFirst({ where: { tenantId: ctx.tenantId, id: teamId!, kind: { in: [...CASE_TEAM_KINDS] } }, select: { id: true } });
      if (!team) throw invalid("teamId", "Choose the team that will hold the case from the list");
      if (!contact.familyId) throw new AppError("REFUSED", "This contact is not linked to a family, so no case can be opened for it.");
      const level: Level = DECISION_LEVEL[decision];
      // Lock the family: two decisions about one family at once cannot both open a case for it.
      await tx.$queryRaw`SELECT id FROM family WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${contact.familyId}::uuid FOR UPDATE`;
      const open = await tx.case.findFirst({
        where: { tenantId: ctx.tenantId, familyId: contact.familyId, status: "OPEN" },
        orderBy: [{ openedOn: "desc" }, { createdAt: "desc" }],
        select: { id: true, reference: true, level: true, teamId: true, children: { select: { personId: true, removedOn: true } } },
      });
      if (open) {
        caseId = open.id;
        caseReference = open.reference;
        const raise = decision === "REFERRAL" && (open.level === "EARLY_HELP" || open.level === "SUPPORT");
        if (raise) {
          await stepUpByReferral(tx, ctx, { caseId: open.id, from: open.level, fromTeamId: open.teamId, toTeamId: team.id, contactId: contact.id, decisionOn: input.decisionOn, note: note || null });
        } else if (!open.teamId) {
          await tx.case.updateMany({ where: { tenantId: ctx.tenantId, id: open.id }, data: { teamId: team.id, version: { increment: 1 } } });
        }
        // children the contact is about join the case if they are not on it
        const onCase = new Map(open.children.map((ch) => [ch.personId, ch.removedOn]));
        for (const personId of childIds) {
          if (onCase.has(personId) && onCase.get(personId) === null) continue;
          if (onCase.has(personId)) {
            await tx.caseChild.updateMany({ where: { tenantId: ctx.tenantId, caseId: open.id, personId }, data: { removedOn: null } });
          } else {
            await tx.caseChild.create({ data: { tenantId: ctx.tenantId, caseId: open.id, personId, addedOn: decisionOn } });
          }
          await recordAudit(tx, ctx, { action: "case.child-added", entityType: "case", entityId: open.id, caseId: open.id, personId, details: { contactId: contact.id } });
        }
      } else {
        caseReference = await nextCaseReference(tx, ctx.tenantId);
        const created = await tx.case.create({
          data: { tenantId: ctx.tenantId, reference: caseReference, familyId: contact.familyId, teamId: team.id, level, openedOn: decisionOn },
          select: { id: true },
        });
        caseId = created.id;
        openedCase = true;
        await tx.caseChild.createMany({ data: childIds.map((personId) => ({ tenantId: ctx.tenantId, caseId: created.id, personId, addedOn: decisionOn })) });
        await recordAudit(tx, ctx, {
          action: "case.opened",
          entityType: "case",
          entityId: created.id,
          caseId: created.id,
          details: { reference: caseReference, level, teamId: team.id, contactId: contact.id, children: childIds },
        });
      }
    }

    await tx.contact.updateMany({
      where: { tenantId: ctx.tenantId, id: contact.id, decision: null },
      data: { decision, decisionOn, decidedById: ctx.userId, decisionNote: note, caseId },
    });

    if (decision === "REFERRAL") {
      const earlier = await earlierReferralsByChild(tx, ctx.tenantId, childIds, receivedOn);
      for (const personId of childIds) {
        const { reReferral, previous } = classifyReferral(receivedOn, earlier.get(personId) ?? []);
        const episode = await tx.cinEpisode.create({
          data: {
            tenantId: ctx.tenantId,
            personId,
            caseId: caseId!,
            contactId: contact.id,
            referralDate: contact.receivedOn,
            referralSource: contact.source,
            primaryNeedCode: need,
            reReferral,
            previousEpisodeId: previous?.episodeId ?? null,
          },
          select: { id: true },
        });
        await recordAudit(tx, ctx, {
          action: "referral.created",
          entityType: "cin_episode",
          entityId: episode.id,
          caseId,
          personId,
          details: { contactId: contact.id, referralDate: receivedOn, source: contact.source, primaryNeedCode: need, reReferral, previousEpisodeId: previous?.episodeId ?? null },
        });
      }
    }

    for (const personId of childIds) {
      await recordAudit(tx, ctx, {
        action: "contact.decided",
        entityType: "contact",
        entityId: contact.id,
        caseId,
        personId,
        details: { decision, decisionOn: input.decisionOn, caseReference, openedCase },
      });
    }
    return { contactId: contact.id, caseId, caseReference, openedCase };
  });
}

/**
 * A referral about a family already helped at Early help or Support is a step-up decided at the front
 * door (domain.md "Step-up"): the case moves to Child in need and to the social work team chosen, the
 * move is kept as an approved step-up (the flows and the Support step-up KPI count it), a step-up
 * still waiting for a manager is overtaken, and the lead keyworker stays with the family as co-worker,
 * leaving the case on the team's "not allocated" list until a social worker is allocated to lead.
 */
async function stepUpByReferral(
  tx: Tx,
  ctx: Ctx,
  input: { caseId: string; from: Level; fromTeamId: string | null; toTeamId: string; contactId: string; decisionOn: IsoDate; note: string | null },
): Promise<void> {
  const { caseId, decisionOn } = input;
  await tx.case.updateMany({ where: { tenantId: ctx.tenantId, id: caseId }, data: { level: "CHILD_IN_NEED", teamId: input.toTeamId, version: { increment: 1 } } });
  await tx.transition.updateMany({
    where: { tenantId: ctx.tenantId, caseId, status: "REQUESTED" },
    data: { status: "WITHDRAWN", decidedById: ctx.userId, decidedAt: new Date(), decisionComment: "Overtaken by a referral to children's social care at the front door" },
  });
  const transition = await tx.transition.create({
    data: {
      tenantId: ctx.tenantId,
      caseId,
      kind: "STEP_UP",
      fromLevel: input.from,
      toLevel: "CHILD_IN_NEED",
      status: "APPROVED",
      reason: "Referral to children's social care at the front door",
      requestedById: ctx.userId,
      decidedById: ctx.userId,
      decidedAt: new Date(),
      decisionComment: input.note,
      effectiveOn: fromIsoDate(decisionOn),
    },
    select: { id: true },
  });
  const lead = await tx.allocation.findFirst({ where: { tenantId: ctx.tenantId, caseId, endDate: null, roleOnCase: "LEAD" }, select: { id: true, workerId: true, startDate: true } });
  if (lead) {
    const from = toIsoDate(lead.startDate) > decisionOn ? toIsoDate(lead.startDate) : decisionOn;
    await endAllocationsInTx(tx, ctx, caseId, [{ allocationId: lead.id, reason: "Stepped up to Child in need at the front door: a social worker will lead" }], from);
    await allocateInTx(tx, ctx, { caseId, workerId: lead.workerId, roleOnCase: "CO_WORKER", startDate: from, roleChange: true, auditAction: "allocation.created_by_transition" });
  }
  await recordAudit(tx, ctx, {
    action: "case.level-raised",
    entityType: "case",
    entityId: caseId,
    caseId,
    details: { from: input.from, to: "CHILD_IN_NEED", fromTeamId: input.fromTeamId, toTeamId: input.toTeamId, reason: "front door referral", contactId: input.contactId, transitionId: transition.id },
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

export type AwaitingContact = {
  id: string;
  receivedOn: IsoDate;
  source: string;
  familyId: string | null;
  familyName: string | null;
  children: string[];
  recordedBy: string;
  waitingWorkingDays: number;
  overdue: boolean;
};

export type DecidedContactRow = {
  id: string;
  receivedOn: IsoDate;
  familyName: string | null;
  children: string[];
  decision: ContactDecision;
  decisionOn: IsoDate;
  decidedBy: string | null;
  case: { id: string; reference: string } | null;
};

export type FrontDoor = { awaiting: AwaitingContact[]; recent: DecidedContactRow[] };

const RECENT_DECISIONS = 25;
const AWAITING_LIMIT = 500;

/** Contacts waiting for a decision (oldest first) and the most recent decisions. */
export async function listFrontDoor(ctx: Ctx): Promise<FrontDoor> {
  assertCan(ctx, "contact:decide", "see the front door");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    const children = { select: { person: { select: { firstName: true, lastName: true } } }, orderBy: CHILDREN_OLDEST_FIRST };
    const awaiting = await tx.contact.findMany({
      where: { tenantId: ctx.tenantId, decision: null },
      orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }],
      take: AWAITING_LIMIT,
      select: { id: true, receivedOn: true, source: true, family: { select: { id: true, name: true } }, children, recordedBy: { select: { name: true } } },
    });
    const recent = await tx.contact.findMany({
      where: { tenantId: ctx.tenantId, decision: { not: null } },
      orderBy: [{ decisionOn: "desc" }, { createdAt: "desc" }],
      take: RECENT_DECISIONS,
      select: {
        id: true,
        receivedOn: true,
        family: { select: { id: true, name: true } },
        children,
        decision: true,
        decisionOn: true,
        decidedBy: { select: { name: true } },
        case: { select: { id: true, reference: true } },
      },
    });
    // a restricted family the caller may not open is listed without its name or its children's
    const restrictions = await restrictionsFor(tx, ctx, [...new Set([...awaiting, ...recent].flatMap((c) => (c.family ? [c.family.id] : [])))]);
    const hidden = (family: { id: string } | null) => family !== null && restrictions.get(family.id)?.access === null;
    const familyName = (family: { id: string; name: string } | null) => (hidden(family) ? "Restricted record" : (family?.name ?? null));
    const childNames = (c: { family: { id: string } | null; children: { person: { firstName: string; lastName: string } }[] }) => (hidden(c.family) ? [] : c.children.map((ch) => fullName(ch.person)));
    return {
      awaiting: awaiting.map((c) => {
        const receivedOn = toIsoDate(c.receivedOn);
        const waiting = weekdaysBetween(receivedOn, today);
        return {
          id: c.id,
          receivedOn,
          source: c.source,
          familyId: c.family?.id ?? null,
          familyName: familyName(c.family),
          children: childNames(c),
          recordedBy: c.recordedBy.name,
          waitingWorkingDays: waiting,
          overdue: waiting > DECISION_DUE_WORKING_DAYS,
        };
      }),
      recent: recent.map((c) => ({
        id: c.id,
        receivedOn: toIsoDate(c.receivedOn),
        familyName: familyName(c.family),
        children: childNames(c),
        decision: c.decision!,
        decisionOn: toIsoDate(c.decisionOn!),
        decidedBy: c.decidedBy?.name ?? null,
        case: c.case,
      })),
    };
  });
}

export type FamilyContact = { id: string; receivedOn: IsoDate; source: string; children: string[]; decision: ContactDecision | null; decisionOn: IsoDate | null; case: { id: string; reference: string } | null };

/** A family's contacts, newest first (the family page; its view is audited there). */
export async function listFamilyContacts(ctx: Ctx, familyIdInput: string): Promise<FamilyContact[]> {
  assertCan(ctx, "contact:record", "see contacts");
  const familyId = parseId(familyIdInput, "family");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { familyId });
    const rows = await tx.contact.findMany({
      where: { tenantId: ctx.tenantId, familyId },
      orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        receivedOn: true,
        source: true,
        decision: true,
        decisionOn: true,
        case: { select: { id: true, reference: true } },
        children: { select: { person: { select: { firstName: true, lastName: true } } }, orderBy: CHILDREN_OLDEST_FIRST },
      },
    });
    return rows.map((c) => ({
      id: c.id,
      receivedOn: toIsoDate(c.receivedOn),
      source: c.source,
      children: c.children.map((ch) => fullName(ch.person)),
      decision: c.decision,
      decisionOn: c.decisionOn ? toIsoDate(c.decisionOn) : null,
      case: c.case,
    }));
  });
}

export type PersonReferral = {
  id: string;
  referralDate: IsoDate;
  source: string;
  primaryNeedCode: string | null;
  reReferral: boolean;
  previous: EarlierReferral | null;
  case: { id: string; reference: string; level: Level };
  contactId: string | null;
  closureDate: IsoDate | null;
  closureReason: string | null;
};

/** A child's referrals (CIN episodes), newest first (the person page; its view is audited there). */
export async function listPersonReferrals(ctx: Ctx, personIdInput: string): Promise<PersonReferral[]> {
  assertCan(ctx, "case:view", "open people's records");
  const personId = parseId(personIdInput, "person");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const rows = await tx.cinEpisode.findMany({
      where: { tenantId: ctx.tenantId, personId },
      orderBy: [{ referralDate: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        referralDate: true,
        referralSource: true,
        primaryNeedCode: true,
        reReferral: true,
        contactId: true,
        closureDate: true,
        closureReason: true,
        case: { select: { id: true, reference: true, level: true } },
        previousEpisode: { select: { id: true, referralDate: true, case: { select: { id: true, reference: true } } } },
      },
    });
    return rows.map((e) => ({
      id: e.id,
      referralDate: toIsoDate(e.referralDate),
      source: e.referralSource,
      primaryNeedCode: e.primaryNeedCode,
      reReferral: e.reReferral,
      previous: e.previousEpisode ? toEarlier(e.previousEpisode) : null,
      case: e.case,
      contactId: e.contactId,
      closureDate: e.closureDate ? toIsoDate(e.closureDate) : null,
      closureReason: e.closureReason,
    }));
  });
}

