import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Estate } from "../../estate";
import { ADOPTION_ROOT, REPO_ROOT } from "./project";

/** The estate as it was when Void's state was adopted (a frozen copy, never edited for live changes). */
export const ADOPTION_ESTATE = JSON.parse(readFileSync(join(ADOPTION_ROOT, "estate.json"), "utf8")) as Estate;

/** The reference description of Void's estate (see test/fixtures/estate/README.md). */
export const ESTATE_PATH = join(REPO_ROOT, "test", "fixtures", "estate", "void-estate.json");

// biome-ignore lint/suspicious/noExplicitAny: the estate file is reference data read by tests only
export function readEstate(): any {
  return JSON.parse(readFileSync(ESTATE_PATH, "utf8"));
}
