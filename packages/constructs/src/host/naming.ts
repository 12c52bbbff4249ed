/**
 * How an organization names its machines, when it wants the name checked. The pattern may capture
 * the named groups `site` and `cc` (ISO 3166 country code); a host then knows its site and country,
 * which mirrors use to check where they point. `description` is the expected form in messages.
 */
export interface HostNamingConvention {
  /** Whole-name pattern; a string is compiled as a regular expression (data files hold strings). */
  readonly pattern: RegExp | string;
  /** Human form of the pattern, e.g. `<letter>-<site>-<cc>, e.g. a-hel-fi`. */
  readonly description: string;
}

/** Any DNS label: what a host name must be when no convention is given. */
export const ANY_LABEL: HostNamingConvention = {
  pattern: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
  description: "a lower-case DNS label (letters, digits, inner hyphens)",
};

/** Labels that prefix a guest's name on its parent machine (`vm3` in `vm3.a-lej-de`). */
export const GUEST_LABEL = /^[a-z][a-z0-9-]{0,62}$/;
