/** A post-login destination from a query parameter: only a path of this site in this language. */
export function safeNext(next: string | string[] | undefined, locale: string): string {
  const fallback = `/${locale}/dashboard`;
  if (typeof next !== "string") return fallback;
  if (!next.startsWith(`/${locale}/`) || next.startsWith("//") || next.includes("\\"))
    return fallback;
  try {
    const url = new URL(next, "http://localhost");
    return url.host === "localhost" ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}
