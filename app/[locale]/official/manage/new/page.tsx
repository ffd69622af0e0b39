import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { OpportunityForm } from "@/components/official/opportunity-form";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { listThemeChoices } from "@/lib/opportunities/manage-queries";

type Props = { params: Promise<{ locale: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "officialManage" });
  return { title: t("newTitle"), robots: { index: false } };
}

export default async function NewOpportunityPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requirePageCaller(locale, "/official/manage/new", { roles: OFFICIAL_ROLES });
  const themes = await listThemeChoices();
  const t = await getTranslations({ locale, namespace: "officialManage" });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/official/manage"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToList")}
      </Link>
      <h1 className="mt-6 text-3xl font-bold tracking-tight sm:text-4xl">{t("newTitle")}</h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("newLead")}</p>
      <div className="mt-8">
        <ClientMessages
          namespaces={["officialManage", "cooperationType", "organisationType", "hostType"]}
        >
          <OpportunityForm
            themes={themes.map((theme) => ({
              id: theme.id,
              name: localized(theme, "name", locale),
            }))}
            defaultValues={{
              intent: "save",
              titleEn: "",
              titleZh: "",
              descriptionEn: "",
              descriptionZh: "",
              hostNameEn: "",
              hostNameZh: "",
              themeId: "",
              hostType: "",
              cooperationTypes: [],
              partnerTypes: [],
              trlMin: "1",
              trlMax: "9",
              deadline: "",
            }}
          />
        </ClientMessages>
      </div>
    </div>
  );
}
