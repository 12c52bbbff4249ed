/** Where each Terraform root keeps its state: one key per stack on one state server. */
export interface StateEstate {
  /** Base URL of the http state server; a stack's state lives at `<base>/<key>`. */
  readonly httpBaseUrl: string;
  /** State key per stack id, e.g. `github` → `prod/github`. */
  readonly keys: Readonly<Record<string, string>>;
}

/** Void's terrastate server: one state per Terraform root at `<base>/<project>/<id>`. */
export const STATE: StateEstate = {
  httpBaseUrl: "https://terrastate.s.voidlinux.org/state",
  keys: {
    github: "prod/github",
    digitalocean: "prod/digitalocean",
    fastly: "prod/fastly",
    hashistack: "prod/hashistack",
    tls: "tls/letsencrypt",
  },
};
