// next-auth configuration: email + password (argon2id), JWT sessions carrying user, council and role
// (docs/decisions/0005-sign-in.md).
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordSignOut, signInWithPassword } from "@/lib/data/auth";
import type { Role } from "@/lib/domain/roles";
import { clientAddress } from "./client-address";

const credentialsSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254).email("Enter an email address like name@council.gov.uk"),
  password: z.string().min(1, "Enter your password").max(200),
});

export const SESSION_HOURS = 10;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60, updateAge: 15 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email address", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email address and password");
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, { ip: clientAddress(req?.headers) });
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, tenantId: result.user.tenantId, role: result.user.role, name: result.user.name, email: result.user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.tenantId = user.tenantId;
        token.role = user.role;
        token.signedInAt = Date.now();
        // this sign-in's id: signing out ends it on the server (ended_session)
        token.sessionId = randomUUID();
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.userId,
        tenantId: token.tenantId,
        role: token.role,
        name: token.name ?? "",
        email: token.email ?? "",
      };
      session.signedInAt = token.signedInAt ?? 0;
      session.sessionId = token.sessionId ?? "";
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.tenantId && token.userId) await recordSignOut(token.tenantId, token.userId, token.sessionId, new Date(Date.now() + SESSION_HOURS * 60 * 60 * 1000));
    },
  },
};

export type SessionUser = { id: string; tenantId: string; role: Role; name: string; email: string };
