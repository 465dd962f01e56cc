/** A table that scrolls sideways on small screens; the region is focusable so keyboard users can scroll it. */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}
