import { buildSync } from "esbuild";

/**
 * A bot module bundled into the body of an actions/github-script step: every import inlined, so
 * the workflow runs exactly the reviewed code of this repository's default branch without checking
 * anything out. The script calls the module's `main` with what github-script provides. `entry` is
 * relative to the repository's `root`, which the bundle's module names are relative to.
 */
export function bundleBot(root: string, entry: string): string {
  const { outputFiles } = buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "bot",
    platform: "node",
    target: "node22",
    charset: "utf8",
    legalComments: "none",
    // The bundle names each module by its path; a symlinked node_modules (a worktree sharing an
    // install) must not change those names, or the committed script would look stale.
    preserveSymlinks: true,
  });
  // esbuild writes U+0085 raw even inside a string literal, and YAML readers (actionlint's among
  // them) take it for a line break: spelled as an escape, it means the same to JavaScript.
  const code = (outputFiles[0]?.text ?? "").replace(/\u0085/g, "\\x85");
  return `${code.trimEnd()}\nreturn bot.main({ github, context, core });\n`;
}

/** Where a workflow marks a generated script: the comment line, then the `script: |` line. */
const GENERATED =
  /^( *)# Generated from (\S+) by `npm run bots`[^\n]*\n\1script: \|\n(?:(?:\1 {2}[^\n]*)?\n)*/gm;

/** The workflow text with every generated script replaced by a fresh bundle of its source. */
export function withBundledBots(workflow: string, bundle: (entry: string) => string): string {
  return workflow.replace(GENERATED, (_block, indent: string, entry: string) => {
    const body = bundle(entry)
      .split("\n")
      .map((line) => (line === "" ? "" : `${indent}  ${line}`))
      .join("\n");
    return `${indent}# Generated from ${entry} by \`npm run bots\`; edit that file, not this script.\n${indent}script: |\n${body}`;
  });
}
