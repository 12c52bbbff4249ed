/**
 * `npm test [-- <options>] [-- <file or folder>...]`: every test file in two processes, one per
 * core (test/suite.ts); or the files and folders given, each file in a process of its own.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { testFiles } from "./suite";

const USAGE = `Usage: npm test [-- [options] [file or folder...]]

Runs the tests with node's test runner. Without paths, every test file, in two processes (one per
core); with paths, those files and every *.test.ts under those folders, each in its own process.
The tests of <folder>/<file>.ts are in test/<folder>/<file>.test.ts (test/README.md).

Options:
  --test-name-pattern=<regexp>  run only the tests whose name matches (any node --test-* option works)
  -h, --help                    print this help and run nothing

Examples:
  npm test                                                   # everything
  npm test -- test/packages/constructs/dns                            # one folder
  npm test -- test/packages/constructs/dns/zone.test.ts               # one file (also: node --import tsx --test <file>)
  npm test -- --test-name-pattern=mirror                     # tests whose name mentions mirror
  UPDATE_SNAPSHOTS=1 npm test -- test/stacks/github.test.ts  # accept a changed snapshot
  FC_SEED=random npm test -- test/review/plan                # property tests from fresh seeds

Property tests draw their inputs from one fixed seed (test/support/fast-check-seed.ts);
FC_SEED=<integer> replays the seed a failure names, FC_SEED=random looks for new counterexamples.
`;

/** The seed of every property test's inputs, unless FC_SEED names another (test/support/fast-check-seed.ts). */
const SUITE_SEED = "20261208";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const seed = process.env.FC_SEED || SUITE_SEED;
if (seed !== "random" && !/^-?\d+$/.test(seed)) {
  process.stderr.write(`error: FC_SEED=${seed} (expected an integer, or random)\n`);
  process.exit(2);
}
const options = args.filter((arg) => arg.startsWith("-"));
const paths = args.filter((arg) => !arg.startsWith("-"));
const files = paths.flatMap((path) => {
  const absolute = resolve(path);
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (!stat) {
    process.stderr.write(`error: ${path} does not exist (expected a test file or folder)\n`);
    process.exit(2);
  }
  return stat.isDirectory() ? testFiles(absolute).map((file) => relative(process.cwd(), file)) : [path];
});
const targets = paths.length > 0 ? files : [join(__dirname, "suite-a.ts"), join(__dirname, "suite-b.ts")];
const preloads = ["--import", "tsx", "--import", join(__dirname, "support", "fast-check-seed.ts")];
const run = spawnSync(
  process.execPath,
  [...preloads, "--test", "--test-concurrency=2", ...options, ...targets],
  { stdio: "inherit", env: { ...process.env, FC_SEED: seed } },
);
process.exitCode = run.status ?? 1;
