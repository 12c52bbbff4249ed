/**
 * What a guide cites as code, and whether the repository has it. A guide's inline code is checked
 * when it looks like a name of this project's code, and only then, so ordinary words in backticks
 * (`prod`, `member`, `Host`) pass:
 *
 * - a path whose first segment is a top-level entry of the repository must exist; one with a
 *   `<placeholder>` or `*` (`estate/machines/<name>.yaml`) names a family of files, whose folder
 *   must exist;
 * - `npm run <script>`, in inline code or a fenced block, must name a script of package.json, or
 *   with `-w <workspace>` a script of that workspace's package.json;
 * - a code name leading a span, alone or followed by `(`, `.`, `:` or `<` (`SOME_CONSTANT`,
 *   `someFunction(estate)`, `MirrorEntry.url`, `membershipMode: "per-team"`), must be a name the
 *   code declares or reads: an identifier or string of the TypeScript and JavaScript sources, or
 *   a word of the workflows and scripts outside their comments, unless it is another tool's name
 *   of {@link OTHER_TOOLS}. Code names are SCREAMING_SNAKE with an underscore, camelCase with a
 *   hump, or PascalCase with two humps (`DnsZone`, `IHost`);
 * - a relative link must point at a file that exists, and its `#anchor` at one of its headings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { codeEntries } from "../support/project";

/** A name a guide cites that the repository does not have. */
export interface Miss {
  readonly line: number;
  readonly cited: string;
  readonly problem: string;
}

/** What the check compares citations with. */
export interface Repository {
  readonly root: string;
  /** Names the code declares or reads. */
  readonly names: ReadonlySet<string>;
  /** The scripts of package.json, and `<workspace> <script>` for each script of a workspace. */
  readonly scripts: ReadonlySet<string>;
}

// npm's own scripts, which `npm run` knows without package.json.
const NPM_BUILT_IN = new Set(["env"]);

/**
 * Names of other tools that the guides cite, with whose they are: not this project's code, so not
 * looked for in it. An allowlist, so that no stale name of ours passes as someone else's.
 */
export const OTHER_TOOLS: ReadonlyMap<string, string> = new Map([
  ["BASH_ENV", "Bash: the file it sources before every non-interactive script"],
  ["toJSON", "GitHub Actions: an expression function"],
  ["MODIFY_GROUP_MEMBERS", "NetAuth: the capability to change a group's members"],
  ["MODIFY_ENTITY_KEYS", "NetAuth: the capability to change an entity's keys"],
  ["ImportStatePassthroughContext", "Terraform's plugin SDK: an import that takes the id as given"],
  ["EditOrgMembership", "go-github: the call behind github_membership"],
  ["resourceGithubTeamMembershipDelete", "terraform-provider-github: the delete of github_team_membership"],
  ["secretId", "@cdktf/provider-nomad: the provider's ACL token field, which nomadProvider leaves out"],
  ["httpAuth", "@cdktf/provider-nomad: the provider's basic-auth field, which nomadProvider leaves out"],
  ["NOMAD_REGION", "terraform-provider-nomad: the region it reads from the environment"],
  ["NOMAD_CACERT", "terraform-provider-nomad: the CA file it reads from the environment"],
  ["NOMAD_CLIENT_CERT", "terraform-provider-nomad: the client certificate it reads from the environment"],
  ["NOMAD_CLIENT_KEY", "terraform-provider-nomad: the client key it reads from the environment"],
  ["CONSUL_HTTP_SSL", "terraform-provider-consul: the scheme it reads from the environment"],
  ["CONSUL_CACERT", "terraform-provider-consul: the CA file it reads from the environment"],
  ["CONSUL_CAPATH", "terraform-provider-consul: the CA directory it reads from the environment"],
  ["CONSUL_CLIENT_CERT", "terraform-provider-consul: the client certificate it reads from the environment"],
  ["CONSUL_CLIENT_KEY", "terraform-provider-consul: the client key it reads from the environment"],
  ["FASTLY_API_URL", "terraform-provider-fastly: the API address it reads from the environment"],
  ["DO_PROPAGATION_TIMEOUT", "lego: how long its DigitalOcean DNS-01 solver waits for propagation"],
  ["TSX_TSCONFIG_PATH", "tsx: the tsconfig it reads instead of the working directory's"],
  ["allowScripts", "npm: the package.json field that allows or denies a dependency's install scripts"],
]);

const SCREAMING = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const CAMEL = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;
const PASCAL = /^(?:[A-Z][a-z0-9]+|I(?=[A-Z][a-z]))(?:[A-Z][a-z0-9]*)+$/;
const LEADING_NAME = /^(?:new\s+)?([A-Za-z_$][\w$]*)(?=$|[.(:<]|\?:)/;
const PATH = /^\.?[\w-][\w.\-<>*]*(?:\/[\w.\-<>*]*)+$/;
const NPM_RUN =
  /\bnpm run(?:\s+(?:--silent|-s))*\s+([a-z][\w-]*(?::[\w-]+)*)(?:\s+(?:-w|--workspace)(?:=|\s+)([@\w./-]+))?/g;

/** Whether `name` is written the way this project writes the names of its code. */
export function isCodeName(name: string): boolean {
  return SCREAMING.test(name) || CAMEL.test(name) || PASCAL.test(name);
}

/** What a Markdown text cites: inline code (any number of backticks), fenced blocks, link targets, headings. */
export function readMarkdown(markdown: string): Record<"spans" | "blocks" | "links" | "headings", Cited[]> {
  const spans: Cited[] = [];
  const blocks: Cited[] = [];
  const links: Cited[] = [];
  const headings: Cited[] = [];
  const lines = markdown.split("\n");
  let fence: { marker: string; line: number; text: string[] } | undefined;
  lines.forEach((text, index) => {
    const line = index + 1;
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (marker?.startsWith(fence.marker)) {
        blocks.push({ line: fence.line, text: fence.text.join("\n") });
        fence = undefined;
      } else fence.text.push(text);
      return;
    }
    if (marker) {
      fence = { marker, line, text: [] };
      return;
    }
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(text)?.[1];
    if (heading !== undefined) headings.push({ line, text: heading });
    for (const m of text.matchAll(/(`+)(?!`)(.+?)(?<!`)\1(?!`)/g)) {
      const code = m[2] ?? "";
      spans.push({ line, text: /^ .* $/.test(code) ? code.slice(1, -1) : code });
    }
    const prose = text.replace(/(`+)(?!`)(.+?)(?<!`)\1(?!`)/g, "");
    for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) links.push({ line, text: m[1] ?? "" });
  });
  return { spans, blocks, links, headings };
}

interface Cited {
  readonly line: number;
  readonly text: string;
}

/** Every citation of `markdown` (the file `doc`, relative to the root) that the repository does not have. */
export function missesOf(doc: string, markdown: string, repo: Repository): Miss[] {
  const { spans, blocks, links } = readMarkdown(markdown);
  const misses: Miss[] = [];
  // A fenced block's text starts on the line after its fence.
  for (const { line, text } of [...spans, ...blocks.map((b) => ({ line: b.line + 1, text: b.text }))])
    for (const m of text.matchAll(NPM_RUN)) {
      const script = m[1] ?? "";
      const workspace = m[2];
      const at = line + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
      if (workspace !== undefined) {
        if (!repo.scripts.has(`${workspace} ${script}`))
          misses.push({
            line: at,
            cited: `npm run ${script} -w ${workspace}`,
            problem: "no such script in that workspace's package.json",
          });
      } else if (!repo.scripts.has(script) && !NPM_BUILT_IN.has(script))
        misses.push({ line: at, cited: `npm run ${script}`, problem: "no such script in package.json" });
    }
  for (const { line, text } of spans) {
    if (PATH.test(text) && isTopLevel(repo.root, text.split("/")[0] ?? "")) {
      if (!pathExists(repo.root, text))
        misses.push({ line, cited: text, problem: "no such file or directory" });
      continue;
    }
    const name = LEADING_NAME.exec(text)?.[1];
    if (name && isCodeName(name) && !repo.names.has(name) && !OTHER_TOOLS.has(name))
      misses.push({ line, cited: name, problem: "no code declares or reads this name" });
  }
  for (const { line, text } of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) continue;
    const [path = "", anchor] = text.split("#");
    const target = path === "" ? join(repo.root, doc) : join(repo.root, dirname(doc), decodeURI(path));
    if (!existsSync(target)) misses.push({ line, cited: text, problem: "the link's file does not exist" });
    else if (
      anchor !== undefined &&
      target.endsWith(".md") &&
      !anchorsOf(readFileSync(target, "utf8")).has(anchor)
    )
      misses.push({ line, cited: text, problem: `${relative(repo.root, target)} has no heading #${anchor}` });
  }
  return misses.sort((a, b) => a.line - b.line);
}

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of readMarkdown(markdown).headings) {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** A top-level entry of the repository that git keeps (not node_modules or a build output). */
function isTopLevel(root: string, name: string): boolean {
  if (name === "" || name === "." || name === ".git" || ignored(root).has(name)) return false;
  return existsSync(join(root, name));
}

function ignored(root: string): Set<string> {
  const text = existsSync(join(root, ".gitignore")) ? readFileSync(join(root, ".gitignore"), "utf8") : "";
  return new Set(
    text
      .split("\n")
      .map((line) => line.trim().replace(/^\//, "").replace(/\/$/, ""))
      .filter((line) => line !== "" && !line.startsWith("#") && !/[*?[]/.test(line)),
  );
}

/**
 * Whether a path exists. A path with a `<placeholder>` or `*` names a family of files, which may
 * be empty (`locks/<stack>.terraform.lock.hcl` before the first lock): the directory up to it exists.
 */
function pathExists(root: string, path: string): boolean {
  const segments = path.split("/");
  const open = segments.findIndex((segment) => /[<*]/.test(segment));
  if (open === -1)
    return existsSync(join(root, path)) && (!path.endsWith("/") || statSync(join(root, path)).isDirectory());
  const fixed = join(root, ...segments.slice(0, open));
  return existsSync(fixed) && statSync(fixed).isDirectory();
}

/** Where the code lives besides the product's folders: the code around them. */
const CODE = ["main.ts", "examples", "bench", join("test", "support"), "ansible", ".ci", ".github"];

/** The names the code of the repository at `root` declares or reads, and its npm scripts. */
export function repositoryOf(root: string): Repository {
  const ts = require("typescript") as typeof import("typescript");
  const names = new Set<string>();
  const words = (text: string) => {
    for (const word of text.match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(word);
  };
  const visit = (node: import("typescript").Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) names.add(node.text);
    else if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      words(node.text);
    ts.forEachChild(node, visit);
  };
  const read = (path: string): void => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      if (!path.endsWith("node_modules")) for (const entry of readdirSync(full)) read(join(path, entry));
      return;
    }
    const text = readFileSync(full, "utf8");
    if (/\.(ts|cjs|js|mjs)$/.test(path)) visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest));
    // Workflows, their allowlist and scripts: the words outside comments.
    else if (/\.(ya?ml|sh)$/.test(path) || /^\.ci\/[\w-]+$/.test(path))
      words(text.replace(/(^|\s)#.*$/gm, ""));
  };
  for (const path of new Set([...codeEntries(root), ...CODE])) read(path);
  interface Manifest {
    readonly name: string;
    readonly scripts?: Record<string, string>;
    readonly workspaces?: readonly string[];
  }
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
  const pkg = manifest(root);
  const scripts = new Set(Object.keys(pkg.scripts ?? {}));
  for (const workspace of (pkg.workspaces ?? []).map((dir) => manifest(join(root, dir))))
    for (const script of Object.keys(workspace.scripts ?? {})) scripts.add(`${workspace.name} ${script}`);
  return { root, names, scripts };
}

/** The guides: the READMEs (the project's, the tests'), CONTRIBUTING.md and every Markdown file of `docs/`, as paths relative to the root. */
export function guidesOf(root: string): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return docs(path);
      return entry.name.endsWith(".md") ? [path] : [];
    });
  return ["README.md", "test/README.md", "CONTRIBUTING.md", ...docs("docs")];
}
