import type { Role } from "@/lib/domain/roles";

declare module "next-auth" {
  interface User {
    tenantId: string;
    role: Role;
  }
  interface Session {
    user: { id: string; tenantId: string; role: Role; name: string; email: string };
    /** when this sign-in happened (ms): sessions from before a password change or switch-off end */
    signedInAt: number;
    /** this sign-in's id: a signed-out session is refused (ended_session) */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    tenantId: string;
    role: Role;
    signedInAt: number;
    sessionId?: string;
  }
}
