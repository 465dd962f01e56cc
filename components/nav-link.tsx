"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
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
