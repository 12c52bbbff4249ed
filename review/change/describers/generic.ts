import type { Action, Change } from "../model";
import {
  beforeAfter,
  body,
  changed,
  changedAttributes,
  code,
  type Describer,
  type Draft,
  genericUpdate,
  text,
} from "./shared";

/** Everything without a specific describer: providers, modules, backends and other resources. */

/** Resource types that grant access although no specific describer knows them. */
const SENSITIVE_TYPE =
  /^vault_|^(nomad|consul)_acl_|^github_(membership|organization_settings|actions_secret)/;

export function describerForKind(change: Change): Describer {
  switch (change.kind) {
    case "backend":
      return backend;
    case "required_provider":
      return requiredProvider;
    case "provider":
      return (c) => [
        {
          text: `${verb(c.action)} the ${code(c.type)} provider configuration${c.action === "update" ? `: ${changedAttributes(c)}` : ""}`,
        },
      ];
    case "module":
      return (c) => {
        const source = text(body(c).source);
        const version = body(c).version === undefined ? "" : `@${text(body(c).version)}`;
        if (c.action === "update") return genericUpdate(c);
        if (c.action !== "create" && c.action !== "delete") return undefined;
        return [{ text: `${verb(c.action)} module ${code(c.name)} (${source}${version})` }];
      };
    default:
      return genericResource;
  }
}

const verb = (action: Action) => (action === "create" ? "adds" : action === "delete" ? "removes" : "changes");

const genericResource: Describer = (change) => {
  const sensitive = change.kind === "resource" && SENSITIVE_TYPE.test(change.type);
  switch (change.action) {
    case "update":
      return genericUpdate(change, sensitive);
    case "create":
    case "delete":
      return [{ text: `${verb(change.action)} ${code(change.address)}`, sensitive }];
    default:
      return undefined;
  }
};

/**
 * The sentence of an action no describer has its own for: what imports, moves, forgets and reads
 * do is the same for every type.
 */
export function genericAction(change: Change): Draft[] {
  const sensitive = change.kind === "resource" && SENSITIVE_TYPE.test(change.type);
  const address = code(change.address);
  switch (change.action) {
    case "import":
      return [
        {
          text: `adopts ${address}${change.importId === undefined ? "" : ` (id ${code(change.importId)})`}, as it is`,
          sensitive,
        },
      ];
    case "move":
      return [{ text: `moves ${code(change.previousAddress ?? "?")} to ${address}, unchanged` }];
    case "forget":
      return [{ text: `forgets ${address}: Terraform stops managing it, and the object stays` }];
    case "read":
      return [{ text: `reads ${address} during apply` }];
    case "replace":
      return [{ text: `replaces ${address}`, sensitive }];
    default:
      return genericResource(change, { review: {} }) ?? [];
  }
}

/** Moving state is how resources get orphaned or duplicated: a warning, except for a new stack. */
export const backend: Describer = (change) => {
  const kinds = (b?: Readonly<Record<string, unknown>>) => Object.keys(b ?? {}).join(", ");
  const [before, after] = [kinds(change.before), kinds(change.after)];
  switch (change.action) {
    case "create":
      return [{ text: `keeps its state in the ${after} backend` }];
    case "delete":
      return [{ text: `drops the ${before} state backend`, sensitive: true }];
    case "update":
      return [
        {
          text:
            before === after
              ? `changes the ${before} state backend: ${changedAttributes(change)}`
              : `moves state from the ${before} backend to ${after}`,
          sensitive: true,
        },
      ];
    default:
      return undefined;
  }
};

const requiredProvider: Describer = (change) => {
  const [before, after] = beforeAfter(change, "version");
  const name = code(text(body(change).source ?? change.name));
  switch (change.action) {
    case "create":
      return [{ text: `adds provider ${name} ${text(after)}` }];
    case "delete":
      return [{ text: `drops provider ${name}` }];
    case "update":
      return [
        {
          text: `changes provider ${name}: ${changed(change, "version") ? `${text(before)} → ${text(after)}` : changedAttributes(change)}`,
        },
      ];
    default:
      return undefined;
  }
};
