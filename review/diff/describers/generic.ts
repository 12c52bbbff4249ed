import type { Action, Change } from "../model";
import {
  beforeAfter,
  body,
  changed,
  changedAttributes,
  code,
  type Describer,
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
        return c.action === "update"
          ? genericUpdate(c)
          : [
              {
                text: `${c.action === "create" ? "adds" : "removes"} module ${code(c.name)} (${source}${version})`,
              },
            ];
      };
    default:
      return genericResource;
  }
}

const verb = (action: Action) => ({ create: "adds", update: "changes", delete: "removes" })[action];

const genericResource: Describer = (change) => {
  const sensitive = change.kind === "resource" && SENSITIVE_TYPE.test(change.type);
  return change.action === "update"
    ? genericUpdate(change, sensitive)
    : [{ text: `${verb(change.action)} ${code(change.address)}`, sensitive }];
};

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
  }
};
