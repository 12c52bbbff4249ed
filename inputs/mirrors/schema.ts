import { didYouMean } from "@void-linux/infra-constructs/core";
import { MIRROR_REGIONS, type MirrorRegion } from "@void-linux/infra-constructs/mirror/region";
import { z } from "zod";
import { refineVisibleText } from "../visible-text";
import { type MirrorUrl, parseMirrorUrl } from "./url";

/**
 * The one schema of xmirror's `mirrors.yaml`. It is the source of the TypeScript type
 * ({@link MirrorEntry}), the runtime validation, and the JSON Schema committed as
 * `estate/mirrors.schema.json` (regenerate with `npm run mirrors -- --write-schema`).
 * Field names in the file stay xmirror's snake_case; the parsed entries are camelCase.
 */

/** Long region names, as xmirror's web page shows them. */
export const MIRROR_REGION_NAMES: Readonly<Record<MirrorRegion, string>> = {
  AF: "Africa",
  AN: "Antarctica",
  AS: "Asia",
  EU: "Europe",
  NA: "North America",
  OC: "Oceania",
  SA: "South and Central America",
  World: "Globally Available",
};

/** ` (did you mean "EU"?)` for a region written in the wrong case or as its long name. */
function regionHint(input: unknown): string {
  if (typeof input !== "string") return "";
  const wanted = input.trim().toLowerCase();
  const match = MIRROR_REGIONS.find(
    (code) => code.toLowerCase() === wanted || MIRROR_REGION_NAMES[code].toLowerCase() === wanted,
  );
  return match ? ` (did you mean "${match}"?)` : didYouMean(input, MIRROR_REGIONS);
}

export const MIRROR_TIERS = [1, 2] as const;
/** 1: Void-run or fully synced from the root mirror; 2: third-party mirrors syncing from tier 1. */
export type MirrorTier = (typeof MIRROR_TIERS)[number];

/** The YAML keys of one entry, in the order xmirror's file writes them. */
export const MIRROR_FIELDS = ["base_url", "region", "location", "tier", "enabled"] as const;

const URL_EXAMPLE = "https://repo-fi.voidlinux.org/";

/** `"x"`, `3`, `true`, `a list` ... for messages that quote what the file holds. */
export function showValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}

/** Zod error callback: "is missing (expected X)" or "<value> is not <noun> (expected X)". */
function fieldError(noun: string, expected: string, hint: (input: unknown) => string = () => "") {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `is missing (expected ${expected})`
      : `${showValue(issue.input)} is not ${noun} (expected ${expected})${hint(issue.input)}`;
}

/**
 * Why `value` is not usable as a mirror's base URL, or undefined when it is (see
 * {@link parseMirrorUrl} for the rules).
 */
export function mirrorUrlProblem(value: string): string | undefined {
  const parsed = parseMirrorUrl(value);
  return "problem" in parsed ? parsed.problem : undefined;
}

const URL_EXPECTED = `an http:// or https:// URL such as ${URL_EXAMPLE}`;

const baseUrl = z
  .string({ error: fieldError("a URL", URL_EXPECTED) })
  .transform((value, ctx): MirrorUrl => {
    const parsed = parseMirrorUrl(value);
    if ("href" in parsed) return parsed;
    ctx.addIssue({
      code: "custom",
      input: value,
      message: `${JSON.stringify(value)} ${parsed.problem} (expected ${parsed.expected ?? URL_EXPECTED})`,
    });
    return z.NEVER;
  })
  .meta({
    description:
      "Repository root URL that xbps appends <arch>/ paths to, e.g. https://repo-fi.voidlinux.org/: lower-case, no port, credentials, query or percent-encoding.",
    pattern: "^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?\\.[a-z][a-z0-9-]*(/[A-Za-z0-9._~/-]*)?$",
  });

const region = z
  .enum(MIRROR_REGIONS, {
    error: fieldError("a region", `one of ${MIRROR_REGIONS.join(", ")}`, regionHint),
  })
  .describe("Continent code (AF, AN, AS, EU, NA, OC, SA) or World for a global CDN.");

const location = z
  .string({ error: fieldError("text", 'a place such as "Helsinki, Finland"') })
  .regex(/\S/, { error: 'is empty (expected a place such as "Helsinki, Finland")' })
  // A tab or newline would split the row of raw/mirrors.lst that the xmirror shell tool reads.
  .superRefine(refineVisibleText)
  .describe('Where the mirror is, "City, Country" or "Country"; free text shown on xmirror.voidlinux.org.');

const tier = z
  .literal(MIRROR_TIERS, { error: fieldError("a tier", "1 or 2") })
  .describe("1 for mirrors synced directly from Void's root mirror, 2 for mirrors of a tier-1 mirror.");

const enabled = z
  .boolean({ error: fieldError("a boolean", "true or false") })
  .describe("Whether xmirror offers the mirror; disabled entries stay listed in v0/mirrors.json only.");

/** One entry as written in the YAML file (snake_case keys, unknown keys rejected). */
const mirrorFileEntrySchema = z
  .strictObject(
    { base_url: baseUrl, region, location, tier, enabled },
    { error: fieldError("a mirror entry", `a mapping with ${MIRROR_FIELDS.join(", ")}`) },
  )
  .describe("One mirror of the Void Linux package repository.");

type MirrorFileEntry = z.input<typeof mirrorFileEntrySchema>;

/** The parsed, typed entry: the file's fields in camelCase. */
const mirrorEntrySchema = mirrorFileEntrySchema.transform((entry) => ({
  /** The canonical URL, as the file spells it (`url.href`). */
  baseUrl: entry.base_url.href,
  /** The URL as validated: its host is what every consumer connects to. */
  url: entry.base_url,
  region: entry.region,
  location: entry.location,
  tier: entry.tier,
  enabled: entry.enabled,
}));

export type MirrorEntry = z.output<typeof mirrorEntrySchema>;

/** The whole file: a YAML list of entries, parsed to {@link MirrorEntry} objects. */
export const mirrorListSchema = z
  .array(mirrorEntrySchema, { error: fieldError("a list", "a YAML list of mirror entries") })
  .describe("Void Linux mirror list (xmirror's mirrors.yaml).");

/** Back to the file's shape, for outputs that keep xmirror's field names. */
export function toFileEntry(entry: MirrorEntry): MirrorFileEntry {
  return {
    base_url: entry.baseUrl,
    region: entry.region,
    location: entry.location,
    tier: entry.tier,
    enabled: entry.enabled,
  };
}

/** The JSON Schema editors use for `estate/mirrors.yaml`, as the committed file's text. */
export function renderMirrorJsonSchema(): string {
  const schema = z.toJSONSchema(mirrorListSchema, { io: "input" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
