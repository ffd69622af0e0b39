// The partner onboarding wizard's steps. "Account" is done at registration;
// Organisation.onboardingStep stores the next step still to complete (null
// once the partner has consented).

export const ONBOARDING_STEPS = ["ORGANISATION", "CAPABILITIES", "CONSENT"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** The steps as shown, account first. */
export const WIZARD_STEPS = ["ACCOUNT", ...ONBOARDING_STEPS] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export function isOnboardingStep(value: unknown): value is OnboardingStep {
  return typeof value === "string" && (ONBOARDING_STEPS as readonly string[]).includes(value);
}

/** The step in a URL (?step=capabilities), or null. */
export function stepFromParam(value: unknown): OnboardingStep | null {
  const upper = typeof value === "string" ? value.toUpperCase() : null;
  return isOnboardingStep(upper) ? upper : null;
}

export function stepParam(step: OnboardingStep): string {
  return step.toLowerCase();
}

/**
 * The stored next step after `completed` was saved. It only moves forward:
 * saving an earlier step again (after "Back") keeps the partner's progress,
 * and a finished onboarding (null) stays finished.
 */
export function advanceStep(
  current: string | null,
  completed: OnboardingStep,
): OnboardingStep | null {
  if (current === null) return null;
  const index = ONBOARDING_STEPS.indexOf(completed);
  const next = ONBOARDING_STEPS[index + 1] ?? null;
  if (next === null) return null;
  const currentIndex = isOnboardingStep(current) ? ONBOARDING_STEPS.indexOf(current) : 0;
  return currentIndex > index + 1 ? (current as OnboardingStep) : next;
}

/**
 * Which step the wizard shows: the requested one if the partner has reached
 * it, otherwise the stored next step. Without an organisation only the
 * organisation step is open.
 */
export function resolveStep(
  stored: string | null | undefined,
  requested: OnboardingStep | null,
): OnboardingStep {
  const reached: OnboardingStep = isOnboardingStep(stored) ? stored : "ORGANISATION";
  if (requested && ONBOARDING_STEPS.indexOf(requested) <= ONBOARDING_STEPS.indexOf(reached)) {
    return requested;
  }
  return reached;
}

/** The step before this one, for "Back"; null on the first editable step. */
export function previousStep(step: OnboardingStep): OnboardingStep | null {
  return ONBOARDING_STEPS[ONBOARDING_STEPS.indexOf(step) - 1] ?? null;
}
