import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./project";

/** The reference description of Void's estate, kept beside the repository in `../shared/`. */
export const ESTATE_PATH = join(REPO_ROOT, "..", "shared", "void-estate.json");

// biome-ignore lint/suspicious/noExplicitAny: the estate file is reference data read by tests only
export function readEstate(): any {
  if (!existsSync(ESTATE_PATH))
    throw new Error(`${ESTATE_PATH} is missing: fidelity tests compare against it`);
  return JSON.parse(readFileSync(ESTATE_PATH, "utf8"));
}
