/** Void's terrastate server: one state per Terraform root at `<base>/<project>/<id>`. */
export const TERRASTATE_BASE_URL = "https://terrastate.s.voidlinux.org/state";
