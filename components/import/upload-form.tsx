"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";

type UploadError = "noFile" | "tooLarge" | "type" | "encoding" | "forbidden" | "failed";

/** Sends the file to POST /api/official/imports, then opens the import's status page. */
export function UploadForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("import");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [busy, setBusy] = useState(false);
  const megabytes = Math.round(maxBytes / 1024 / 1024);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return fail("noFile");
    if (file.size > maxBytes) return fail("tooLarge");
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.set("file", file);
    body.set("locale", locale);
    try {
      const response = await fetch("/api/official/imports", { method: "POST", body });
      if (response.status === 202) {
        const { id: runId } = (await response.json()) as { id: string };
        router.push(`/official/import/${runId}`);
        return;
      }
      const payload = (await response.json().catch(() => null)) as {
        error?: { details?: { reason?: string } };
      } | null;
      const reason = payload?.error?.details?.reason;
      if (response.status === 413) fail("tooLarge");
      else if (response.status === 400) fail(reason === "encoding" ? "encoding" : "type");
      else if (response.status === 401 || response.status === 403) fail("forbidden");
      else fail("failed");
    } catch {
      fail("failed");
    }
  }

  function fail(reason: UploadError) {
    setBusy(false);
    setError(reason);
    input.current?.focus();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-file`}>{t("fileLabel")}</Label>
        <Input
          ref={input}
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson,text/plain"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          className="h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-secondary file:px-3 file:py-1.5 file:text-sm file:font-medium"
          onChange={() => setError(null)}
        />
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {t("fileHint", { megabytes })}
        </p>
      </div>
      {error && (
        <Alert variant="error" id={`${id}-error`}>
          {t(`upload.${error}`, { megabytes })}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("uploading") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
