import { buildSync } from "esbuild";

/** Where the source of the bot `name` lives; `npm run bots` bundles it into `.github/bots/`. */
export const botSourcePath = (name: string) => `review/bot/${name}.ts`;

/**
 * The bot `name` as the workflows run it: one CommonJS file with every import inlined, exporting
 * the module's `main`, which a github-script step requires from its checkout of the default
 * branch and calls with what github-script provides. Module names in the bundle are relative to
 * the repository's `root`.
 */
export function bundleBot(root: string, name: string): string {
  const entry = botSourcePath(name);
  const { outputFiles } = buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node22",
    charset: "utf8",
    legalComments: "none",
    banner: { js: `// Generated from ${entry} by \`npm run bots\`; edit that file, not this one.` },
    // The bundle names each module by its path; a symlinked node_modules (a worktree sharing an
    // install) must not change those names, or the committed bundle would look stale.
    preserveSymlinks: true,
  });
  return outputFiles[0]?.text ?? "";
}
