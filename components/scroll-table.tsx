/**
 * A table that scrolls sideways on small screens; the region is focusable so keyboard users can scroll it.
 * It is positioned, so hidden text in the table (sr-only, absolutely placed) stays inside it instead of
 * widening the page on a phone.
 */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      {/* on a phone the columns on the right are off screen: say so (screen readers read every column anyway) */}
      <p className="mb-1 text-sm text-muted sm:hidden" aria-hidden="true">
        Swipe the table sideways to see every column.
      </p>
      <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto">
        {children}
      </div>
    </>
  );
}
