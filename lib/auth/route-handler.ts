import "server-only";
import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { originOf } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { enforce, RATE_LIMITS, reset } from "@/lib/rate-limit";
import { errorResponse } from "@/lib/server/route";
import { auditFailedSignIn, authOptions } from "./options";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own handler, with the login rate limits in front of the
 * credentials callback: per account and per client IP, stored in
 * PostgreSQL so that every instance shares them.
 */
export async function handleAuth(request: Request, context: Context) {
  const { nextauth } = await context.params;
  const isLogin = request.method === "POST" && nextauth.join("/") === "callback/credentials";
  const origin = originOf(request.headers);
  let accountKey: string | null = null;
  if (isLogin) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase()
      .slice(0, 254);
    accountKey = email ? `login:email:${email}` : null;
    const ip = clientIp(request.headers);
    try {
      await enforce([
        { key: accountKey, rule: RATE_LIMITS.loginPerAccount },
        { key: ip ? `login:ip:${ip}` : null, rule: RATE_LIMITS.loginPerIp },
      ]);
    } catch (error) {
      if (error instanceof AppError && error.code === "RATE_LIMITED") {
        // Recorded once per window and account (or unknown address) and IP, not per attempt.
        const account = email
          ? await db.user.findUnique({ where: { email }, select: { id: true } })
          : null;
        await auditFailedSignIn(account?.id ?? null, "rate_limited", origin, {
          limit: 1,
          windowSeconds: RATE_LIMITS.loginPerAccount.windowSeconds,
        });
        // next-auth's client reads `url` and its `error` parameter.
        const url = `${env().NEXTAUTH_URL}/en/login?error=RATE_LIMITED`;
        return NextResponse.json(
          { url, error: { code: "RATE_LIMITED" } },
          { status: 429, headers: { "Retry-After": String(error.retryAfter ?? 60) } },
        );
      }
      return errorResponse(error);
    }
  }
  const handler = NextAuth(authOptions(origin));
  const response: Response = await handler(request, context);
  if (isLogin && accountKey && response.ok) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { url?: string } | null;
    // A successful login clears the account's counter; failures keep counting.
    if (body?.url && !new URL(body.url, env().NEXTAUTH_URL).searchParams.get("error"))
      await reset(accountKey);
  }
  return response;
}
