// A transaction holds a single connection. Promise.all over its queries overlaps them on that
// connection, which pg 8 deprecates and pg 9 refuses; run them one after another instead.
// (Prisma's own nested reads still overlap inside the adapter: prisma/orm#29646.)

/** Runs each query after the previous one has finished, and returns their results in order. */
export async function inOrder<const T extends readonly (() => PromiseLike<unknown>)[]>(
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
