import { isRecord } from "../runtime/values";
import type { Project } from "./project";

/**
 * The code a `run:` script starts that lives in the repository: script files run by path
 * (`bash .github/scripts/x.sh`, `./x.sh`, `source x.sh`) and npm scripts (`npm run x`, with their
 * `pre`/`post` scripts), followed through the files they start in turn. Each comes back with where
 * it is written, so a finding can name the file.
 */
export interface Code {
  /** `.github/scripts/x.sh`, `package.json scripts.x`; undefined for the step's own script. */
  readonly where: string | undefined;
  readonly text: string;
}

/** How deep scripts that start scripts are followed. */
const MAX_DEPTH = 8;

const SHELLS = new Set(["bash", "sh", "dash", "zsh", "source", "."]);
const NPM_CLIENTS = new Set(["npm", "pnpm", "yarn"]);
const NPM_LIFECYCLE = new Set(["test", "start", "stop", "restart"]);
/** What `npm ci` and `npm install` run of the repository's own package.json. */
const NPM_INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "preprepare", "prepare", "postprepare"];
/** Words that run the rest of the command as a command of its own. */
const WRAPPERS = new Set(["env", "sudo", "exec", "command", "nice", "nohup", "time"]);

export function codeRunBy(script: string, project: Pick<Project, "read">): Code[] {
  const found: Code[] = [{ where: undefined, text: script }];
  const seen = new Set<string>();
  const follow = (text: string, depth: number) => {
    if (depth >= MAX_DEPTH) return;
    for (const target of targetsOf(text)) {
      if (seen.has(target)) continue;
      seen.add(target);
      const code = resolve(target, project);
      if (code === undefined) continue;
      found.push(code);
      follow(code.text, depth + 1);
    }
  };
  follow(script, 0);
  return found;
}

/** `file:<path>` and `npm:<name>` targets of each command of `text`. */
function targetsOf(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n|;|&&|\|\||\||\$\(|`/)
    .flatMap((command) => {
      const words = command
        .trim()
        .replace(/["']/g, "")
        .split(/\s+/)
        .filter((word) => word !== "" && !/^[A-Za-z_]\w*=/.test(word));
      while (WRAPPERS.has(words[0] ?? "")) words.shift();
      const [first = "", ...rest] = words;
      const operands = rest.filter((word) => !word.startsWith("-"));
      if (SHELLS.has(first) && operands[0]) return [`file:${operands[0]}`];
      if (/^\.{0,2}\/|\.(sh|bash)$/.test(first)) return [`file:${first}`];
      if (NPM_CLIENTS.has(first)) {
        const [verb, name] = operands;
        if (verb === "run" || verb === "run-script") return name ? npmTargets(name) : [];
        if (verb === "ci" || verb === "install" || verb === "i" || (first !== "npm" && verb === undefined))
          return NPM_INSTALL_SCRIPTS.map((script) => `npm:${script}`);
        if (verb && (first !== "npm" || NPM_LIFECYCLE.has(verb))) return npmTargets(verb);
      }
      return [];
    });
}

function npmTargets(name: string): string[] {
  return [`npm:pre${name}`, `npm:${name}`, `npm:post${name}`];
}

function resolve(target: string, project: Pick<Project, "read">): Code | undefined {
  const [kind, name = ""] = target.split(/:(.*)/s);
  if (kind === "file") {
    const text = project.read(name);
    return text === undefined ? undefined : { where: name.replace(/^\.\//, ""), text };
  }
  let scripts: unknown;
  try {
    scripts = (JSON.parse(project.read("package.json") ?? "{}") as { scripts?: unknown }).scripts;
  } catch {
    return undefined;
  }
  const text = isRecord(scripts) && Object.hasOwn(scripts, name) ? scripts[name] : undefined;
  return typeof text === "string" ? { where: `package.json scripts.${name}`, text } : undefined;
}
