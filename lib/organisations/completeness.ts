// How complete a partner's profile is for matching, and what to add. Pure:
// the profile page and the wizard's sidebar show the result; the reasons
// ("why it matters for matching") are messages of the "completeness" namespace.

export const DESCRIPTION_GOOD_LENGTH = 300;
export const KEYWORDS_GOOD_COUNT = 5;

export type CompletenessInput = {
  description: string | null;
  keywords: readonly string[];
  themeCount: number;
  trlMin: number | null;
  trlMax: number | null;
  cooperationTypes: readonly string[];
  partnerTypes: readonly string[];
  languages: readonly string[];
  website: string | null;
  city: string | null;
  sizeBand: string | null;
};

export type CompletenessKey =
  | "description"
  | "themes"
  | "keywords"
  | "trl"
  | "cooperationTypes"
  | "partnerTypes"
  | "languages"
  | "website"
  | "city"
  | "sizeBand";

export type CompletenessItem = {
  key: CompletenessKey;
  /** Missing: nothing there. Weak: there, but too little to match well. */
  status: "missing" | "weak";
  /** What the partner has now and what would be good, for the message. */
  count?: number;
  min?: number;
};

export type Completeness = {
  /** 0 to 100. */
  percent: number;
  /** What to add or improve, the most useful for matching first. */
  items: CompletenessItem[];
};

/** Weights sum to 100; the order is the order of importance for matching. */
export const WEIGHTS: Record<CompletenessKey, number> = {
  themes: 20,
  description: 20,
  keywords: 15,
  trl: 10,
  cooperationTypes: 10,
  partnerTypes: 5,
  languages: 5,
  website: 5,
  city: 5,
  sizeBand: 5,
};

function check(profile: CompletenessInput, key: CompletenessKey): CompletenessItem | null {
  switch (key) {
    case "description": {
      const length = profile.description?.trim().length ?? 0;
      if (length === 0) return { key, status: "missing" };
      if (length < DESCRIPTION_GOOD_LENGTH)
        return { key, status: "weak", count: length, min: DESCRIPTION_GOOD_LENGTH };
      return null;
    }
    case "keywords": {
      const count = profile.keywords.length;
      if (count === 0) return { key, status: "missing" };
      if (count < KEYWORDS_GOOD_COUNT)
        return { key, status: "weak", count, min: KEYWORDS_GOOD_COUNT };
      return null;
    }
    case "themes":
      return profile.themeCount > 0 ? null : { key, status: "missing" };
    case "trl":
      return profile.trlMin !== null && profile.trlMax !== null ? null : { key, status: "missing" };
    case "cooperationTypes":
    case "partnerTypes":
    case "languages":
      return profile[key].length > 0 ? null : { key, status: "missing" };
    case "website":
    case "city":
    case "sizeBand":
      return profile[key]?.trim() ? null : { key, status: "missing" };
  }
}

export function profileCompleteness(profile: CompletenessInput): Completeness {
  const keys = Object.keys(WEIGHTS) as CompletenessKey[];
  let score = 0;
  const items: CompletenessItem[] = [];
  for (const key of keys) {
    const item = check(profile, key);
    if (!item) score += WEIGHTS[key];
    else {
      items.push(item);
      // Something weak is worth half: it is there, but matches less.
      if (item.status === "weak") score += WEIGHTS[key] / 2;
    }
  }
  return { percent: Math.round(score), items };
}

/** The completeness of an organisation as stored (themes counted from its links). */
export function organisationCompleteness(organisation: {
  description: string;
  keywords: string[];
  themes: readonly unknown[];
  trlMin: number | null;
  trlMax: number | null;
  cooperationTypes: string[];
  partnerTypes: string[];
  languages: string[];
  website: string | null;
  city: string | null;
  sizeBand: string | null;
}): Completeness {
  return profileCompleteness({ ...organisation, themeCount: organisation.themes.length });
}
