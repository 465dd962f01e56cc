import { NotFoundContent } from "@/components/refusal-pages";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <NotFoundContent />
    </main>
  );
}
