// Message files, one per domain and language. Each file holds top-level
// namespaces; a domain adds its file here in both languages.
import enCommon from "./en/common.json";
import enPublic from "./en/public.json";
import zhCommon from "./zh/common.json";
import zhPublic from "./zh/public.json";

export const messages = {
  en: { ...enCommon, ...enPublic },
  zh: { ...zhCommon, ...zhPublic },
} satisfies Record<"en" | "zh", unknown>;

export type Messages = typeof messages.en;
