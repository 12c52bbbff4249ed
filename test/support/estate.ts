import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./project";

/** The reference description of Void's estate (see test/fixtures/estate/README.md). */
export const ESTATE_PATH = join(REPO_ROOT, "test", "fixtures", "estate", "void-estate.json");

// biome-ignore lint/suspicious/noExplicitAny: the estate file is reference data read by tests only
export function readEstate(): any {
  return JSON.parse(readFileSync(ESTATE_PATH, "utf8"));
}
