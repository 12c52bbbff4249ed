import { z } from "zod";

/**
 * The building blocks of the estate's file schemas. Files spell keys in snake_case, as Terraform,
 * Vault, Consul and the GitHub API do; the model the stacks read spells them in camelCase, as the
 * constructs' props do. {@link fields} is the one place that maps one onto the other.
 */

/** `homepageUrl` → `homepage_url`, at the type level. */
type Snake<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}`
  : S;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A mapping with exactly these fields: written in the file in snake_case (unknown keys refused,
 * with a did-you-mean), parsed into an object with the camelCase keys of `shape`. Fields the file
 * leaves out are absent from the result, never `undefined`, so the constructs' defaults apply.
 */
export function fields<S extends z.ZodRawShape>(shape: S) {
  // Each key's spelling in the file, worked out once rather than for every entry of every file.
  const keys = Object.keys(shape).map((key) => [key, snake(key)] as const);
  const fileShape = Object.fromEntries(keys.map(([key, fileKey]) => [fileKey, shape[key]]));
  return z.strictObject(fileShape as { [K in keyof S as Snake<K & string>]: S[K] }).transform((file) => {
    const model: Record<string, unknown> = {};
    for (const [key, fileKey] of keys) {
      const value = (file as Record<string, unknown>)[fileKey];
      if (value !== undefined) model[key] = value;
    }
    return model as z.output<z.ZodObject<S>>;
  });
}

/** Text without control characters or bidirectional overrides, which could disguise a value in reviews. */
const PRINTABLE = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

/** One line of human text (a description, a comment). */
export const text = z
  .string()
  .min(1)
  .max(500, { error: "is longer than 500 characters (expected one line of text)" })
  .regex(PRINTABLE, { error: "holds control or bidirectional-override characters (expected plain text)" });

/** A name other entries refer to: a team, policy, role, namespace, group, job. */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const name = z.string().regex(NAME, {
  error: "is not a name (expected letters, digits, '.', '_' or '-', starting with a letter or digit)",
});

/** A machine's name: one lower-case DNS label (the naming convention is checked across files). */
export const MACHINE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const machineName = z.string().regex(MACHINE_NAME, {
  error: "is not a machine name (expected a lower-case DNS label such as a-hel-fi)",
});

/** Nomad datacenter names, e.g. `VOID-MIRROR`. */
export const datacenterName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
  error: "is not a datacenter name (expected letters, digits, '_' or '-')",
});

const LABEL = "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?";

/** A name relative to the zone (`www`, `alps.s`, `_dmarc`), or `@` for the apex. */
export const relativeName = z.string().regex(new RegExp(`^(@|${LABEL}(\\.${LABEL})*)$`), {
  error: "is not a name in the zone (expected lower-case labels such as www or alps.s, without the zone)",
});

/** A fully qualified name with its trailing dot (`stats.uptimerobot.com.`). */
export const ABSOLUTE_NAME = new RegExp(`^(${LABEL}\\.)+$`);
export const absoluteName = z.string().regex(ABSOLUTE_NAME, {
  error: "is not an absolute DNS name (expected lower-case labels ending in a dot, such as example.org.)",
});

/** A domain without trailing dot (`voidlinux.org`). */
export const domainName = z.string().regex(new RegExp(`^${LABEL}(\\.${LABEL})+$`), {
  error: "is not a domain name (expected lower-case labels such as voidlinux.org, no trailing dot)",
});

export const ipv4 = z.ipv4({ error: "is not an IPv4 address (expected four numbers such as 192.0.2.10)" });
export const ipv6 = z.ipv6({ error: "is not an IPv6 address (expected a form such as 2001:db8::10)" });
export const cidrv4 = z.cidrv4({ error: "is not an IPv4 range (expected a form such as 192.168.100.0/24)" });

export const url = z.url({
  protocol: /^https?$/,
  error: "is not an http(s) URL (expected a form such as https://example.org/)",
});

// A plain pattern: zod's z.email() builds its pattern at a cost of milliseconds per process.
export const email = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, {
  error: "is not a valid email address (expected name@example.org)",
});

/** A list of distinct values, each at least once: no entry may repeat. */
export function distinct<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((value, index) => {
      if (seen.has(value))
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `${JSON.stringify(value)} is listed twice (expected each once)`,
        });
      seen.add(value);
    });
  });
}

/**
 * The implicit groups of every Ansible inventory: `all` holds every host, `ungrouped` those in no
 * other group. A role or group of that name would merge with them.
 */
export const ANSIBLE_ALL = "all";
export const ANSIBLE_IMPLICIT_GROUPS = [ANSIBLE_ALL, "ungrouped"] as const;

/** A reference to an Ansible group: a role, a group of roles, or `all`. Ansible warns about any other character. */
export const ansibleGroupName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  error: "is not an Ansible group name (expected letters, digits and '_', not starting with a digit)",
});

/** A group the estate declares (a role, a group of roles): not one every inventory has already. */
export const ansibleGroup = ansibleGroupName.refine(
  (group) => !(ANSIBLE_IMPLICIT_GROUPS as readonly string[]).includes(group),
  {
    error: `is a group every Ansible inventory has (expected a name other than ${ANSIBLE_IMPLICIT_GROUPS.join(" or ")})`,
  },
);

/** Variables Ansible sets itself (its special variables); an inventory that set one would break plays. */
const ANSIBLE_SPECIAL_VARIABLES = new Set([
  "environment",
  "group_names",
  "groups",
  "hostvars",
  "inventory_dir",
  "inventory_file",
  "inventory_hostname",
  "inventory_hostname_short",
  "omit",
  "play_hosts",
  "playbook_dir",
  "role_name",
  "role_names",
  "role_path",
  "vars",
]);

/** An Ansible variable an inventory may set: a valid name, none of Ansible's own. */
export const ansibleVariable = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: "is not an Ansible variable name (expected letters, digits and '_', not starting with a digit)",
  })
  .refine((variable) => !variable.startsWith("ansible_") && !ANSIBLE_SPECIAL_VARIABLES.has(variable), {
    error:
      "is a variable Ansible sets itself (expected a name of your own, not ansible_* or a special variable)",
  });
