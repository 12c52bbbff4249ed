import type { MirrorEntry } from "./schema";

/** A country as ISO 3166-1 alpha-2 code (lowercase, as in Void's `repo-<cc>` and host names) and name. */
export interface Country {
  readonly code: string;
  readonly name: string;
}

/** Spellings mirror operators use that differ from the CLDR English names. */
const ALIASES: Readonly<Record<string, string>> = {
  usa: "us",
  "united states of america": "us",
  america: "us",
  uk: "gb",
  "great britain": "gb",
  england: "gb",
  korea: "kr",
  "republic of korea": "kr",
  "russian federation": "ru",
  "czech republic": "cz",
  turkey: "tr",
  holland: "nl",
  "the netherlands": "nl",
  "hong kong": "hk",
  taiwan: "tw",
};

const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

let byName: Map<string, string> | undefined;

/** Lowercased English country name (CLDR, via Intl) → lowercase alpha-2 code, built once. */
function countryNames(): Map<string, string> {
  if (byName) return byName;
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  byName = new Map(Object.entries(ALIASES));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      // Skip unassigned codes, groupings (EU, UN, QO) and deprecated codes (SU is shown as Russia).
      if (!name || NOT_COUNTRIES.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`)
        continue;
      byName.set(name.toLowerCase(), code.toLowerCase());
      // "Myanmar (Burma)" is also found as "Myanmar".
      const short = name.replace(/ \(.*\)$/, "");
      if (short !== name) byName.set(short.toLowerCase(), code.toLowerCase());
    }
  }
  return byName;
}

/** The country called `name` ("Finland", "USA", "South Korea"), or undefined. */
export function countryByName(name: string): Country | undefined {
  const code = countryNames().get(name.trim().toLowerCase());
  if (!code) return undefined;
  const canonical = new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase()) ?? name;
  return { code, name: canonical };
}

/**
 * The country a mirror declares in its location: the last comma-separated part ("Helsinki,
 * Finland" → fi, "Kansas City, USA" → us, "Singapore" → sg). Undefined for `World` mirrors (CDNs)
 * and for locations that name no recognizable country.
 */
export function mirrorCountry(entry: Pick<MirrorEntry, "location" | "region">): Country | undefined {
  if (entry.region === "World") return undefined;
  const last = entry.location.split(",").at(-1) ?? "";
  return countryByName(last);
}
