// Message files, one per domain and language. Each file holds top-level
// namespaces (no two files share one); lib/i18n/messages.test.ts checks that
// both languages have the same keys.
import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enApi from "./en/api.json";
import enAudit from "./en/audit.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enEmail from "./en/email.json";
import enImport from "./en/import.json";
import enInterests from "./en/interests.json";
import enManage from "./en/manage.json";
import enMatching from "./en/matching.json";
import enOfficial from "./en/official.json";
import enOrganisations from "./en/organisations.json";
import enPublic from "./en/public.json";
import enReview from "./en/review.json";
import zhAccount from "./zh/account.json";
import zhAdmin from "./zh/admin.json";
import zhApi from "./zh/api.json";
import zhAudit from "./zh/audit.json";
import zhAuth from "./zh/auth.json";
import zhCommon from "./zh/common.json";
import zhEmail from "./zh/email.json";
import zhImport from "./zh/import.json";
import zhInterests from "./zh/interests.json";
import zhManage from "./zh/manage.json";
import zhMatching from "./zh/matching.json";
import zhOfficial from "./zh/official.json";
import zhOrganisations from "./zh/organisations.json";
import zhPublic from "./zh/public.json";
import zhReview from "./zh/review.json";

export const messages = {
  en: {
    ...enCommon,
    ...enPublic,
    ...enAuth,
    ...enAccount,
    ...enOrganisations,
    ...enAdmin,
    ...enAudit,
    ...enEmail,
    ...enMatching,
    ...enOfficial,
    ...enManage,
    ...enImport,
    ...enApi,
    ...enInterests,
    ...enReview,
  },
  zh: {
    ...zhCommon,
    ...zhPublic,
    ...zhAuth,
    ...zhAccount,
    ...zhOrganisations,
    ...zhAdmin,
    ...zhAudit,
    ...zhEmail,
    ...zhMatching,
    ...zhOfficial,
    ...zhManage,
    ...zhImport,
    ...zhApi,
    ...zhInterests,
    ...zhReview,
  },
} satisfies Record<"en" | "zh", unknown>;

export type Messages = typeof messages.en;
