import { ForbiddenContent } from "@/components/refusal-pages";

// inside the app shell, whose <main> already holds it
export default function Forbidden() {
  return (
    <div className="max-w-3xl">
      <ForbiddenContent />
    </div>
  );
}
