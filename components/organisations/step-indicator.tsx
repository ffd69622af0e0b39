import { Check } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import {
  ONBOARDING_STEPS,
  type OnboardingStep,
  stepParam,
  WIZARD_STEPS,
} from "@/lib/organisations/steps";
import { cn } from "@/lib/utils";

/**
 * The wizard's steps as an ordered list; the step shown has aria-current.
 * Steps already reached are links, so partners can go back to them.
 */
export async function StepIndicator({
  locale,
  current,
  reached,
}: {
  locale: Locale;
  /** The step shown. */
  current: OnboardingStep;
  /** The next step still to complete. */
  reached: OnboardingStep;
}) {
  const t = await getTranslations({ locale, namespace: "onboarding" });
  const reachedIndex = ONBOARDING_STEPS.indexOf(reached);
  return (
    <nav aria-label={t("progressLabel")}>
      <ol className="grid grid-cols-4 gap-2">
        {WIZARD_STEPS.map((step, index) => {
          const stepIndex = step === "ACCOUNT" ? -1 : ONBOARDING_STEPS.indexOf(step);
          const isCurrent = step === current;
          const done = stepIndex < reachedIndex;
          const status = isCurrent ? "current" : done ? "done" : "todo";
          const canVisit = step !== "ACCOUNT" && !isCurrent && stepIndex <= reachedIndex;
          const content = (
            <>
              <span
                aria-hidden="true"
                className={cn(
                  "grid size-8 shrink-0 place-items-center rounded-full border text-sm font-semibold",
                  isCurrent && "border-primary bg-primary text-primary-foreground",
                  !isCurrent && done && "border-primary bg-secondary text-primary",
                  !isCurrent && !done && "border-border bg-card text-muted-foreground",
                )}
              >
                {done && !isCurrent ? <Check className="size-4" /> : index + 1}
              </span>
              <span className="flex min-w-0 flex-col">
                <span
                  className={cn(
                    "text-xs leading-tight sm:text-sm",
                    isCurrent ? "font-semibold" : "font-medium",
                    !isCurrent && !done && "text-muted-foreground",
                  )}
                >
                  {t(`steps.${step}`)}
                </span>
                <span className="sr-only sm:not-sr-only sm:text-xs sm:text-muted-foreground">
                  {t(`stepStatus.${status}`)}
                </span>
              </span>
            </>
          );
          const itemClass =
            "flex flex-col items-center gap-1.5 rounded-lg p-1.5 text-center sm:flex-row sm:items-center sm:gap-3 sm:text-left";
          return (
            <li
              key={step}
              aria-current={isCurrent ? "step" : undefined}
              className={cn(
                "relative border-b-4 pb-1",
                isCurrent ? "border-primary" : done ? "border-primary/40" : "border-border",
              )}
            >
              {canVisit ? (
                <Link
                  href={{ pathname: "/onboarding", query: { step: stepParam(step) } }}
                  className={cn(
                    itemClass,
                    "hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  )}
                >
                  {content}
                </Link>
              ) : (
                <div className={itemClass}>{content}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
