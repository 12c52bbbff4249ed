import { DataError, type Diagnostic, fileDiagnostic } from "../../runtime/diagnostics";
import { catFiles, projectPrefix } from "../../runtime/git";
import { ESTATE_FILES } from "../files";
import { parseDocumentWith } from "../schema-issues";
import { YamlSource } from "../yaml-source";
import { githubSchema } from "./github";

/**
 * The operators' team as `estate/github.yaml` names it at `commit`, read from git objects: who may
 * approve what is decided by the base's data, never by the change being approved.
 */
export function operatorTeamAt(cwd: string, commit: string): string {
  const file = ESTATE_FILES.github;
  const [text] = catFiles(cwd, commit, [`${projectPrefix(cwd)}${file}`]);
  const at = `${file} at ${commit.slice(0, 12)}`;
  if (text === undefined)
    throw new DataError([fileDiagnostic(at, "does not exist (expected the organization's teams)")]);
  const problems: Diagnostic[] = [];
  const source = new YamlSource(at, text);
  problems.push(...source.syntaxProblems());
  const github = problems.length === 0 ? parseDocumentWith(source, githubSchema, problems) : undefined;
  if (!github) throw new DataError(problems);
  return github.operatorTeam;
}
