/**
 * `npm run inventory [-- --list | --host <name>]`: Ansible's dynamic inventory of the machines,
 * made from `estate/machines/` and `estate/hosts.yaml` (ansible/inventory.cjs runs it for Ansible).
 * `--list` (the default) prints every group with its hosts and the variables of group `all`;
 * `--host <name>` prints one host's variables (by host name, or by the machine's name). Bad data: every problem, exit 1, nothing printed.
 */

import { unknownMessage } from "@void-linux/infra-constructs/core";
import { Command as Program } from "commander";
import { ansibleInventory, inventoryHostName, inventoryJson } from "../app/artifacts/inventory";
import { loadEstate } from "../inputs/estate";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";

export const inventory: Command = (args, io) => {
  const options = parseArgs<{ list?: boolean; host?: string }>(
    new Program("inventory")
      .description("Print Ansible's inventory of the machines (a dynamic inventory script)")
      .option("--list", "every group, its hosts and variables, as JSON (the default)")
      .option("--host <name>", "one host's variables, as JSON"),
    args,
    io,
  );
  if (options.list && options.host !== undefined)
    throw new UsageError("give --list or --host <name>, not both");
  const estate = loadEstate(io.cwd);
  if (options.host === undefined) {
    io.out(inventoryJson(estate));
    return 0;
  }
  const { hostvars } = ansibleInventory(estate)._meta;
  // Ansible asks by host name; a person may ask by the machine's name (a-hel-fi).
  const vars = hostvars[options.host] ?? hostvars[inventoryHostName(estate, options.host)];
  if (vars === undefined) {
    const known = options.host.includes(".") ? Object.keys(hostvars) : Object.keys(estate.hosts.machines);
    throw new UsageError(unknownMessage(`host "${options.host}"`, options.host, known));
  }
  io.out(`${JSON.stringify(vars, null, 2)}\n`);
  return 0;
};
