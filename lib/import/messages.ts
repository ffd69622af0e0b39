// Translates the importer's message keys ("tooShort?min=20") into English or
// Chinese with next-intl's createTranslator, outside React, so that the
// command line and the job worker can use them too (as lib/email/render.ts).
import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import { parseValidationMessage } from "@/lib/validation/translate";

export type ImportLocale = "en" | "zh";

type Params = Record<string, string | number>;

export function importTranslator(locale: ImportLocale): (message: string) => string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "import.errors" });
  const known = new Set(Object.keys(messages[locale].import.errors));
  const translate = t as unknown as (key: string, params?: Params) => string;
  const translateOne = (message: string): string => {
    const { key, params } = parseValidationMessage(message);
    if (!known.has(key)) return translate("invalid");
    // "item?n=3&inner=tooShort%3Fmin%3D2": an error in one item of a list.
    if (key === "item")
      return translate("item", { n: Number(params.n), message: translateOne(params.inner ?? "") });
    const values: Params = { ...params };
    for (const [name, value] of Object.entries(params))
      if (/^-?\d+$/.test(value) && name !== "reason" && name !== "slug" && name !== "column")
        values[name] = Number(value);
    return translate(key, values);
  };
  return translateOne;
}
