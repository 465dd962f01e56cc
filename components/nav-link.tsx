"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

const under = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

function scrollIntoRow(link: HTMLElement) {
  const row = link.closest("ul");
  if (!row || row.scrollWidth <= row.clientWidth) return;
  const l = link.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  if (l.right > r.right) row.scrollLeft += l.right - r.right + 16;
  else if (l.left < r.left) row.scrollLeft -= r.left - l.left + 16;
}

/** Current on its page and the pages under it, except those under `except` (other items' own pages). */
export function NavLink({ href, except = [], children }: { href: string; except?: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = under(pathname, href) && !except.some((e) => under(pathname, e));
  const ref = useRef<HTMLAnchorElement>(null);
  // On a phone the links are one row that scrolls sideways: the current page's link, and a link that
  // gets the focus, are brought fully into view (sideways within the row only; the page is not moved).
  useEffect(() => {
    if (current && ref.current) scrollIntoRow(ref.current);
  }, [current]);
  return (
    <Link
      ref={ref}
      href={href}
      onFocus={(event) => scrollIntoRow(event.currentTarget)}
      aria-current={current ? "page" : undefined}
      className={`block whitespace-nowrap px-3 py-2 text-white! no-underline hover:underline focus-visible:text-ink! sm:py-3 ${current ? "border-b-4 border-white font-semibold" : "border-b-4 border-transparent"}`}
    >
      {children}
    </Link>
  );
}
