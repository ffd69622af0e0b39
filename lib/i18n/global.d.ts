import type { Messages } from "./messages";
import type { routing } from "./routing";

// Typed message keys: a missing or misspelt key fails `npm run typecheck`.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
  }
}
