import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Everything except API routes, Next's own files and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
