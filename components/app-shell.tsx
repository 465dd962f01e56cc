import Link from "next/link";
import type { Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export type NavItem = { href: string; label: string };

/** Navigation depends on what the role may do. */
export function navigationFor(ctx: Ctx): NavItem[] {
  const items: NavItem[] = [];
  if (can(ctx.role, "caseload:view-own")) items.push({ href: "/caseload", label: "My caseload" }, { href: "/due", label: "What's due" });
  if (can(ctx.role, "team:view-own") && !can(ctx.role, "team:view-any")) items.push({ href: "/team", label: "My team" });
  if (can(ctx.role, "team:view-any")) items.push({ href: "/teams", label: "Teams" });
  if (can(ctx.role, "contact:decide")) items.push({ href: "/front-door", label: "Front door" });
  if (can(ctx.role, "transition:decide")) items.push({ href: "/decisions", label: "Awaiting decision" });
  if (can(ctx.role, "carer:view")) items.push({ href: "/carers", label: "Carers and vacancies" });
  if (can(ctx.role, "kpi:view")) items.push({ href: "/kpis", label: "Borough KPIs" });
  if (can(ctx.role, "export:statutory")) items.push({ href: "/exports", label: "Statutory returns" });
  if (can(ctx.role, "admin:users")) items.push({ href: "/admin", label: "Users and teams" });
  if (can(ctx.role, "admin:settings")) items.push({ href: "/admin/settings", label: "Council settings" });
  return items;
}

export function AppShell({ ctx, children }: { ctx: Ctx; children: React.ReactNode }) {
  const nav = navigationFor(ctx);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-focus focus:p-2 focus:text-ink">
        Skip to main content
      </a>
      <header className="bg-brand text-white">
        {/* On a phone the header is kept short (tighter spacing, one scrolling row of links) so the page
            starts within the first screen; from sm up it is unchanged. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-0.5 px-4 py-2 sm:gap-y-2 sm:py-3">
          <div className="flex flex-wrap items-baseline gap-x-3">
            <Link href="/" className="text-xl font-bold text-white! no-underline focus-visible:text-ink!">
              Continuum
            </Link>
            <span className="text-sm text-white/90">{ctx.tenantName}</span>
          </div>
          <div className="flex flex-wrap items-center gap-x-4 text-sm">
            <span>
              <span className="font-semibold">{ctx.name}</span>
              <span className="text-white/90"> · {ROLE_LABELS[ctx.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
        {can(ctx.role, "search:people") && (
          <div className="mx-auto max-w-6xl px-4 pb-2 sm:pb-3">
            <form role="search" aria-label="Quick search" action="/search" method="get" className="flex max-w-xl gap-2">
              <label htmlFor="site-search" className="sr-only">
                Search for a child, adult or family
              </label>
              <input
                id="site-search"
                name="q"
                type="search"
                placeholder="Name, date of birth, LA child id, UPN or postcode"
                autoComplete="off"
                className="min-h-11 w-full rounded-none border-2 border-white bg-white px-2 text-ink placeholder:text-muted"
              />
              <button type="submit" className="min-h-11 rounded bg-white px-4 font-semibold text-brand hover:bg-brand-light">
                Search
              </button>
            </form>
          </div>
        )}
        {nav.length > 0 && (
          <nav aria-label="Main" className="border-t border-white/20">
            {/* one row that scrolls sideways on a phone (focus scrolls a link into view; the current
                page's link is scrolled into view by NavLink); wrapping rows from sm up */}
            <ul className="mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-2 sm:flex-wrap sm:overflow-x-visible">
              {nav.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href} except={nav.filter((other) => other.href.startsWith(`${item.href}/`)).map((other) => other.href)}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
