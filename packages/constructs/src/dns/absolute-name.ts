/**
 * The absolute forms of a name, part of the name rules of `names.ts` (which re-exports them), kept
 * apart because they need no CDK runtime: a command that bundles none (the inventory) uses them.
 */

/** `www` → `www.example.org.`; `@` → `example.org.`. Expects a name from `relativeName` of names.ts. */
export function absoluteName(zoneName: string, relative: string): string {
  return relative === "@" ? `${zoneName}.` : `${relative}.${zoneName}.`;
}

/** The absolute name with the trailing dot removed (`www.example.org`), as machines and URLs use it. */
export function withoutTrailingDot(name: string): string {
  return name.endsWith(".") ? name.slice(0, -1) : name;
}
