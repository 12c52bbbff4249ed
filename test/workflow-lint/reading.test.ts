import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  expressionsIn,
  normalizeCondition,
  readsAllSecrets,
  readsSecrets,
} from "../../workflow-lint/expressions";
import { mutatingCommands, toolOfAction } from "../../workflow-lint/shell";

describe("expressions as the workflow rules read them", () => {
  test("finds every ${{ }}, a }} in a string literal included, and an unterminated one", () => {
    assert.deepEqual(expressionsIn("a ${{ x }} b ${{y}}"), [" x ", "y"]);
    assert.deepEqual(expressionsIn("${{ format('}}', secrets) }}"), [" format('}}', secrets) "]);
    assert.deepEqual(expressionsIn("${{ toJSON(secrets)"), [" toJSON(secrets)"]);
    assert.deepEqual(expressionsIn("plain text"), []);
    assert.deepEqual(expressionsIn("secrets.X != ''", true), ["secrets.X != ''"]);
  });

  test("reads the secrets context in any letter case, not in literals or other contexts", () => {
    for (const yes of [
      "${{ secrets.A }}",
      "${{ SECRETS.a }}",
      "${{ secrets['A'] }}",
      "${{ toJSON(Secrets) }}",
    ])
      assert.ok(readsSecrets(yes), yes);
    for (const no of ["secrets.A", "${{ 'secrets.A' }}", "${{ github.secrets }}", "${{ my-secrets.a }}"])
      assert.ok(!readsSecrets(no), no);
  });

  test("tells every secret at once from one secret", () => {
    for (const all of [
      "${{ toJSON(secrets) }}",
      "${{ toJson(Secrets) }}",
      "${{secrets}}",
      "${{ join(secrets.*, ',') }}",
      "${{ secrets[*] }}",
      "${{ format('}}', toJSON(secrets)) }}",
      "${{ fromJSON(toJSON(secrets)) }}",
    ])
      assert.ok(readsAllSecrets(all), all);
    for (const one of [
      "${{ secrets.TOKEN }}",
      "${{ secrets . TOKEN }}",
      "${{ secrets['TOKEN'] }}",
      "${{ secrets[matrix.name] }}",
      "${{ 'toJSON(secrets)' }}",
      "toJSON(secrets)",
    ])
      assert.ok(!readsAllSecrets(one), one);
  });

  test("conditions compare by meaning, not layout or letter case", () => {
    assert.equal(
      normalizeCondition("${{ GitHub.Event_Name  == 'PUSH' }}"),
      normalizeCondition("github.event_name == 'push'"),
    );
  });
});

describe("infrastructure-changing commands in scripts", () => {
  const cases: [string, string[]][] = [
    ["terraform apply", ["terraform apply"]],
    ['terraform -chdir="$dir" apply -input=false tfplan', ["terraform apply"]],
    ["terraform \\\n  -chdir=x \\\n  apply", ["terraform apply"]],
    ["terraform \\\r\n  apply", ["terraform apply"]],
    ["terraform   -no-color    apply", ["terraform apply"]],
    ["\"terraform\" ap''ply", ["terraform apply"]],
    ["terraform${IFS}apply", ["terraform apply"]],
    ["/usr/local/bin/terraform destroy -auto-approve", ["terraform destroy"]],
    ["sudo -E terraform apply", ["terraform apply"]],
    ["out=$(terraform apply -auto-approve)", ["terraform apply"]],
    ["(cd x && terraform apply)", ["terraform apply"]],
    ["echo `terraform apply`", ["terraform apply"]],
    ['terraform -chdir=x "$ACTION"', ["terraform $ACTION"]],
    ["npx cdktf deploy --auto-approve", ["cdktf deploy"]],
    ["npx cdktf-cli@0.21.0 deploy", ["cdktf-cli deploy"]],
    ["tofu apply", ["tofu apply"]],
    ["terragrunt run-all apply", ["terragrunt apply"]],
    ['terraform -chdir="$dir" plan -lock=false -out=tfplan', []],
    ["terraform plan -out=apply.tfplan", []],
    ["terraform init && echo apply later", []],
    ["terraform show -json tfplan > apply.json", []],
    ["echo apply; terraform plan", []],
    ["npm run synth", []],
  ];
  for (const [script, expected] of cases)
    test(JSON.stringify(script), () => assert.deepEqual(mutatingCommands(script), expected));

  test("names the tool a container action is", () => {
    assert.equal(toolOfAction("docker://hashicorp/terraform:1.9@sha256:00"), "terraform");
    assert.equal(toolOfAction("docker://HashiCorp/Terraform@sha256:00"), "terraform");
    assert.equal(
      toolOfAction("hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd"),
      undefined,
    );
  });
});
