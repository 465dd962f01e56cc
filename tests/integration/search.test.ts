// Finding people: typos, transposed letters, nicknames and sound-alikes are found; identifiers rank
// first; a namesake born on another day ranks lower; another council's people never appear.
import { beforeAll, describe, expect, it } from "vitest";
import { searchPeople } from "../../lib/data/search";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate } from "../../lib/domain/dates";
import { createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Spec = { key: string; first: string; last: string; dob: string; upn?: string; laChildId?: string; postcode?: string };

async function addPeople(tenantId: string, specs: Spec[]) {
  const ids: Record<string, string> = {};
  await withTenant(tenantId, async (tx) => {
    for (const s of specs) {
      const p = await tx.person.create({
        data: {
          tenantId,
          kind: "CHILD",
          firstName: s.first,
          lastName: s.last,
          dateOfBirth: fromIsoDate(s.dob),
          sex: "U",
          upn: s.upn ?? null,
          laChildId: s.laChildId ?? null,
          postcode: s.postcode ?? null,
        },
        select: { id: true },
      });
      ids[s.key] = p.id;
    }
  });
  return ids;
}

const PEOPLE: Spec[] = [
  { key: "john2015", first: "John", last: "Smith", dob: "2015-03-12", postcode: "WX1 4AB" },
  { key: "john2012", first: "John", last: "Smith", dob: "2012-07-01", laChildId: "WX900001" },
  { key: "jonathan", first: "Jonathan", last: "Smyth", dob: "2015-05-10" },
  { key: "amelia", first: "Amelia", last: "Khan", dob: "2016-01-01", upn: "A123456789012" },
  { key: "mohammed", first: "Mohammed", last: "Ali", dob: "2014-09-09" },
  { key: "katherine", first: "Katherine", last: "Brown", dob: "2013-02-02" },
  { key: "stephen", first: "Stephen", last: "Thompson", dob: "2011-11-11" },
  { key: "other", first: "Sarah", last: "Jones", dob: "2015-03-12" },
];

let worker: TestUser;
let ids: Record<string, string> = {};
let otherIds: Record<string, string> = {};
let otherWorker: TestUser;

beforeAll(async () => {
  const tenant = await createTenant();
  worker = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
  ids = await addPeople(tenant.id, PEOPLE);
  // Another council with a child of exactly the same name, date of birth and identifiers
  const other = await createTenant();
  otherWorker = await createUser(other.id, { role: "SOCIAL_WORKER" });
  otherIds = await addPeople(other.id, [
    { key: "twin", first: "John", last: "Smith", dob: "2015-03-12", laChildId: "WX900002", upn: "B123456789013" },
  ]);
});

const find = async (text: string) => (await searchPeople(ctxFor(worker), text)).people.map((p) => ("id" in p ? p.id : "restricted"));

describe("person search", () => {
  it("finds a misspelt name with a date of birth, the right child first", async () => {
    expect((await find("Jhon Smith 12/03/2015"))[0]).toBe(ids.john2015);
  });

  it("finds transposed letters", async () => {
    expect((await find("John Smtih 12/03/2015"))[0]).toBe(ids.john2015);
    expect(await find("Stpehen Thompson")).toContain(ids.stephen);
  });

  it("finds nicknames", async () => {
    expect(await find("Kate Brown")).toContain(ids.katherine);
    expect(await find("Jack Smith")).toEqual(expect.arrayContaining([ids.john2015, ids.john2012]));
  });

  it("finds names that sound alike", async () => {
    const results = await find("Jon Smyth");
    expect(results).toEqual(expect.arrayContaining([ids.john2015, ids.john2012, ids.jonathan]));
    expect(await find("Mohamed Aly")).toContain(ids.mohammed);
    expect(await find("Steven Tomson")).toContain(ids.stephen);
  });

  it("ranks a namesake with another date of birth lower", async () => {
    const results = await find("John Smith 12/03/2015");
    expect(results.indexOf(ids.john2015!)).toBe(0);
    expect(results.indexOf(ids.john2012!)).toBeGreaterThan(0);
  });

  it("ranks an identifier or UPN match first", async () => {
    expect((await find("A123456789012"))[0]).toBe(ids.amelia);
    expect((await find("John Smith WX900001"))[0]).toBe(ids.john2012);
  });

  it("narrows by birth year and finds by postcode", async () => {
    const results = await find("Jon Smyth 2012");
    expect(results).toContain(ids.john2012);
    expect(results).not.toContain(ids.jonathan);
    expect(await find("wx14ab")).toEqual([ids.john2015]);
  });

  it("returns nothing for an empty or meaningless query", async () => {
    expect(await find("   ")).toEqual([]);
    expect(await find("!!!")).toEqual([]);
  });

  it("records each search in the audit log with what was searched for", async () => {
    await find("Katherine Brown");
    const events = await withTenant(worker.tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId: worker.tenantId, action: "search.performed", actorId: worker.id }, select: { details: true } }));
    expect(events.map((e) => (e.details as { query: string }).query)).toContain("Katherine Brown");
  });

  it("is for practitioners and managers, not administrators", async () => {
    const admin = await createUser(worker.tenantId, { role: "TENANT_ADMIN" });
    await expect(searchPeople(ctxFor(admin), "Smith")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("isolation", () => {
  it("never returns, counts or hints at another council's people", async () => {
    const results = await searchPeople(ctxFor(worker), "John Smith 12/03/2015");
    expect(results.people.map((p) => ("id" in p ? p.id : "restricted"))).not.toContain(otherIds.twin);
    expect(results.people.every((p) => "id" in p && Object.values(ids).includes(p.id))).toBe(true);
    expect((await searchPeople(ctxFor(worker), "WX900002")).people).toEqual([]);
    expect((await searchPeople(ctxFor(worker), "B123456789013")).people).toEqual([]);
    // and the other council finds only its own
    expect((await searchPeople(ctxFor(otherWorker), "John Smith")).people.map((p) => ("id" in p ? p.id : "restricted"))).toEqual([otherIds.twin]);
  });
});

describe("postcode districts", () => {
  // a council of its own, so the district searches see only this hand-made set
  let sw: TestUser;
  let at: Record<string, string> = {};
  let families: Record<string, string> = {};
  let elsewhere: Record<string, string> = {};
  const findIn = async (text: string) => (await searchPeople(ctxFor(sw), text)).people.map((p) => ("id" in p ? p.id : "restricted"));

  beforeAll(async () => {
    const tenant = await createTenant();
    sw = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    at = await addPeople(tenant.id, [
      { key: "ava", first: "Ava", last: "Smith", dob: "2015-01-01", postcode: "WX1 4AB" },
      { key: "ben", first: "Ben", last: "Smith", dob: "2014-01-01", postcode: "wx1 7xy" },
      { key: "dan", first: "Dan", last: "Jones", dob: "2013-01-01", postcode: "WX1 4AD" },
      { key: "cara", first: "Cara", last: "Smith", dob: "2012-01-01", postcode: "WX10 1AB" },
      { key: "cal", first: "Cal", last: "Smith", dob: "2012-06-01", postcode: "WX14 4AB" },
      { key: "eve", first: "Eve", last: "Smith", dob: "2011-01-01", postcode: "WX2 4AB" },
      { key: "nopostcode", first: "Finn", last: "Smith", dob: "2010-01-01" },
    ]);
    families = await withTenant(tenant.id, async (tx) => {
      const made: Record<string, string> = {};
      for (const [key, postcode] of [["wx1", "WX1 9ZZ"], ["wx10", "WX10 9ZZ"]] as const) {
        made[key] = (await tx.family.create({ data: { tenantId: tenant.id, name: `Postcode ${key} family`, postcode }, select: { id: true } })).id;
      }
      return made;
    });
    // another council with a child at the very same postcode
    const other = await createTenant();
    elsewhere = await addPeople(other.id, [{ key: "ava", first: "Ava", last: "Smith", dob: "2015-01-01", postcode: "WX1 4AB" }]);
  });

  it("finds everyone in a district from its outward code, in any case", async () => {
    expect(new Set(await findIn("WX1"))).toEqual(new Set([at.ava, at.ben, at.dan]));
    expect(new Set(await findIn("wx1"))).toEqual(new Set([at.ava, at.ben, at.dan]));
  });

  it("does not take WX10 or WX14 for WX1", async () => {
    const results = await findIn("WX1");
    expect(results).not.toContain(at.cara);
    expect(results).not.toContain(at.cal);
    expect(await findIn("WX10")).toEqual([at.cara]);
    // "WX14" is the district, not WX1 4
    expect(await findIn("WX14")).toEqual([at.cal]);
  });

  it("narrows to a sector when the start of the inward code is typed", async () => {
    expect(new Set(await findIn("WX1 4"))).toEqual(new Set([at.ava, at.dan]));
  });

  it("narrows names to the district", async () => {
    expect(new Set(await findIn("Smith WX1"))).toEqual(new Set([at.ava, at.ben]));
    expect(await findIn("Smyth WX1 7")).toEqual([at.ben]);
    // Ava lives in WX1; in WX2 only Eve, whose name sounds like hers
    expect(await findIn("Ava Smith WX2")).toEqual([at.eve]);
    expect(await findIn("Ava Smith WX3")).toEqual([]);
  });

  it("ranks the exact postcode first, then the same district, then elsewhere", async () => {
    const results = await findIn("Smith WX1 4AB");
    expect(results[0]).toBe(at.ava);
    expect(results[1]).toBe(at.ben);
    expect(results.slice(2)).toEqual(expect.arrayContaining([at.cara, at.cal, at.eve, at.nopostcode]));
  });

  it("finds families in the district, not in WX10", async () => {
    const found = (await searchPeople(ctxFor(sw), "WX1")).families.map((f) => ("id" in f ? f.id : "restricted"));
    expect(found).toEqual([families.wx1]);
  });

  it("never matches another council's people at the same postcode", async () => {
    for (const text of ["WX1", "Ava Smith WX1", "WX1 4", "Smith WX1 4AB"]) {
      const results = await findIn(text);
      expect(results).not.toContain(elsewhere.ava);
      expect(results.every((id) => Object.values(at).includes(id))).toBe(true);
    }
  });
});
