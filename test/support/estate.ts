import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadEstate } from "../../inputs/estate";
import { ADOPTION_ROOT, REPO_ROOT } from "./project";

/**
 * The estate as it was when Void's state was adopted: a frozen copy of the estate's data files
 * (`test/fixtures/adoption/estate/`, never edited for live changes), read by the same loader.
 */
export const ADOPTION_ESTATE = loadEstate(ADOPTION_ROOT);

/** The reference description of Void's estate (see test/fixtures/estate/README.md). */
export const ESTATE_PATH = join(REPO_ROOT, "test", "fixtures", "estate", "void-estate.json");

// biome-ignore lint/suspicious/noExplicitAny: the estate file is reference data read by tests only
export function readEstate(): any {
  return JSON.parse(readFileSync(ESTATE_PATH, "utf8"));
}
