import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { countryName } from "@/lib/organisations/countries";
import { languageName } from "@/lib/organisations/languages";
import { type OwnOrganisation, sortedThemes } from "@/lib/organisations/queries";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function Chips({ values, empty }: { values: string[]; empty: string }) {
  if (values.length === 0) return <span className="text-muted-foreground">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {values.map((value) => (
        <li key={value}>
          <Badge variant="secondary">{value}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** The organisation's profile as its members see it, every field translated. */
export async function OrganisationProfile({
  organisation,
  locale,
  city,
}: {
  organisation: OwnOrganisation;
  locale: Locale;
  city: string;
}) {
  const t = await getTranslations({ locale, namespace: "organisationProfile" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const tSize = await getTranslations({ locale, namespace: "sizeBand" });
  const format = await getFormatter({ locale });
  const notGiven = t("notGiven");
  const date = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: "long" }) : t("never");

  return (
    <div className="flex flex-col gap-6">
      <Card className="p-5 sm:p-6">
        <section aria-labelledby="about-title">
          <h2 id="about-title" className="text-xl font-semibold">
            {t("about")}
          </h2>
          <p className="mt-3 whitespace-pre-line leading-relaxed">{organisation.description}</p>
        </section>
      </Card>

      <Card className="p-5 sm:p-6">
        <section aria-labelledby="details-title">
          <h2 id="details-title" className="text-xl font-semibold">
            {t("details")}
          </h2>
          <dl className="mt-2 divide-y divide-border">
            <Row label={t("type")}>{tType(organisation.type)}</Row>
            <Row label={t("country")}>{countryName(organisation.country, locale)}</Row>
            <Row label={t("city")}>{organisation.city ?? notGiven}</Row>
            <Row label={t("website")}>
              {/* Only http(s) becomes a link: a stored javascript: or data: URL stays text. */}
              {organisation.website && /^https?:\/\//i.test(organisation.website) ? (
                <a
                  href={organisation.website}
                  rel="noopener noreferrer nofollow"
                  className="break-all text-primary underline underline-offset-4"
                >
                  {organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                </a>
              ) : (
                (organisation.website ?? notGiven)
              )}
            </Row>
            <Row label={t("sizeBand")}>
              {organisation.sizeBand ? tSize(organisation.sizeBand) : notGiven}
            </Row>
          </dl>
        </section>
      </Card>

      <Card className="p-5 sm:p-6">
        <section aria-labelledby="capabilities-title">
          <h2 id="capabilities-title" className="text-xl font-semibold">
            {t("capabilities")}
          </h2>
          <dl className="mt-2 divide-y divide-border">
            <Row label={t("themes")}>
              {organisation.themes.length === 0 ? (
                <span className="text-muted-foreground">{notGiven}</span>
              ) : (
                <ul className="flex flex-wrap gap-1.5">
                  {sortedThemes(organisation).map((theme) => (
                    <li key={theme.id}>
                      <Link href={`/themes/${theme.slug}`}>
                        <Badge className="hover:underline">
                          {localized(theme, "name", locale)}
                        </Badge>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Row>
            <Row label={t("keywords")}>
              <Chips values={organisation.keywords} empty={notGiven} />
            </Row>
            <Row label={t("trl")}>
              {organisation.trlMin !== null && organisation.trlMax !== null
                ? t("trlRange", { min: organisation.trlMin, max: organisation.trlMax })
                : notGiven}
            </Row>
            <Row label={t("cooperationTypes")}>
              <Chips values={organisation.cooperationTypes.map((c) => tCoop(c))} empty={notGiven} />
            </Row>
            <Row label={t("partnerTypes")}>
              <Chips values={organisation.partnerTypes.map((p) => tType(p))} empty={notGiven} />
            </Row>
            <Row label={t("languages")}>
              <Chips
                values={organisation.languages.map((code) => languageName(code, locale))}
                empty={notGiven}
              />
            </Row>
          </dl>
        </section>
      </Card>

      <Card className="p-5 sm:p-6">
        <section aria-labelledby="status-title">
          <h2 id="status-title" className="text-xl font-semibold">
            {t("status")}
          </h2>
          <dl className="mt-2 divide-y divide-border">
            <Row label={t("lastConfirmed")}>{date(organisation.lastConfirmedAt)}</Row>
            <Row label={t("consentedAt", { city })}>{date(organisation.consentedAt)}</Row>
          </dl>
        </section>
      </Card>
    </div>
  );
}
