// How many children each carer has on a day: those placed there, and those away on a temporary move
// (T0–T4: hospital, holiday, respite) whose place there is held until they come back (placeHeldOn).
// Vacancies, the move and the start of care all count the same way.
import "server-only";
import { inOrder } from "@/lib/db/in-order";
import type { Tx } from "@/lib/db/tenant";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { placeHeldOn } from "@/lib/domain/placements-matching";
import { TEMPORARY_PLACEMENT_TYPES } from "@/lib/domain/ssda903-codes";

/** Children with each carer (or only `only`) on `day`, by carer id. */
export async function childrenWithCarers(tx: Tx, tenantId: string, day: IsoDate, only?: string): Promise<Map<string, number>> {
  const on = fromIsoDate(day);
  const openOn = { startDate: { lte: on }, OR: [{ endDate: null }, { endDate: { gt: on } }] };
  const [placed, away] = await inOrder([
    () => tx.careEpisode.groupBy({ by: ["carerId"], where: { tenantId, carerId: only ?? { not: null }, ...openOn }, _count: { _all: true } }),
    () => tx.careEpisode.findMany({ where: { tenantId, place: { in: [...TEMPORARY_PLACEMENT_TYPES] }, ...openOn }, select: { personId: true, carerId: true } }),
  ]);
  const count = new Map(placed.map((p) => [p.carerId!, p._count._all]));
  if (away.length === 0) return count;
  const episodes = await tx.careEpisode.findMany({
    where: { tenantId, personId: { in: away.map((a) => a.personId) } },
    select: { personId: true, startDate: true, endDate: true, place: true, carerId: true },
  });
  for (const a of away) {
    const own = episodes
      .filter((e) => e.personId === a.personId)
      .map((e) => ({ startDate: toIsoDate(e.startDate), endDate: e.endDate ? toIsoDate(e.endDate) : null, placeType: e.place, carerId: e.carerId }));
    const home = placeHeldOn(own, day);
    // a temporary move within the same household is already counted there
    if (home && home !== a.carerId && (!only || home === only)) count.set(home, (count.get(home) ?? 0) + 1);
  }
  return count;
}
