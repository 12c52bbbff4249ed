import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { reviewContextOf } from "../../../review/change";
import { adoptionInputs } from "../../support/app";

describe("what the review knows of power, from the data", () => {
  test("the operators' team, the host-login groups, names and machines come from the checkout's data", () => {
    const inputs = adoptionInputs();
    const review = reviewContextOf(inputs, [{ login: "Gone", name: "Gone Person" }]);
    assert.equal(review.operatorTeam, inputs.estate.github.operatorTeam);
    assert.deepEqual(
      [...(review.hostLoginGroups ?? [])],
      inputs.estate.access.groups.filter((g) => g.hostLogin).map((g) => g.name),
    );
    assert.ok((review.hostLoginGroups?.size ?? 0) > 0, "the adoption data flags a host-login group");
    assert.equal(review.people?.get("gone"), "Gone Person", "people of the base keep their names");
    assert.deepEqual(
      review.machines?.get("a-hel-fi")?.roles,
      inputs.estate.hosts.machines["a-hel-fi"]?.roles,
    );
  });
});
