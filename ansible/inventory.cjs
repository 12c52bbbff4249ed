#!/usr/bin/env node
/**
 * Ansible's dynamic inventory of Void's machines: `ansible-playbook -i ansible/inventory.cjs …`.
 * Ansible runs it with `--list` (or `--host <name>`); it prints the inventory that `npm run
 * inventory` prints, made from `estate/machines/` and `estate/hosts.yaml` of this checkout, so a
 * pull request that adds a machine's file changes the inventory with it. It needs the checkout's
 * dependencies (`npm ci --omit=dev` is enough) and nothing else: the launcher bundles and caches
 * the command. Bad data prints every problem and exits 1, which Ansible reports as a failed source.
 */
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
if (!existsSync(join(root, "node_modules", "esbuild"))) {
  process.stderr.write(`error: ${root} has no dependencies installed (expected npm ci --omit=dev there)\n`);
  process.exitCode = 1;
} else {
  // The data of this checkout, wherever Ansible runs from.
  process.chdir(root);
  require("../cli/launch.cjs").launch(["inventory", ...process.argv.slice(2)]);
}
