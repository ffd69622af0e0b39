import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateTokenForm } from "@/components/api/create-token-form";
import { TokenList } from "@/components/api/token-list";
import { ClientMessages } from "@/components/forms/client-messages";
import { Card } from "@/components/ui/card";
import { listTokensForPage } from "@/lib/api/queries";
import { API_TOKEN_ROLES } from "@/lib/api/tokens";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { isLocale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "apiTokens" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function ApiTokensPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/official/api-tokens", {
    roles: API_TOKEN_ROLES,
  });
  const { own, all } = await listTokensForPage(caller);
  const t = await getTranslations({ locale, namespace: "apiTokens" });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>
      <p className="mt-2 max-w-3xl text-sm text-muted-foreground">
        {t.rich("docs", {
          link: (chunks) => (
            <a
              href="/api/v1/openapi.json"
              className="font-medium text-primary underline underline-offset-4 hover:no-underline"
            >
              {chunks}
            </a>
          ),
          code: (chunks) => (
            <code className="rounded bg-muted px-1 py-0.5 font-mono text-foreground">{chunks}</code>
          ),
        })}
      </p>

      <ClientMessages namespaces={["apiTokens"]}>
        <section aria-labelledby="create-title" className="mt-8 max-w-2xl">
          <Card className="p-5">
            <h2 id="create-title" className="text-xl font-semibold">
              {t("createTitle")}
            </h2>
            <p className="mt-2 text-sm text-muted-foreground">{t("createLead")}</p>
            <div className="mt-4">
              <CreateTokenForm />
            </div>
          </Card>
        </section>

        <section aria-labelledby="own-title" className="mt-10">
          <h2 id="own-title" className="text-xl font-semibold">
            {t("ownTitle")}
          </h2>
          {own.length === 0 ? (
            <p className="mt-4 text-muted-foreground">{t("ownEmpty")}</p>
          ) : (
            <TokenList tokens={own} locale={locale} title={t("ownTitle")} showOwner={false} />
          )}
        </section>

        {all && (
          <section aria-labelledby="all-title" className="mt-10">
            <h2 id="all-title" className="text-xl font-semibold">
              {t("allTitle")}
            </h2>
            <p className="mt-2 max-w-3xl text-sm text-muted-foreground">{t("allLead")}</p>
            {all.length === 0 ? (
              <p className="mt-4 text-muted-foreground">{t("allEmpty")}</p>
            ) : (
              <TokenList tokens={all} locale={locale} title={t("allTitle")} showOwner />
            )}
          </section>
        )}
      </ClientMessages>
    </div>
  );
}
