// Development only (not in package.json): fills the development database with
// about 60 realistic expressions of interest — English and Chinese texts,
// every status, some assigned, with their history — so that the officials'
// review queue, detail page and dashboard show real-looking data.
//   npx tsx scripts/dev-seed-interests.ts
// Uses DATABASE_URL, or the embedded server of `npm run dev` (scripts/lib/database).
// Does nothing if the database already holds expressions of interest.

import { createPrismaClient } from "@/lib/db/client";
import type {
  CooperationType,
  DeclineReason,
  InterestStatus,
  Prisma,
} from "@/lib/generated/prisma/client";
import { rescoreOrganisation } from "@/lib/matching/engine";
import { openDatabase } from "./lib/database";

const MOTIVATIONS_EN = [
  "Our institute has spent ten years on probiotic strains for fermented dairy products and would like to test them with Hohhot's dairy producers, who work at a scale we cannot reach in Europe.",
  "We build compact wind-hydrogen systems for remote grids and see Inner Mongolia's wind resources as the ideal place for a joint pilot with a local utility.",
  "We are a cluster of 40 agri-food SMEs looking for a partner to co-develop traceability for cashmere and wool supply chains from farm to finished product.",
  "Our university's grassland ecology group wants to compare restoration methods on degraded steppe with researchers in Hohhot over a three-year programme.",
  "We manufacture sensors for cold-chain logistics and would like to adapt them for long-distance transport of dairy products across northern China.",
  "Our company recycles industrial by-products into construction materials; coal fly ash from Inner Mongolia is a promising feedstock for our process.",
  "We offer training in food safety management (ISO 22000) and would like to run a joint certification programme with a university in Hohhot.",
  "Our start-up develops AI models that predict milk yield from herd data, and we seek dairy farms willing to share anonymised data for a joint study.",
];
const MOTIVATIONS_ZH = [
  "我们是一家专注乳制品发酵工艺的研究机构，希望与呼和浩特的乳企在益生菌菌株筛选和酸奶工艺方面开展联合研发。",
  "我公司在风光储一体化方面有丰富经验，希望参与内蒙古新能源示范项目，共同建设离网储能试点。",
  "我们的团队长期研究草原生态修复，希望与当地高校合作，开展退化草场修复技术的对比试验。",
  "我们希望将欧洲成熟的羊绒加工与质量检测技术引入呼和浩特，与本地企业建立长期合作关系。",
];
const CONTRIBUTIONS_EN = [
  "A pilot fermentation line, two senior researchers for six months, and access to our strain library of 300 cultures.",
  "Engineering of the electrolyser stack, remote monitoring software, and on-site commissioning by our team.",
  "Laboratory analysis, field methods and a shared data platform; co-supervision of two PhD students.",
  "Sensor hardware at cost for the pilot, data integration with local logistics platforms, and training.",
];
const CONTRIBUTIONS_ZH = [
  "提供中试发酵设备、两名高级研究人员驻场六个月，以及包含300株菌种的菌种库。",
  "提供储能系统设计、远程监控软件，并派技术团队现场调试。",
  "提供实验室检测、野外调查方法及共享数据平台，并联合培养两名博士研究生。",
];
const TIMELINES = [
  "Start in the second quarter, first results within twelve months.",
  "A six-month feasibility study, then a two-year pilot.",
  "计划明年春季启动，为期两年。",
  "Immediately; we can send a delegation next month.",
  "三个月内完成可行性研究，随后开展试点。",
];
const QUESTIONS = [
  "Could you tell us which dairy companies you already work with in China?",
  "请说明贵方在中国是否已有合作伙伴或代表处。",
  "What budget do you foresee for the pilot, and who would fund it?",
];
const ANSWERS = [
  "We work with two dairies in Heilongjiang through a research project; no commercial partners yet.",
  "我们在上海设有代表处，目前尚无其他合作伙伴。",
  "About €400,000, half from an EU programme and half from our own funds.",
];
const DECLINES: Array<[DeclineReason, string]> = [
  [
    "OUT_OF_SCOPE",
    "Thank you for your interest. This proposal falls outside the current priorities of the theme.",
  ],
  ["NO_CAPACITY", "感谢贵方的合作意向。目前相关单位暂无承接能力，欢迎明年再次联系。"],
  [
    "CAPABILITY_INSUFFICIENT",
    "The technology readiness is lower than the opportunity requires at this stage.",
  ],
];
const COOPERATION: CooperationType[] = [
  "JOINT_RD",
  "TECHNOLOGY_TRANSFER",
  "EXPERT_EXCHANGE",
  "PILOT_DEMONSTRATION",
  "JOINT_VENTURE",
];

// 60 expressions: many waiting, some in every later status.
const PLAN: Array<[InterestStatus, number]> = [
  ["SUBMITTED", 18],
  ["IN_REVIEW", 10],
  ["INFO_REQUESTED", 6],
  ["PARTNER_REPLIED", 4],
  ["SHORTLISTED", 7],
  ["ACCEPTED", 6],
  ["DECLINED", 6],
  ["WITHDRAWN", 3],
];

const DAY = 86_400_000;
const HOUR = 3_600_000;

const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 2 });
try {
  if ((await db.expressionOfInterest.count()) > 0) {
    console.log("The database already holds expressions of interest: nothing to do.");
  } else {
    const city = process.env.CITY_SLUG ?? "hohhot";
    const [themes, opportunities, organisations, official, admin] = await Promise.all([
      db.theme.findMany({ where: { city: { slug: city } }, orderBy: { order: "asc" } }),
      db.opportunity.findMany({
        where: { status: "PUBLISHED", theme: { city: { slug: city } } },
        orderBy: { slug: "asc" },
      }),
      db.organisation.findMany({
        where: { OR: [{ consentedAt: { not: null } }, { origin: "IMPORTED" }] },
        orderBy: { name: "asc" },
        select: { id: true, name: true, members: { select: { id: true }, take: 1 } },
      }),
      db.user.findUnique({ where: { email: "official@bridgehead.example" } }),
      db.user.findUnique({ where: { email: "admin@bridgehead.example" } }),
    ]);
    if (themes.length === 0 || organisations.length === 0 || !official) {
      throw new Error("Seed the database first (npm run dev seeds an empty one).");
    }
    // A second official, so that assignments name more than one person.
    const colleague = await db.user.upsert({
      where: { email: "li.na@bridgehead.example" },
      update: {},
      create: {
        email: "li.na@bridgehead.example",
        name: "李娜",
        role: "OFFICIAL",
        locale: "zh",
        emailVerifiedAt: new Date(),
      },
    });
    const officials = [official, colleague, ...(admin ? [admin] : [])];

    const used = new Set<string>();
    let n = 0;
    const now = Date.now();
    for (const [status, count] of PLAN) {
      for (let i = 0; i < count; i++, n++) {
        const org = organisations[n % organisations.length]!;
        // Every third is an open interest in a theme; the others name an opportunity.
        const opportunity =
          n % 3 === 2 || opportunities.length === 0
            ? null
            : opportunities[n % opportunities.length]!;
        const themeId = opportunity?.themeId ?? themes[n % themes.length]!.id;
        const key = `${org.id}:${opportunity?.id ?? themeId}`;
        if (used.has(key)) continue;
        used.add(key);
        const chinese = n % 4 === 1;
        const created = new Date(now - ((n * 37) % 70) * DAY - ((n * 7) % 24) * HOUR);
        const wait = (0.3 + ((n * 13) % 90) / 10) * DAY; // 0.3 to 9.2 days
        const reviewed =
          status === "SUBMITTED" || status === "WITHDRAWN"
            ? null
            : new Date(created.getTime() + wait);
        const decided =
          status === "ACCEPTED" || status === "DECLINED"
            ? new Date((reviewed ?? created).getTime() + (3 + (n % 10)) * DAY)
            : null;
        const decline = status === "DECLINED" ? DECLINES[n % DECLINES.length]! : null;
        const assignee =
          status === "SUBMITTED" && n % 3 !== 0
            ? null
            : status === "WITHDRAWN"
              ? null
              : officials[n % officials.length]!;
        const partner = org.members[0]?.id ?? null;

        const interest = await db.expressionOfInterest.create({
          data: {
            organisationId: org.id,
            themeId,
            opportunityId: opportunity?.id ?? null,
            status,
            motivation: chinese
              ? MOTIVATIONS_ZH[n % MOTIVATIONS_ZH.length]!
              : MOTIVATIONS_EN[n % MOTIVATIONS_EN.length]!,
            contribution: chinese
              ? CONTRIBUTIONS_ZH[n % CONTRIBUTIONS_ZH.length]!
              : CONTRIBUTIONS_EN[n % CONTRIBUTIONS_EN.length]!,
            timeline: TIMELINES[n % TIMELINES.length]!,
            cooperationType: COOPERATION[n % COOPERATION.length]!,
            contactUserId: partner,
            submittedById: partner,
            assigneeId:
              status === "ACCEPTED" || status === "DECLINED" ? null : (assignee?.id ?? null),
            firstReviewedAt: reviewed,
            decidedAt: decided,
            declineReason: decline?.[0] ?? null,
            declineMessage: decline?.[1] ?? null,
            createdAt: created,
          },
        });

        // The history: submitted, then each step of the way to its status.
        const reviewer = officials[(n + 1) % officials.length]!;
        const events: Prisma.InterestEventCreateManyInput[] = [
          {
            interestId: interest.id,
            fromStatus: null,
            toStatus: "SUBMITTED",
            actorId: partner,
            createdAt: created,
          },
        ];
        const step = (
          from: InterestStatus,
          to: InterestStatus,
          at: Date,
          action: string,
          actorId: string | null,
          note?: string,
          data: Record<string, string> = {},
        ) =>
          events.push({
            interestId: interest.id,
            fromStatus: from,
            toStatus: to,
            actorId,
            note: note ?? null,
            data: { action, ...data },
            createdAt: at,
          });
        const later = (days: number) => new Date((reviewed ?? created).getTime() + days * DAY);
        if (status === "WITHDRAWN") {
          step(
            "SUBMITTED",
            "WITHDRAWN",
            new Date(created.getTime() + 2 * DAY),
            "withdraw",
            partner,
          );
        } else if (reviewed) {
          step("SUBMITTED", "IN_REVIEW", reviewed, "startReview", reviewer.id);
          if (status === "INFO_REQUESTED" || status === "PARTNER_REPLIED") {
            step(
              "IN_REVIEW",
              "INFO_REQUESTED",
              later(1),
              "requestInfo",
              reviewer.id,
              QUESTIONS[n % QUESTIONS.length],
            );
            if (status === "PARTNER_REPLIED")
              step(
                "INFO_REQUESTED",
                "PARTNER_REPLIED",
                later(3),
                "reply",
                partner,
                ANSWERS[n % ANSWERS.length],
              );
          }
          if (status === "SHORTLISTED" || status === "ACCEPTED")
            step("IN_REVIEW", "SHORTLISTED", later(2), "shortlist", reviewer.id);
          if (status === "ACCEPTED")
            step("SHORTLISTED", "ACCEPTED", decided!, "accept", reviewer.id);
          if (status === "DECLINED")
            step("IN_REVIEW", "DECLINED", decided!, "decline", reviewer.id, decline![1], {
              declineReason: decline![0],
            });
        }
        if (assignee && status !== "ACCEPTED" && status !== "DECLINED")
          events.push({
            interestId: interest.id,
            kind: "ASSIGNMENT",
            fromStatus: "SUBMITTED",
            toStatus: "SUBMITTED",
            actorId: reviewer.id,
            data: { from: null, to: assignee.id },
            createdAt: new Date(created.getTime() + 2 * HOUR),
          });
        await db.interestEvent.createMany({ data: events });
        if (n % 5 === 0)
          await db.interestNote.create({
            data: {
              interestId: interest.id,
              authorId: reviewer.id,
              body: chinese
                ? "已与市科技局沟通，对方对该方向很感兴趣。"
                : "Checked their references with the EU delegation; looks solid.",
              createdAt: later(0.5),
            },
          });
      }
    }

    // Real scores and explanations for the organisations used (the engine, as the worker runs it).
    const orgIds = [...new Set([...used].map((key) => key.split(":")[0]!))];
    for (const id of orgIds) await rescoreOrganisation(db, id);
    console.log(`Created ${used.size} expressions of interest for ${orgIds.length} organisations.`);
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
