/** Catalogs of standards (tiêu chuẩn) and criteria (tiêu chí) for each framework and school type. */

/** School type ids used everywhere in code, CLI and JSON. */
export type SchoolType = 'mam-non' | 'tieu-hoc' | 'thcs-thpt' | 'gdtx';

/** The two generations of rules: the 2018 circulars (TT17/18/19) and Thông tư 57/2026. */
export type Framework = '2018' | '2026';

/** A level (mức) a criterion is assessed at. Mức 4 of the 2018 framework is a separate item list. */
export type Level = 1 | 2 | 3;

export interface Criterion {
  /** "1.3" — standard number, dot, index inside the standard. */
  readonly code: string;
  readonly standard: number;
  /** Official title, exactly as transcribed in the reference data. */
  readonly title: string;
  /** Levels at which the criterion has requirements (original text). */
  readonly levels: readonly Level[];
  /** One-line paraphrase of each level's requirement (not legal text). */
  readonly summary: Readonly<Partial<Record<string, string>>>;
  /** TT57: one of the eight mandatory criteria. */
  readonly mandatory: boolean;
  /** 2018: levels left after TT22/2024 (from 25/01/2025), where that could be worked out. */
  readonly levelsFrom2025?: readonly Level[];
  readonly titleVariants?: readonly string[];
  /** Set when the title comes from a single unconfirmed source: why. */
  readonly unverified?: string;
  readonly notes?: readonly string[];
}

export interface Standard {
  readonly number: number;
  readonly title: string;
  readonly titleVariants?: readonly string[];
  readonly criteria: readonly Criterion[];
}

/** A Mức 4 item of the 2018 circulars (Điều 22), numbered 1..N on its own. */
export interface Level4Item {
  readonly code: string;
  readonly summary: string;
  /** The source text is cut off: unverified. */
  readonly incomplete?: boolean;
}

export interface Catalog {
  readonly id: string;
  readonly framework: Framework;
  /** The primary school type of the catalog. */
  readonly schoolType: SchoolType;
  /** TT57: the phổ thông catalog serves both tieu-hoc and thcs-thpt. */
  readonly schoolTypes?: readonly SchoolType[];
  readonly schoolTypeName: string;
  readonly circular: {
    readonly number: string;
    readonly date: string;
    readonly title: string;
    readonly amendedBy: readonly string[];
  };
  readonly annex?: string;
  readonly levels: readonly Level[];
  readonly standards: readonly Standard[];
  readonly level4: readonly Level4Item[];
  /** False when the reference data could not confirm the full Mức 4 list. */
  readonly level4Complete: boolean;
  readonly level4Article?: string;
  readonly counts: {
    readonly level1: number;
    readonly level2: number;
    readonly level3: number;
    readonly level4: number | null;
  };
  /** What the reference data marks as unverified, kept as data and shown in the product. */
  readonly unverified: readonly string[];
  /** The reference data's own notes on its sources (English). */
  readonly sourceNotes?: readonly string[];
}
