import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "./render";
import type { EmailData, EmailTemplate } from "./send";

const url = "https://bridgehead.example/en/verify-email?token=abc_DEF-123";

const samples: { [K in EmailTemplate]: EmailData[K] } = {
  "verify-email": { name: "Ada Lovelace", url },
  "account-exists": {
    loginUrl: "https://bridgehead.example/en/login",
    resetUrl: "https://bridgehead.example/en/reset-password",
  },
  "reset-password": { name: "Ada Lovelace", url },
  "change-email": { name: "Ada Lovelace", url, newEmail: "ada@new.example" },
  "email-changed": { name: "Ada Lovelace", newEmail: "ada@new.example" },
  "invitation-colleague": { inviterName: "Grace Hopper", organisationName: "TU Delft", url },
  "invitation-staff": { inviterName: "Grace Hopper", role: "OFFICIAL", url },
  "interest-status": {
    name: "Ada Lovelace",
    target: "Dairy probiotics pilot",
    status: "DECLINED",
    declineReason: "NO_CAPACITY",
    note: "Not this year, sorry.",
    url,
  },
  "interest-info-request": {
    name: "Ada Lovelace",
    target: "Dairy probiotics pilot",
    question: "Which strains do you work with?",
    url,
  },
  "interest-assigned": {
    name: "Li Wei",
    target: "Dairy probiotics pilot",
    organisationName: "TU Delft",
    url,
  },
  "interest-replied": {
    name: "Li Wei",
    target: "Dairy probiotics pilot",
    organisationName: "TU Delft",
    url,
  },
  "interest-digest": {
    name: "Li Wei",
    count: 2,
    days: 3,
    lines: ["TU Delft: Dairy probiotics pilot", "KU Leuven: Open interest"],
    url,
  },
  "interest-invitation": {
    officialName: "Li Wei",
    organisationName: "TU Delft",
    cityName: "Hohhot",
    targetKind: "OPPORTUNITY",
    targetName: "Dairy probiotics pilot",
    url: "https://bridgehead.example/en/interests/new?opportunity=dairy-probiotics-pilot",
  },
};
const templates = Object.keys(samples) as EmailTemplate[];

function urlsOf(data: object): string[] {
  return Object.entries(data)
    .filter(([key]) => key.toLowerCase().endsWith("url"))
    .map(([, value]) => value as string);
}

describe("renderEmail", () => {
  it.each(templates)(
    "renders %s in English and Chinese with every link in both parts",
    (template) => {
      const data = samples[template];
      const en = renderEmail(template, "en", data);
      const zh = renderEmail(template, "zh", data);
      expect(en.subject).not.toBe("");
      expect(en.subject).not.toMatch(/\p{Script=Han}/u);
      expect(zh.subject).toMatch(/\p{Script=Han}/u);
      expect(zh.text).toMatch(/\p{Script=Han}/u);
      expect(en.html).toContain('<html lang="en">');
      expect(zh.html).toContain('<html lang="zh-CN">');
      for (const link of urlsOf(data)) {
        for (const part of [en, zh]) {
          // The URL stands on its own line in the text and is a real link in the HTML.
          expect(part.text.split("\n")).toContain(link);
          expect(part.html).toContain(`<a href="${link}"`);
          expect(part.html).toContain(`>${link}</a>`);
        }
      }
      // No ICU placeholder is left unformatted.
      expect(en.text).not.toMatch(/[{}]/);
      expect(zh.text).not.toMatch(/[{}]/);
    },
  );

  it("greets by name and formats the arguments", () => {
    const en = renderEmail("change-email", "en", samples["change-email"]);
    expect(en.text.startsWith("Hello Ada Lovelace,")).toBe(true);
    expect(en.text).toContain("ada@new.example");
    const zh = renderEmail("invitation-colleague", "zh", samples["invitation-colleague"]);
    expect(zh.subject).toBe("Grace Hopper 邀请您加入 Bridgehead 上的 TU Delft");
  });

  it("names the staff role in the invitation", () => {
    const official = renderEmail("invitation-staff", "en", samples["invitation-staff"]);
    const admin = renderEmail("invitation-staff", "zh", {
      ...samples["invitation-staff"],
      role: "ADMIN",
    });
    expect(official.text).toContain("as a city official");
    expect(admin.text).toContain("以管理员身份");
  });

  it("escapes every data value in the HTML but keeps the text plain", () => {
    const evil = '<script>alert("x")</script>';
    const rendered = renderEmail("invitation-colleague", "en", {
      inviterName: evil,
      organisationName: `${evil} & Co`,
      url: 'https://bridgehead.example/en/invitation?token=a"b<c>&d=1',
    });
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(rendered.html).toContain("&amp; Co");
    expect(rendered.html).toContain(
      'href="https://bridgehead.example/en/invitation?token=a&quot;b&lt;c&gt;&amp;d=1"',
    );
    expect(rendered.text).toContain(evil);
    // The subject goes into a header and into <title>.
    expect(rendered.subject).toContain(evil);
    expect(rendered.html).toContain(`<title>${escapeHtml(rendered.subject)}</title>`);
  });

  it("keeps data values on one line, so a name cannot forge a header or a line", () => {
    const rendered = renderEmail("invitation-staff", "en", {
      inviterName: "Eve\r\nBcc: victim@example.com",
      role: "ADMIN",
      url,
    });
    expect(rendered.subject).not.toMatch(/[\r\n]/);
    expect(rendered.subject).toContain("Eve Bcc: victim@example.com");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() =>
      renderEmail("verify-email", "en", { name: "A", url: "javascript:alert(1)" }),
    ).toThrow(/http/);
  });
});
