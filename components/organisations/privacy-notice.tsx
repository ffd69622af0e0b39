import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

/** What is stored about a partner organisation, who sees it, and how to export or delete it. */
export async function PrivacyNotice({ locale, city }: { locale: Locale; city: string }) {
  const t = await getTranslations({ locale, namespace: "onboarding.consent" });
  const parts = [
    ["whatTitle", "what"],
    ["whoTitle", "who"],
    ["whyTitle", "why"],
    ["rightsTitle", "rights"],
  ] as const;
  return (
    <section
      aria-labelledby="privacy-notice-title"
      className="rounded-lg border border-border bg-muted/40 p-4 sm:p-5"
    >
      <h3 id="privacy-notice-title" className="text-base font-semibold">
        {t("noticeTitle")}
      </h3>
      <dl className="mt-3 flex flex-col gap-3 text-sm leading-relaxed">
        {parts.map(([title, body]) => (
          <div key={title}>
            <dt className="font-medium">{t(title)}</dt>
            <dd className="text-muted-foreground">
              {t(body, { city })}
              {body === "rights" && (
                <>
                  {" "}
                  <Link href="/account" className="text-primary underline underline-offset-4">
                    {t("accountLink")}
                  </Link>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
