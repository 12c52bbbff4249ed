/**
 * `npm test`: every test file, loaded into one process. Loading tsx, cdktf and the providers once
 * instead of once per file halves the suite's time on two cores; the files share no global state
 * (no test changes the working directory or the environment). One file alone still runs as
 * `node --import tsx --test test/<dir>/<name>.test.ts`.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

for (const file of testFiles(__dirname).sort()) require(file);
