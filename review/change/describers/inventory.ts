import { plainText } from "../../markdown";
import type { Body } from "../model";
import { code, type Describer, type Draft, listed, text } from "./shared";

/**
 * The Ansible inventory (`ansible-inventory --list` JSON): each machine with its roles (the groups
 * that list it) and its address. When the outputs hold one, machines are named from it rather
 * than from their DNS records.
 */

const rolesOf = (side: Body | undefined): string[] =>
  (Array.isArray(side?.roles) ? side.roles : []).map((r) => plainText(text(r)));

/** The machine's own name: the first label of the inventory's host name. */
const machineOf = (host: string) => plainText(host.split(".")[0] ?? host);

/** Where Ansible connects: `ansible_host` when the inventory sets it, else the host name. */
const addressOf = (host: string, side: Body | undefined) => {
  const vars = side?.vars as Record<string, unknown> | undefined;
  return plainText(typeof vars?.ansible_host === "string" ? vars.ansible_host : host);
};

export const ansibleHost: Describer = (change) => {
  const host = change.name;
  const machine = machineOf(host);
  switch (change.action) {
    case "create": {
      const roles = rolesOf(change.after);
      return [
        {
          text: `adds machine ${machine} (${addressOf(host, change.after)}${roles.length > 0 ? `; roles ${roles.join(", ")}` : ""})`,
        },
      ];
    }
    case "delete":
      return [{ text: `retires machine ${machine} (${addressOf(host, change.before)})` }];
    case "update": {
      const drafts: Draft[] = [];
      const [before, after] = [rolesOf(change.before), rolesOf(change.after)];
      const added = after.filter((r) => !before.includes(r));
      const removed = before.filter((r) => !after.includes(r));
      const roles = (names: string[]) => `the role${names.length === 1 ? "" : "s"} ${listed(names)}`;
      if (added.length > 0) drafts.push({ text: `gives machine ${machine} ${roles(added)}` });
      if (removed.length > 0)
        drafts.push({ text: `takes ${roles(removed)} from machine ${machine}`, removes: true });
      const [was, is] = [addressOf(host, change.before), addressOf(host, change.after)];
      if (was !== is) drafts.push({ text: `moves machine ${machine} from ${was} to ${is}` });
      const rest = change.attributes.filter(
        (a) => a.path.startsWith("vars") && a.path !== "vars.ansible_host",
      );
      if (rest.length > 0)
        drafts.push({
          text: `changes the variables of machine ${machine}: ${listed(rest.map((a) => code(a.path.slice(5))))}`,
        });
      return drafts;
    }
    default:
      return undefined;
  }
};
