/** Trust item 14: no high or critical advisory in production dependencies (see scripts/audit-check.ts). */
import { expect, it } from "vitest";
import { checkAudit, describeOutcome } from "@/scripts/audit-check";
import { reportFigure } from "@/tests/support/trust-report";

it("npm audit --omit=dev has no undocumented high or critical advisory", () => {
  const outcome = checkAudit();
  const { figure, pass } = describeOutcome(outcome);
  reportFigure("14. dependencies (npm audit)", figure, pass);
  if (outcome.status === "checked") expect(outcome.blocking).toEqual([]);
});
