import { NotFoundContent } from "@/components/refusal-pages";

// inside the app shell, whose <main> already holds it
export default function NotFound() {
  return (
    <div className="max-w-3xl">
      <NotFoundContent />
    </div>
  );
}
