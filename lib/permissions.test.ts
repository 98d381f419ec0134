import { describe, expect, it } from "vitest";
import { assignableRoles, can, permissions, ROLES } from "@/lib/permissions";

describe("permission map", () => {
  it("gives each role exactly what the role table says", () => {
    const expected: Record<string, string[]> = {
      "workspace.read": ["OWNER", "ADMIN", "EDITOR", "VIEWER"],
      "recommendation.update": ["OWNER", "ADMIN", "EDITOR"],
      "comment.create": ["OWNER", "ADMIN", "EDITOR"],
      "evidence.manage": ["OWNER", "ADMIN", "EDITOR"],
      "recommendation.assign": ["OWNER", "ADMIN", "EDITOR"],
      "member.manage": ["OWNER", "ADMIN"],
      "invitation.manage": ["OWNER", "ADMIN"],
      "tracker.manage": ["OWNER", "ADMIN"],
      "tracker.import": ["OWNER", "ADMIN", "EDITOR"],
      "workspace.rename": ["OWNER"],
      "workspace.delete": ["OWNER"],
      "workspace.transfer": ["OWNER"],
    };
    for (const [permission, roles] of Object.entries(expected)) {
      for (const role of ROLES) {
        expect(can(role, permission as keyof typeof permissions), `${role} ${permission}`).toBe(
          roles.includes(role),
        );
      }
    }
  });

  it("is cumulative: every role can do all that the roles below it can", () => {
    const order = ["VIEWER", "EDITOR", "ADMIN", "OWNER"] as const;
    for (const permission of Object.keys(permissions) as (keyof typeof permissions)[]) {
      for (let i = 0; i < order.length - 1; i++) {
        if (can(order[i], permission))
          expect(can(order[i + 1], permission), `${order[i + 1]} ${permission}`).toBe(true);
      }
    }
  });

  it("refuses a missing role", () => {
    expect(can(null, "workspace.read")).toBe(false);
    expect(can(undefined, "workspace.read")).toBe(false);
  });

  it("lets only owners hand out the owner role, and nobody below admin hand out any", () => {
    expect(assignableRoles("OWNER")).toContain("OWNER");
    expect(assignableRoles("ADMIN")).not.toContain("OWNER");
    expect(assignableRoles("ADMIN")).toContain("VIEWER");
    expect(assignableRoles("EDITOR")).toEqual([]);
    expect(assignableRoles("VIEWER")).toEqual([]);
  });
});
