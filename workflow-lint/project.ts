import { isAbsolute, join, normalize } from "node:path";
import type { Diagnostic } from "../runtime/diagnostics";
import { readInputText } from "../runtime/input-file";
import { ALLOWLIST_PATH, type Allowlist, EMPTY_ALLOWLIST, parseAllowlist } from "./allowlist";
import { MAX_WORKFLOW_BYTES } from "./workflow";

/**
 * What the rules read of the repository besides the workflow itself: the allowlist, and the
 * scripts a `run:` step starts (`bash .github/scripts/x.sh`, `npm run x`), so a state-changing
 * command inside one is found where it is.
 */
export interface Project {
  readonly allowlist: Allowlist;
  /** Problems of the allowlist file; with any, nothing is allowed. */
  readonly allowlistProblems: readonly Diagnostic[];
  /** The text of a regular file at `path` inside the repository, or undefined. */
  read(path: string): string | undefined;
}

/** The project rooted at `root`; a repository without an allowlist allows nothing in a job with credentials. */
export function projectAt(root: string): Project {
  const read = (path: string): string | undefined => {
    const relative = normalize(path);
    if (isAbsolute(relative) || relative.startsWith("..")) return undefined;
    try {
      return readInputText(join(root, relative), relative, MAX_WORKFLOW_BYTES);
    } catch {
      return undefined;
    }
  };
  const text = read(ALLOWLIST_PATH);
  const { allowlist, problems } =
    text === undefined ? { allowlist: EMPTY_ALLOWLIST, problems: [] } : parseAllowlist(ALLOWLIST_PATH, text);
  return { allowlist, allowlistProblems: problems, read };
}
