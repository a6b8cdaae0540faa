import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertCan, can, PERMISSIONS, ROLES, roleAtLeast, type Permission } from "./permissions";

describe("the permission table", () => {
  const cases = (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) =>
    ROLES.map((role) => ({ permission, role, allowed: roleAtLeast(role, PERMISSIONS[permission]) })),
  );

  it.each(cases)("$role → $permission: $allowed", ({ permission, role, allowed }) => {
    expect(can({ role }, permission)).toBe(allowed);
    if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow();
    else expect(() => assertCan({ role }, permission)).toThrow(AppError);
  });

  it("keeps the product rules: viewers change nothing, hard delete is ADMIN+, other people's segments need OWNER", () => {
    const mutations = (Object.keys(PERMISSIONS) as Permission[]).filter(
      // A VIEWER may hold their own read-only API key (its scopes are capped by the role).
      (p) => !p.endsWith(".read") && !p.startsWith("trash.view") && p !== "apiKeys.manage",
    );
    for (const p of mutations) expect(can({ role: "VIEWER" }, p), p).toBe(false);
    expect(can({ role: "MEMBER" }, "records.destroy")).toBe(false);
    expect(can({ role: "ADMIN" }, "records.destroy")).toBe(true);
    expect(can({ role: "ADMIN" }, "segments.delete.any")).toBe(false);
    expect(can({ role: "OWNER" }, "segments.delete.any")).toBe(true);
    expect(() => assertCan({ role: "VIEWER" }, "records.delete")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });
});
