import { _createCache, hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { messages } from "./messages";
import { routing } from "./routing";

/**
 * Parsed messages, kept for the life of the process, one store per language.
 * next-intl makes a new store per request, so every request parsed again each
 * message with an argument it showed (ICU parsing and an Intl.Locale per
 * message: a fifth of the rendering time of a page of matches). What is kept
 * is derived from the message catalogue, which is part of the build, keyed by
 * the message, the language and the formats (time zone included): the same
 * on every instance, never stale. A per-user time zone would still be a
 * different key.
 */
const parsedMessages = Object.fromEntries(
  routing.locales.map((locale) => [locale, _createCache()]),
) as Record<(typeof routing.locales)[number], ReturnType<typeof _createCache>>;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const config = {
    locale,
    messages: messages[locale],
    timeZone: "Asia/Shanghai",
    // Not part of next-intl's documented config: read by use-intl's
    // createTranslator, which next-intl's getTranslations calls with this config.
    _cache: parsedMessages[locale],
  };
  return config;
});
