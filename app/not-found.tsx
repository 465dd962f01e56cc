import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-4 text-3xl font-bold">Page not found</h1>
      <p className="mb-2">If you typed the web address, check it is correct.</p>
      <p className="mb-6">If you followed a link, the record may have been removed or may belong to somewhere you cannot see.</p>
      <Link href="/">Go to your home page</Link>
    </main>
  );
}
