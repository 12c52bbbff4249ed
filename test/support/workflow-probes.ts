import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type Project, projectAt } from "../../workflow-lint/project";
import { REPO_ROOT } from "./project";

/**
 * Probes: workflows whose header states exactly what the rules must find in them, one
 * `# expect: <rule>: <line>:<col>: <field>: <message>` line per finding (none for a clean probe),
 * and `# actionlint: <line>:<col>: <kind>: <message>` per problem actionlint reports. Each is
 * stored once: under test/fixtures/workflows/probes/<rule or clean>/, read with that folder's
 * `.github/` (allowlist and scripts), or as the workflow of a hostile-corpus case
 * (test/fixtures/hostile/workflow-<case>/project/), read with that case's project, which the
 * corpus also runs `npm run lint:workflows` on.
 */
export interface Probe {
  /** `<folder>/<file>` or `hostile/<case>/<file>`. */
  readonly name: string;
  /** The folder under probes/ (a rule or `clean`), or undefined for a corpus case. */
  readonly folder: string | undefined;
  /** The path findings name: as given to the rules. */
  readonly file: string;
  readonly text: string;
  readonly project: Project;
  readonly expect: string[];
  readonly actionlint: string[];
}

export const PROBES_DIR = join(REPO_ROOT, "test", "fixtures", "workflows", "probes");
const HOSTILE_DIR = join(REPO_ROOT, "test", "fixtures", "hostile");
const WORKFLOWS = join(".github", "workflows");

function probe(
  name: string,
  folder: string | undefined,
  file: string,
  path: string,
  project: Project,
): Probe {
  const text = readFileSync(path, "utf8");
  const header = (label: string) =>
    text
      .split("\n")
      .filter((line) => line.startsWith(`# ${label}: `))
      .map((line) => line.slice(label.length + 4));
  return { name, folder, file, text, project, expect: header("expect"), actionlint: header("actionlint") };
}

export function allProbes(): Probe[] {
  const probesProject = projectAt(PROBES_DIR);
  const folders = readdirSync(PROBES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  const fromFolders = folders.flatMap((folder) =>
    readdirSync(join(PROBES_DIR, folder))
      .filter((file) => file.endsWith(".yml"))
      .sort()
      .map((file) =>
        probe(
          `${folder}/${file}`,
          folder,
          `${folder}/${file}`,
          join(PROBES_DIR, folder, file),
          probesProject,
        ),
      ),
  );
  const fromCorpus = readdirSync(HOSTILE_DIR)
    .filter(
      (name) => name.startsWith("workflow-") && existsSync(join(HOSTILE_DIR, name, "project", WORKFLOWS)),
    )
    .sort()
    .flatMap((name) => {
      const root = join(HOSTILE_DIR, name, "project");
      const project = projectAt(root);
      return readdirSync(join(root, WORKFLOWS))
        .filter((file) => /\.ya?ml$/.test(file))
        .sort()
        .map((file) => {
          const path = join(root, WORKFLOWS, file);
          return probe(`hostile/${name}/${file}`, undefined, relative(root, path), path, project);
        });
    });
  return [...fromFolders, ...fromCorpus];
}
