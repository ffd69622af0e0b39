import { _createCache, hasLocale } from "next-intl";
import { messages } from "./messages";
import { routing } from "./routing";

/**
 * Parsed messages, kept for the life of the process, one store per language.
 * next-intl makes a new store per request, so every request parsed again each
 * message with an argument it showed (ICU parsing and an Intl.Locale per
 * message, measured in a CPU profile of the matches page under load). What
 * is kept is derived from the message catalogue, which is part of the build,
 * keyed by the message, the language and the formats (time zone included):
 * the same on every instance, never stale; a per-user time zone would be
 * another key.
 */
const parsedMessages = Object.fromEntries(
  routing.locales.map((locale) => [locale, _createCache()]),
) as Record<(typeof routing.locales)[number], ReturnType<typeof _createCache>>;

/** next-intl's request configuration for a requested language (the default one when unknown). */
export function requestConfigFor(requested: string | undefined) {
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: messages[locale],
    timeZone: "Asia/Shanghai",
    // Not part of next-intl's documented configuration: use-intl's
    // createTranslator reads it, and next-intl's getTranslations calls it
    // with this configuration (lib/i18n/config.test.ts checks the first part).
    _cache: parsedMessages[locale],
  };
}
