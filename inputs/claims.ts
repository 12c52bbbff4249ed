import type { Diagnostic } from "../runtime/diagnostics";

/**
 * The diagnostics for claims to a key an earlier claim already made, in claim order: the first
 * claim wins and each later one is reported against it. Claims without a key are skipped. The one
 * way every "names are unique" rule is written (logins, SSH keys, machines' addresses, policies…).
 */
export function laterClaims<T, K>(
  claims: readonly T[],
  keyOf: (claim: T) => K | undefined,
  report: (claim: T, first: T) => Diagnostic,
): Diagnostic[] {
  const seen = new Map<K, T>();
  const reported: Diagnostic[] = [];
  for (const claim of claims) {
    const key = keyOf(claim);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, claim);
    else reported.push(report(claim, first));
  }
  return reported;
}
