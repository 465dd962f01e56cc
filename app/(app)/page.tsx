import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";

export default async function Home() {
  const ctx = await requireContext();
  redirect(homePath(ctx.role));
}
