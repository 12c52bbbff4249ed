/**
 * Terraform addresses derived from data, never from construct order, so reordering a list never
 * replaces a resource. Terraform identifiers allow letters, digits, `_` and `-`, and must start with
 * a letter or `_`; anything else becomes `_`.
 */
export function logicalId(...parts: readonly string[]): string {
  const id = parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "_")).join("_");
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}
