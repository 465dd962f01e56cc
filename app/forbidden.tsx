import { ForbiddenContent } from "@/components/refusal-pages";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <ForbiddenContent />
    </main>
  );
}
