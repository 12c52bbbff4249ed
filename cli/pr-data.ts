/**
 * `npm run pr-data -- --head <commit>`: lays a pull request's data files over this checkout (main's
 * code), so a credentialed job can plan the pull request without running any of its code. Only
 * people's files, the mirror list and the override file are taken, as regular files and within
 * their size limits; anything else the pull request changes means it changes code, and the
 * command exits with status 10: such a pull request is planned after it merges.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command as Program } from "commander";
import { isPersonFile, MIRRORS_FILE, OVERRIDES_FILE } from "../inputs/files";
import { UsageError } from "../runtime/errors";
import { git, resolveRef } from "../runtime/git";
import { INPUT_LIMITS } from "../runtime/input-file";
import { type Command, parseArgs } from "./command";

/** The files a pull request may change and still be planned with credentials before it merges. */
const DATA_FILES: readonly [(path: string) => boolean, number][] = [
  [isPersonFile, INPUT_LIMITS.maintainerFile],
  [(path) => path === MIRRORS_FILE, INPUT_LIMITS.mirrorList],
  [(path) => path === OVERRIDES_FILE, INPUT_LIMITS.overridesFile],
];

/** Exit status when the pull request changes more than data. */
export const CHANGES_CODE = 10;

export const prData: Command = (args, io) => {
  const options = parseArgs<{ head?: string }>(
    new Program("pr-data")
      .description("Take a pull request's data files (never its code) into this checkout")
      .option("--head <commit>", "the pull request's head commit, already fetched"),
    args,
    io,
  );
  if (!options.head) throw new UsageError("--head <commit> is required");
  const head = resolveRef(options.head, io.cwd).commit;
  const base = git(io.cwd, ["merge-base", "HEAD", head], {
    failure: "no common history with the pull request",
  })
    .stdout.toString()
    .trim();
  const changes = git(io.cwd, ["diff", "-z", "--name-status", "--no-renames", base, head], {
    failure: "git diff failed",
  })
    .stdout.toString()
    .split("\0")
    .filter(Boolean);
  const entries: [status: string, path: string][] = [];
  for (let i = 0; i + 1 < changes.length; i += 2)
    entries.push([changes[i] as string, changes[i + 1] as string]);

  const code = entries.filter(([, path]) => limitOf(path) === undefined).map(([, path]) => path);
  if (code.length > 0) {
    io.out(
      `the pull request changes code (${code.slice(0, 10).join(", ")}${code.length > 10 ? ", …" : ""}): it is planned after it merges\n`,
    );
    return CHANGES_CODE;
  }
  for (const [status, path] of entries) {
    if (status === "D") {
      rmSync(join(io.cwd, path), { force: true });
      continue;
    }
    const [mode, type, , size] = git(io.cwd, ["ls-tree", "-l", head, "--", path], {
      failure: `cannot read ${path}`,
    })
      .stdout.toString()
      .split(/\s+/);
    if (type !== "blob" || (mode !== "100644" && mode !== "100755"))
      throw new UsageError(
        `${path} is not a regular file in the pull request (mode ${mode}; expected a plain file)`,
      );
    if (Number(size) > (limitOf(path) ?? 0))
      throw new UsageError(
        `${path} is ${size} bytes in the pull request (expected at most ${limitOf(path)})`,
      );
    const blob = git(io.cwd, ["cat-file", "blob", `${head}:${path}`], {
      failure: `cannot read ${path}`,
    }).stdout;
    writeFileSync(join(io.cwd, path), blob);
  }
  io.out(`took ${entries.length} data file${entries.length === 1 ? "" : "s"} from ${head.slice(0, 12)}\n`);
  return 0;
};

function limitOf(path: string): number | undefined {
  return DATA_FILES.find(([matches]) => matches(path))?.[1];
}
