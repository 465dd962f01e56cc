"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const under = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** Current on its page and the pages under it, except those under `except` (other items' own pages). */
export function NavLink({ href, except = [], children }: { href: string; except?: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = under(pathname, href) && !except.some((e) => under(pathname, e));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`block whitespace-nowrap px-3 py-3 text-white! no-underline hover:underline ${current ? "border-b-4 border-white font-semibold" : "border-b-4 border-transparent"}`}
    >
      {children}
    </Link>
  );
}
