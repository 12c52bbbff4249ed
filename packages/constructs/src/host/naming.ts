/**
 * How an organization names its machines, when it wants the name checked. Only the form of the
 * name is checked: where a machine is comes from its `country` and `site`, never from its name.
 * `description` is the expected form in messages.
 */
export interface HostNamingConvention {
  /** Whole-name pattern; a string is compiled as a regular expression (data files hold strings). */
  readonly pattern: RegExp | string;
  /** Human form of the pattern, e.g. `web<n>, e.g. web1`. */
  readonly description: string;
}

/** Any DNS label: what a host name must be when no convention is given. */
export const ANY_LABEL: HostNamingConvention = {
  pattern: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
  description: "a lower-case DNS label (letters, digits, inner hyphens)",
};

/** Labels that prefix a guest's name on its parent machine (`vm3` in `vm3.web1`). */
export const GUEST_LABEL = /^[a-z][a-z0-9-]{0,62}$/;
