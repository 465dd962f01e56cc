import { notFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL or form: anything that is not a UUID is simply "not found". */
export function parseId(value: unknown, what: string): string {
  if (typeof value !== "string" || !UUID.test(value)) throw notFoundError(what);
  return value.toLowerCase();
}
