import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkAttributes } from "@/lib/universal/fields";
import { withTestDatabase } from "@/test/db";
import { NOW, makeWorkspace } from "@/test/fixtures";
import { listFields } from "./list";
import { addField, updateField } from "./manage";

withTestDatabase();

describe("declared fields: one list every door reads", () => {
  it("an admin adds a field, renames its label, adds options and retires it; values are checked against it", async () => {
    const ws = await makeWorkspace();
    const admin = ws.actors.admin;
    const { id } = await addField(
      admin,
      { entity: "leads", name: "tier", label: "Tier", type: "SELECT", required: false, options: ["Gold", "Silver"] },
      NOW,
    );
    await updateField(admin, { id, label: "Customer tier", addOptions: ["Bronze", "Gold"] }, NOW);
    let { fields } = await listFields(ws.actors.viewer, { entity: "Leads" });
    expect(fields).toEqual([
      expect.objectContaining({
        name: "tier",
        label: "Customer tier",
        options: ["Gold", "Silver", "Bronze"],
        retired: false,
      }),
    ]);
    expect(checkAttributes(fields, { tier: "bronze" }, { partial: false })).toEqual({
      ok: true,
      values: { tier: "Bronze" },
    });
    expect(checkAttributes(fields, { tier: "Platinum" }, { partial: false })).toMatchObject({
      ok: false,
      issue: { field: "tier", message: "Choose one of: Gold, Silver, Bronze" },
    });

    await updateField(admin, { id, retired: true }, NOW);
    ({ fields } = await listFields(admin, { entity: "leads" }));
    expect(fields[0]?.retired).toBe(true);
    expect(checkAttributes(fields, { tier: "Gold" }, { partial: true })).toMatchObject({
      ok: false,
      issue: { field: "tier", message: 'The field "Customer tier" is retired' },
    });
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: { startsWith: "fields." } } })).toBe(3);
  });

  it("refuses a member, a duplicate name, a record column's name and options on a non-select; nothing changes", async () => {
    const ws = await makeWorkspace();
    const input = {
      entity: "leads",
      name: "score",
      label: "Score",
      type: "NUMBER" as const,
      required: false,
      options: [],
    };
    await expect(addField(ws.actors.member, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await addField(ws.actors.admin, input, NOW);
    await expect(addField(ws.actors.owner, { ...input, name: "Score" }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      field: "name",
    });
    await expect(addField(ws.actors.owner, { ...input, name: "phone_number" }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      field: "name",
    });
    await expect(updateField(ws.actors.admin, { id, addOptions: ["x"] }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(updateField(ws.actors.member, { id, label: "Points" }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await makeWorkspace("Other");
    await expect(updateField(other.actors.owner, { id, label: "Points" }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().entityField.findMany({ where: { workspaceId: ws.id }, select: { label: true } })).toEqual([
      { label: "Score" },
    ]);
  });

  it("checks each type: numbers, dates, booleans, emails, web addresses, phones (E.164), required and unknown fields", () => {
    const f = (name: string, type: "NUMBER" | "DATE" | "BOOLEAN" | "EMAIL" | "URL" | "PHONE", required = false) => ({
      id: name,
      name,
      label: name,
      type,
      required,
      options: [],
      retired: false,
    });
    const fields = [
      f("n", "NUMBER"),
      f("d", "DATE"),
      f("b", "BOOLEAN"),
      f("e", "EMAIL", true),
      f("u", "URL"),
      f("p", "PHONE"),
    ];
    const ok = checkAttributes(
      fields,
      {
        n: "1 250.5",
        d: "2026-02-28",
        b: "yes",
        e: "ada@example.com",
        u: "https://example.com/x",
        p: "0049 (30) 123-4567",
      },
      { partial: false },
    );
    expect(ok).toEqual({
      ok: true,
      values: {
        n: 1250.5,
        d: "2026-02-28",
        b: true,
        e: "ada@example.com",
        u: "https://example.com/x",
        p: "+49301234567",
      },
    });
    const bad = (raw: Record<string, unknown>, partial = false) => checkAttributes(fields, raw, { partial });
    expect(bad({ e: "a@b.co", n: "twelve" })).toMatchObject({ ok: false, issue: { field: "n" } });
    expect(bad({ e: "a@b.co", d: "2026-02-30" })).toMatchObject({ ok: false, issue: { field: "d" } });
    expect(bad({ e: "a@b.co", b: "maybe" })).toMatchObject({ ok: false, issue: { field: "b" } });
    expect(bad({ e: "not an email" })).toMatchObject({ ok: false, issue: { field: "e" } });
    expect(bad({ e: "a@b.co", u: "javascript:alert(1)" })).toMatchObject({ ok: false, issue: { field: "u" } });
    expect(bad({ e: "a@b.co", p: "030 1234567" })).toMatchObject({ ok: false, issue: { field: "p" } });
    expect(bad({ n: 3 })).toMatchObject({ ok: false, issue: { field: "e", message: "e is required" } });
    expect(bad({ e: "a@b.co", vip: true })).toMatchObject({ ok: false, issue: { field: "vip" } });
    // An update checks only what it names; a blank optional value removes the key.
    expect(bad({ n: "" }, true)).toEqual({ ok: true, values: { n: null } });
    expect(bad({ e: "" }, true)).toMatchObject({ ok: false, issue: { field: "e" } });
  });
});
