/** Where the Terraform roots keep their state: one state server. Each stack's key is in its registry entry (`stacks/registry.ts`). */
export interface StateEstate {
  /** Base URL of the http state server; a stack's state lives at `<base>/<key>`. */
  readonly httpBaseUrl: string;
  /**
   * The server's projects: a state key is `<project>/<name>`, readable by the NetAuth group
   * `terrastate-<project>` (so no maintainer may take that name as a login).
   */
  readonly projects: readonly string[];
}

/** Void's terrastate server: one state per Terraform root at `<base>/<project>/<id>`. */
export const STATE: StateEstate = {
  httpBaseUrl: "https://terrastate.s.voidlinux.org/state",
  projects: ["prod", "tls"],
};
