"use client";

import { useTranslations } from "next-intl";
import { PRIMARY_BUTTON } from "@/components/ui/button-classes";
import { useErrorFacts } from "@/lib/errors/use-error-facts";

// A page failed to render. The detail is in the server's log under the
// request id shown here; a database outage says so, and retrying re-renders
// the page on the server (retry: refresh, then reset).
export default function ErrorPage({ retry }: { error: Error; retry: () => void }) {
  const t = useTranslations("error");
  const { unavailable, requestId } = useErrorFacts();
  const title = unavailable ? t("unavailableTitle") : t("title");
  return (
    <div className="mx-auto max-w-xl px-6 py-24 text-center">
      {/* The page's own metadata may be what failed: React puts this in <head>. */}
      <title>{title}</title>
      <div role="alert">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p className="mt-4 text-muted-foreground">
          {unavailable ? t("unavailableBody") : t("body")}
        </p>
      </div>
      <button type="button" className={`mt-8 ${PRIMARY_BUTTON}`} onClick={retry}>
        {t("retry")}
      </button>
      {requestId ? (
        <p className="mt-8 text-xs text-muted-foreground">
          {t("reference")}
          <code className="mt-1 block break-all font-mono">{requestId}</code>
        </p>
      ) : null}
    </div>
  );
}
