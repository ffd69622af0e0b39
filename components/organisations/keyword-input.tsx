"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { LIMITS } from "@/lib/organisations/schema";

const SUGGESTIONS_SHOWN = 24;
const fold = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Keywords as removable chips: typed one at a time (Enter or comma adds),
 * or picked from the suggestions of the chosen themes.
 */
export function KeywordInput({
  id,
  value,
  onChange,
  suggestions,
  error,
}: {
  id?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Keywords of the chosen themes, in the user's language. */
  suggestions: readonly string[];
  error?: string;
}) {
  const t = useTranslations("onboarding.keywords");
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const problemId = `${inputId}-problem`;
  const countId = `${inputId}-count`;
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [showAll, setShowAll] = useState(false);
  const max = LIMITS.keywordsMax;
  const full = value.length >= max;

  const open = useMemo(() => {
    const taken = new Set(value.map(fold));
    const seen = new Set<string>();
    return suggestions.filter((s) => {
      const key = fold(s);
      if (taken.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [suggestions, value]);

  /** Adds keywords; returns the problem with the first that could not be added. */
  const add = (candidates: string[]): string | null => {
    const next = [...value];
    let trouble: string | null = null;
    for (const raw of candidates) {
      const keyword = raw.trim().replace(/\s+/g, " ");
      if (!keyword) continue;
      if (keyword.length < LIMITS.keywordMin) trouble ??= t("tooShort", { min: LIMITS.keywordMin });
      else if (keyword.length > LIMITS.keywordMax)
        trouble ??= t("tooLong", { max: LIMITS.keywordMax });
      else if (next.some((k) => fold(k) === fold(keyword))) trouble ??= t("duplicate", { keyword });
      else if (next.length >= max) trouble ??= t("full", { max });
      else next.push(keyword);
    }
    if (next.length !== value.length) {
      onChange(next);
      setAnnouncement(
        next
          .slice(value.length)
          .map((keyword) => t("added", { keyword }))
          .join(" "),
      );
    }
    setProblem(trouble);
    return trouble;
  };

  const commitDraft = () => {
    if (!draft.trim()) return;
    if (!add([draft])) setDraft("");
  };

  const remove = (keyword: string) => {
    onChange(value.filter((k) => k !== keyword));
    setProblem(null);
    setAnnouncement(t("removed", { keyword }));
    input.current?.focus();
  };

  const describedBy = [hintId, problem ? problemId : null, countId].filter(Boolean).join(" ");
  const shown = showAll ? open : open.slice(0, SUGGESTIONS_SHOWN);

  return (
    <div id={id} className="flex scroll-mt-6 flex-col gap-1.5">
      <Label htmlFor={inputId}>{t("label")}</Label>
      <p id={hintId} className="text-sm text-muted-foreground">
        {t("hint")}
      </p>
      <div className="flex gap-2">
        <Input
          ref={input}
          id={inputId}
          value={draft}
          maxLength={LIMITS.keywordMax + 20}
          disabled={full}
          aria-describedby={describedBy}
          aria-invalid={problem || error ? true : undefined}
          autoComplete="off"
          enterKeyHint="done"
          onChange={(event) => {
            const text = event.target.value;
            // A comma (also the Chinese one) ends a keyword; pasted lists are split.
            const parts = text.split(/[,，;；]/);
            if (parts.length > 1) {
              const rest = parts.pop() ?? "";
              add(parts);
              setDraft(rest);
            } else {
              setDraft(text);
              if (problem) setProblem(null);
            }
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.nativeEvent.isComposing) {
              event.preventDefault();
              commitDraft();
            }
          }}
          onBlur={() => {
            // Do not lose a keyword typed just before saving.
            if (draft.trim()) commitDraft();
          }}
        />
        <Button type="button" variant="outline" onClick={commitDraft} disabled={full}>
          <Plus aria-hidden="true" className="size-4" />
          {t("add")}
        </Button>
      </div>
      {problem && (
        <p id={problemId} className="text-sm font-medium text-destructive">
          {problem}
        </p>
      )}
      {error && <p className="text-sm font-medium text-destructive">{error}</p>}
      <p id={countId} className="text-sm text-muted-foreground">
        {t("count", { count: value.length, max })}
      </p>
      {value.length > 0 && (
        <ul aria-label={t("listLabel")} className="flex flex-wrap gap-2">
          {value.map((keyword) => (
            <li
              key={keyword}
              className="inline-flex items-center gap-1 rounded-full bg-primary/10 py-1 pr-1 pl-3 text-sm text-primary"
            >
              {keyword}
              <button
                type="button"
                onClick={() => remove(keyword)}
                aria-label={t("remove", { keyword })}
                className="grid size-6 place-items-center rounded-full hover:bg-primary/15 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <X aria-hidden="true" className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2">
        <p className="text-sm font-medium">{t("suggestions")}</p>
        {suggestions.length === 0 ? (
          <p className="mt-1 text-sm text-muted-foreground">{t("suggestionsHint")}</p>
        ) : (
          <>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {shown.map((keyword) => (
                <li key={keyword}>
                  <button
                    type="button"
                    disabled={full}
                    onClick={() => add([keyword])}
                    aria-label={t("addSuggestion", { keyword })}
                    className="inline-flex items-center gap-1 rounded-full border border-dashed border-border bg-card px-2.5 py-1 text-sm hover:border-primary hover:text-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50"
                  >
                    <Plus aria-hidden="true" className="size-3.5" />
                    {keyword}
                  </button>
                </li>
              ))}
            </ul>
            {open.length > SUGGESTIONS_SHOWN && (
              <Button
                type="button"
                variant="link"
                size="sm"
                className="mt-1 px-0"
                aria-expanded={showAll}
                onClick={() => setShowAll((v) => !v)}
              >
                {showAll ? t("showFewer") : t("showAll", { count: open.length })}
              </Button>
            )}
          </>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
