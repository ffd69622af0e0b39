// Hohhot's profile, in the figures of its IURC city profile (shared/seed/hohhot-city-profile.txt).

export const HOHHOT = {
  slug: "hohhot",
  nameEn: "Hohhot",
  nameZh: "呼和浩特",
  regionEn: "Inner Mongolia Autonomous Region",
  regionZh: "内蒙古自治区",
  countryCode: "CN",
  summaryEn:
    "Hohhot, the capital of Inner Mongolia Autonomous Region, lies in the Bohai Economic Rim at a linear distance of merely 400 km from Beijing, the second-closest provincial capital to China's capital after Shijiazhuang. It is an essential bridgehead linking China with Mongolia, Russia and Eastern European countries. Hohhot is committed to dual-circulation development: strengthening its dairy industry, working with renowned European universities and enterprises on joint R&D in life sciences, nutrition, health and food safety, and helping competent enterprises reach overseas markets through cross-border e-commerce and overseas warehouses.",
  summaryZh:
    "呼和浩特是内蒙古自治区首府，位于环渤海经济圈，距北京直线距离仅约400公里，是继石家庄之后距首都最近的省会城市，也是中国连接蒙古国、俄罗斯和东欧国家的重要桥头堡。呼和浩特致力于服务“双循环”新发展格局：做强乳业，加强与欧洲知名高校和企业的合作，引进乳业专家，开展联合研发，推进生命科学、营养健康与食品安全领域的创新研究，并鼓励有实力的企业通过跨境电商和海外仓开拓国际市场。",
} as const;

export type SeedFact = {
  key: string;
  value: number;
  unit: "people" | "count" | "km" | "percent" | "rmb" | "rmb_billion";
  labelEn: string;
  labelZh: string;
  periodEn?: string;
  periodZh?: string;
};

export const HOHHOT_FACTS: SeedFact[] = [
  { key: "population", value: 3_446_100, unit: "people", labelEn: "Population", labelZh: "人口" },
  {
    key: "county_divisions",
    value: 9,
    unit: "count",
    labelEn: "County-level divisions",
    labelZh: "县级行政区",
  },
  {
    key: "national_development_zones",
    value: 1,
    unit: "count",
    labelEn: "National development zone",
    labelZh: "国家级开发区",
  },
  {
    key: "national_high_tech_zones",
    value: 1,
    unit: "count",
    labelEn: "National high-tech industrial development zone",
    labelZh: "国家级高新技术产业开发区",
  },
  {
    key: "distance_to_beijing",
    value: 400,
    unit: "km",
    labelEn: "Linear distance from Beijing",
    labelZh: "距北京直线距离",
  },
  {
    key: "gdp_growth",
    value: 4.3,
    unit: "percent",
    labelEn: "Average annual GDP growth",
    labelZh: "GDP年均增速",
    periodEn: "13th Five-Year Plan (2016–2020)",
    periodZh: "“十三五”时期",
  },
  {
    key: "gdp_per_capita",
    value: 89_000,
    unit: "rmb",
    labelEn: "Per-capita GDP",
    labelZh: "人均GDP",
    periodEn: "13th Five-Year Plan (2016–2020)",
    periodZh: "“十三五”时期",
  },
  {
    key: "trade_2020",
    value: 14.7,
    unit: "rmb_billion",
    labelEn: "Imports and exports",
    labelZh: "进出口总额",
    periodEn: "2020",
    periodZh: "2020年",
  },
  {
    key: "trade_h1_2021",
    value: 8.328,
    unit: "rmb_billion",
    labelEn: "Foreign trade",
    labelZh: "外贸总额",
    periodEn: "January–June 2021",
    periodZh: "2021年1–6月",
  },
  {
    key: "trade_h1_2021_growth",
    value: 11.2,
    unit: "percent",
    labelEn: "Foreign trade growth, year on year",
    labelZh: "外贸同比增长",
    periodEn: "January–June 2021",
    periodZh: "2021年1–6月",
  },
];

export const DEMO_PASSWORD = "hohhot-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "partner@bridgehead.example", name: "Demo Partner", role: "PARTNER", locale: "en" },
  { email: "official@bridgehead.example", name: "演示官员", role: "OFFICIAL", locale: "zh" },
  { email: "admin@bridgehead.example", name: "Demo Admin", role: "ADMIN", locale: "en" },
] as const;
