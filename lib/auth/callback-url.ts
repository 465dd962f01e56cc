// Where to go after signing in: only a page of Continuum itself, never another site (open redirect).
// Pure, so the sign-in page (server) and form (browser) both use it and it is unit-tested on its own.

const PROBE_ORIGIN = "http://x.invalid";

// C0 controls, DEL and C1 controls: browsers strip tab, CR and LF from URLs, so "/\t/evil.example"
// would become "//evil.example" — another site.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The callback as a path on this origin (pathname + search + hash), or `fallback` when it is missing
 * or could lead anywhere else: anything not starting with a single "/", with control characters or
 * backslashes (raw or percent-encoded in the path), that resolves to another origin, or whose resolved
 * path would itself start with "//" (e.g. "/.//evil.example").
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  if (CONTROL_OR_BACKSLASH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  // the path as a browser or a later decode might see it must still be a single-slash path
  for (const path of [url.pathname, decodedPath]) {
    if (!path.startsWith("/") || path.startsWith("//") || CONTROL_OR_BACKSLASH.test(path)) return fallback;
  }
  return url.pathname + url.search + url.hash;
}
