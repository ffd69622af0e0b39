import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "./password";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

const credentials = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
  csrfToken: z.string().optional(),
  callbackUrl: z.string().optional(),
  json: z.string().optional(),
  redirect: z.string().optional(),
});

// Compared against when the email is unknown, so both cases take as long.
let dummyHash: Promise<string> | undefined;

export class EmailNotVerifiedError extends Error {
  constructor() {
    super("EMAIL_NOT_VERIFIED");
  }
}

export async function checkCredentials(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      passwordHash: true,
      emailVerifiedAt: true,
      organisationId: true,
      sessionVersion: true,
    },
  });
  dummyHash ??= hashPassword("a password nobody has, for equal timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user?.passwordHash || !valid || user.status !== "ACTIVE") return null;
  if (!user.emailVerifiedAt) throw new EmailNotVerifiedError();
  return user;
}

declare module "next-auth" {
  interface User {
    role?: string;
    sessionVersion?: number;
  }
  interface Session {
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}

export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/en/login", error: "/en/login" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw ?? {});
          if (!parsed.success) return null;
          const user = await checkCredentials(parsed.data.email, parsed.data.password);
          if (!user) return null;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // A new sign-in: one Session row per browser, named in the token.
          token.sid = await createSession(user.id, null);
          token.sv = user.sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid);
      },
    },
  };
}
