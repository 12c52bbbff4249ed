import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  expressionsIn,
  normalizeCondition,
  readsAllSecrets,
  readsSecrets,
} from "../../workflow-lint/expressions";
import { stateChangingAction, stateChangingCommands } from "../../workflow-lint/terraform";

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

describe("state-changing Terraform commands in scripts", () => {
  const cases: [string, string[]][] = [
    ["terraform apply", ["terraform apply"]],
    ['terraform -chdir="$dir" apply -input=false tfplan', ["terraform apply"]],
    ["terraform \\\n  -chdir=x \\\n  apply", ["terraform apply"]],
    ["terraform \\\r\n  apply", ["terraform apply"]],
    ["\"terraform\" ap''ply", ["terraform apply"]],
    ["terraform${IFS}apply", ["terraform apply"]],
    ["/usr/local/bin/terraform destroy -auto-approve", ["terraform destroy"]],
    ["sudo -E terraform apply", ["terraform apply"]],
    ["out=$(terraform apply -auto-approve)", ["terraform apply"]],
    ["(cd x && terraform apply)", ["terraform apply"]],
    ["echo `terraform apply`", ["terraform apply"]],
    ['terraform -chdir=x "$ACTION"', ["terraform $ACTION"]],
    ["terraform state push x.tfstate", ["terraform state push"]],
    ["terraform state rm a.b", ["terraform state rm"]],
    ["terraform state mv a b", ["terraform state mv"]],
    ["terraform state replace-provider a b", ["terraform state replace-provider"]],
    ["terraform import a b", ["terraform import"]],
    ["terraform taint a", ["terraform taint"]],
    ["terraform untaint a", ["terraform untaint"]],
    ["terraform force-unlock 1", ["terraform force-unlock"]],
    ["terraform refresh", ["terraform refresh"]],
    ["terraform workspace delete old", ["terraform workspace delete"]],
    ["terraform init -migrate-state", ["terraform init -migrate-state"]],
    ["env TF_LOG=1 terraform apply", ["terraform apply"]],
    ["sh -c 'terraform destroy'", ["terraform destroy"]],
    ["echo apply | xargs terraform", ["terraform with a subcommand from xargs' input"]],
    ["TF=terraform; $TF apply", ["$TF apply"]],
    ["alias tf=terraform\ntf apply", ["tf apply"]],
    ["${TF:-terraform} apply", ["terraform apply"]],
    ["docker run hashicorp/terraform:1.9 apply", ["terraform apply"]],
    ["npx cdktf deploy --auto-approve", ["cdktf deploy"]],
    ["npx cdktf-cli@0.21.0 deploy", ["cdktf-cli deploy"]],
    ["npx cdktn destroy", ["cdktn destroy"]],
    ["tofu apply", ["tofu apply"]],
    ["terragrunt run-all apply", ["terragrunt apply"]],
    ["bash <<EOF\nterraform apply\nEOF", ["terraform apply"]],
    ['terraform -chdir="$dir" plan -lock=false -out=tfplan', []],
    ["terraform plan -out=apply.tfplan", []],
    ["terraform init && echo apply later", []],
    ["terraform show -json tfplan > apply.json", []],
    ["terraform state list", []],
    ["terraform init -lockfile=readonly", []],
    ["terraform providers lock -platform=linux_amd64", []],
    ["echo apply; terraform plan", []],
    ['gh issue comment "$N" --body "apply main"', []],
    ["node - <<'JS'\nconsole.log(`cdktf: ${files}`)\nJS", []],
    ["npm run synth", []],
  ];
  for (const [script, expected] of cases)
    test(JSON.stringify(script), () => assert.deepEqual(stateChangingCommands(script), expected));

  test("actions: a Terraform image with args, or an action named after a tool with a state-changing word", () => {
    assert.equal(
      stateChangingAction("docker://hashicorp/terraform:1.9@sha256:00", { args: "state rm x" }),
      "terraform state rm",
    );
    assert.equal(stateChangingAction("docker://HashiCorp/Terraform@sha256:00", {}), undefined);
    assert.equal(stateChangingAction("dflook/terraform-apply@0000", {}), "dflook/terraform-apply (apply)");
    assert.equal(
      stateChangingAction("gruntwork-io/terragrunt-action@0000", { tg_command: "run-all destroy" }),
      "gruntwork-io/terragrunt-action (destroy)",
    );
    assert.equal(
      stateChangingAction("hashicorp/setup-terraform@0000", {
        terraform_version: "1.14.3",
        terraform_wrapper: false,
      }),
      undefined,
    );
    assert.equal(stateChangingAction("actions/checkout@0000", { ref: "apply" }), undefined);
  });
});
