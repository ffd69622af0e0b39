import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "footer" });
  return (
    <footer className="border-t border-border bg-muted/60">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-muted-foreground sm:px-6">
        <p>{t("programme")}</p>
      </div>
    </footer>
  );
}
