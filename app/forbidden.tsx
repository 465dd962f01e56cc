import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-4 text-3xl font-bold">You do not have access to this page</h1>
      <p className="mb-6">Your role does not include this. If you need it for your work, ask your team manager or administrator.</p>
      <Link href="/">Go to your home page</Link>
    </main>
  );
}
