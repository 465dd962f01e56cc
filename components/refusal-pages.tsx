// What a 403 and a 404 say, inside the app's own layout (app/(app)) or on their own (app/).
import Link from "next/link";

export function ForbiddenContent() {
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">You do not have access to this page</h1>
      <p className="mb-6">Your role does not include this. If you need it for your work, ask your manager or your council&apos;s Continuum administrator.</p>
      <Link href="/">Go to your home page</Link>
    </>
  );
}

export function NotFoundContent() {
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Page not found</h1>
      <p className="mb-2">If you typed the web address, check it is correct.</p>
      <p className="mb-6">If you followed a link, the record may have been removed or may belong to somewhere you cannot see.</p>
      <Link href="/">Go to your home page</Link>
    </>
  );
}
