import { describe, expect, it } from "vitest";
import {
  manageFilterQuery,
  opportunitySaveSchema,
  opportunityStatusSchema,
  parseManageFilter,
  slugify,
  todayIso,
} from "./schema";

const valid = {
  titleEn: "Cold-chain logistics for dairy exports",
  titleZh: "乳制品出口冷链物流合作",
  descriptionEn:
    "We seek a European partner for cold-chain monitoring of dairy exports, from farm to port.",
  descriptionZh:
    "寻求欧洲合作伙伴，共同开展乳制品出口冷链监测，覆盖从牧场到港口的全过程，并提供技术培训和设备支持，欢迎高校与企业参与。",
  hostNameEn: "Hohhot Dairy Group",
  hostNameZh: "呼和浩特乳业集团",
  themeId: "theme_1",
  hostType: "ENTERPRISE",
  cooperationTypes: ["JOINT_RD"],
  partnerTypes: [],
  trlMin: "3",
  trlMax: "7",
  deadline: "",
};

function errors(input: unknown) {
  const result = opportunitySaveSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || "_", i.message]));
}

const inDays = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));

describe("opportunitySaveSchema", () => {
  it("accepts a complete opportunity and normalises it", () => {
    const parsed = opportunitySaveSchema.parse({ ...valid, titleEn: `  ${valid.titleEn} ` });
    expect(parsed.titleEn).toBe(valid.titleEn);
    expect(parsed.trlMin).toBe(3);
    expect(parsed.deadline).toBeNull();
    expect(parsed.intent).toBe("save");
  });

  it("accepts its own output (the browser sends parsed values)", () => {
    const once = opportunitySaveSchema.parse({ ...valid, deadline: inDays(10) });
    expect(opportunitySaveSchema.parse(once)).toEqual(once);
  });

  it("names the fields that are wrong", () => {
    expect(
      errors({
        ...valid,
        titleEn: "Dair",
        titleZh: "x".repeat(201),
        descriptionEn: "Too short.",
        themeId: "",
        hostType: "CITY",
        cooperationTypes: [],
        trlMin: "0",
        deadline: "2026-02-30",
      }),
    ).toEqual({
      titleEn: "tooShort?min=5",
      titleZh: "tooLong?max=200",
      descriptionEn: "tooShort?min=50",
      themeId: "required",
      hostType: expect.any(String),
      cooperationTypes: "choose",
      trlMin: "trl",
      deadline: "date",
    });
  });

  it("refuses a TRL range upside down", () => {
    expect(errors({ ...valid, trlMin: "8", trlMax: "4" })).toEqual({ trlMax: "trlOrder" });
  });

  it("refuses a past deadline when publishing, not when saving a draft", () => {
    const past = inDays(-3);
    expect(errors({ ...valid, deadline: past, intent: "publish" })).toEqual({
      deadline: "deadlinePast",
    });
    expect(errors({ ...valid, deadline: past, intent: "save" })).toEqual({});
    expect(errors({ ...valid, deadline: todayIso(), intent: "publish" })).toEqual({});
  });

  it("refuses unknown keys such as a status or a slug", () => {
    const result = opportunitySaveSchema.safeParse({ ...valid, status: "PUBLISHED" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(opportunitySaveSchema.safeParse({ ...valid, slug: "mine" }).success).toBe(false);
  });

  it("wants the version with the id of an edited opportunity", () => {
    expect(errors({ ...valid, id: "op_1" })).toEqual({ _form: "invalid" });
    expect(errors({ ...valid, id: "op_1", updatedAt: "2026-01-01T00:00:00.000Z" })).toEqual({});
  });
});

describe("opportunityStatusSchema", () => {
  it("needs an id and a version", () => {
    expect(opportunityStatusSchema.safeParse({ id: "op_1" }).success).toBe(false);
    expect(
      opportunityStatusSchema.safeParse({ id: "op_1", updatedAt: "2026-01-01T00:00:00.000Z" })
        .success,
    ).toBe(true);
  });
});

describe("slugify", () => {
  it("makes a readable ASCII address from the English title", () => {
    expect(slugify("Cold-chain logistics for Dairy Exports!")).toBe(
      "cold-chain-logistics-for-dairy-exports",
    );
    expect(slugify("Café & Crème brûlée")).toBe("cafe-creme-brulee");
    expect(slugify("奶业合作")).toBe("opportunity");
    expect(slugify("a ".repeat(100)).length).toBeLessThanOrEqual(80);
    expect(slugify("a ".repeat(100)).endsWith("-")).toBe(false);
  });
});

describe("manage filter", () => {
  it("keeps known values and drops the rest", () => {
    const filter = parseManageFilter({ status: "DRAFT", theme: "dairy", page: "2", x: "1" });
    expect(filter).toEqual({ status: "DRAFT", theme: "dairy", page: 2 });
    expect(manageFilterQuery(filter, 3)).toBe("?status=DRAFT&theme=dairy&page=3");
    expect(parseManageFilter({ status: "OPEN", theme: "../x", page: "-1" })).toEqual({});
  });
});
