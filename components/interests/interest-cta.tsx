import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { InterestStatus } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The call to action on an opportunity or a theme page (id="interest", the
 * target of links from the suggestions): express interest, sign in first, or
 * follow the expression the organisation already has.
 */
export async function InterestCta({
  locale,
  kind,
  slug,
  viewer,
  open,
  existing,
  className,
}: {
  locale: Locale;
  kind: "opportunity" | "theme";
  slug: string;
  /** Who looks: nobody signed in, a partner with an organisation, or someone else. */
  viewer: "anonymous" | "partner" | "other";
  /** Whether the target still takes expressions of interest. */
  open: boolean;
  existing: { id: string; status: InterestStatus } | null;
  className?: string;
}) {
  if (viewer === "other") return null;
  const t = await getTranslations({ locale, namespace: "interests.cta" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const formPath = `/interests/new?${kind}=${encodeURIComponent(slug)}`;

  let body: React.ReactNode;
  if (existing) {
    body = (
      <>
        <p className="text-sm">{t("existing", { status: tStatus(existing.status) })}</p>
        <Button asChild variant="outline" className="mt-3 w-full sm:w-auto">
          <Link href={`/interests/${existing.id}`}>{t("viewExisting")}</Link>
        </Button>
      </>
    );
  } else if (!open) {
    body = <p className="text-sm text-muted-foreground">{t("closed")}</p>;
  } else {
    body = (
      <>
        <p className="text-sm text-muted-foreground">
          {kind === "opportunity" ? t("lead") : t("themeLead")}
        </p>
        <Button asChild className="mt-3 w-full sm:w-auto">
          {viewer === "partner" ? (
            <Link href={formPath}>{kind === "opportunity" ? t("button") : t("themeButton")}</Link>
          ) : (
            <Link href={`/login?next=${encodeURIComponent(`/${locale}${formPath}`)}`}>
              {t("signIn")}
            </Link>
          )}
        </Button>
      </>
    );
  }
  return (
    <Card id="interest" className={className ?? "p-5"} aria-labelledby="interest-title">
      <h2 id="interest-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="mt-2">{body}</div>
    </Card>
  );
}
