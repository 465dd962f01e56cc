/**
 * A table that scrolls sideways on small screens; the region is focusable so keyboard users can scroll it.
 * It is positioned, so hidden text in the table (sr-only, absolutely placed) stays inside it instead of
 * widening the page on a phone.
 */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </div>
  );
}
