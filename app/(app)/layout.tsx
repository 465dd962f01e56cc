import { AppShell } from "@/components/app-shell";
import { requireContext } from "@/lib/auth/session";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  return <AppShell ctx={ctx}>{children}</AppShell>;
}
