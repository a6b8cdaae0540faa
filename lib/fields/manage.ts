import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { transaction } from "@/lib/db/tx";
import { resolveEntity } from "@/lib/entities";
import { AppError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import type { AddFieldInput, UpdateFieldInput } from "./schemas";

/** The record's own columns, in every spelling a door uses: never an attribute's name. */
const RESERVED = new Set([
  "id",
  "name",
  "phone",
  "phonenumber",
  "phone_number",
  "externalid",
  "external_id",
  "externalprovider",
  "external_provider",
  "owner",
  "ownerid",
  "createdat",
  "updatedat",
  "deletedat",
  "recordnumber",
]);

/** Settings → Fields: a new attribute of an entity (ADMIN+). Names are unique per entity, case-insensitively. */
export async function addField(actor: Actor, input: AddFieldInput, now: Date): Promise<{ id: string }> {
  assertCan(actor, "fields.manage");
  const entity = await resolveEntity(actor, input.entity);
  if (RESERVED.has(input.name.toLowerCase()))
    throw new AppError("VALIDATION", `"${input.name}" is one of the record's own fields; pick another name.`, "name");
  return transaction(async (tx) => {
    const clash = await tx.entityField.findFirst({
      where: { entityId: entity.id, name: { equals: input.name, mode: "insensitive" } },
      select: { name: true, retiredAt: true },
    });
    if (clash)
      throw new AppError(
        "CONFLICT",
        `${entity.name} already have a field "${clash.name}"${clash.retiredAt ? " (retired: bring it back instead)" : ""}.`,
        "name",
      );
    const last = await tx.entityField.aggregate({ where: { entityId: entity.id }, _max: { position: true } });
    const field = await tx.entityField.create({
      data: {
        workspaceId: actor.workspaceId,
        entityId: entity.id,
        name: input.name,
        label: input.label,
        type: input.type,
        required: input.required,
        options: input.type === "SELECT" ? input.options : [],
        position: (last._max.position ?? 0) + 1,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "fields.add",
      entityId: entity.id,
      targetIds: [field.id],
      details: { name: input.name, type: input.type },
    });
    return field;
  });
}

/** Rename a label, add options to a single select, retire a field (values kept, hidden) or bring it back. */
export async function updateField(actor: Actor, input: UpdateFieldInput, now: Date): Promise<{ id: string }> {
  assertCan(actor, "fields.manage");
  return transaction(async (tx) => {
    const field = await tx.entityField.findFirst({
      where: { id: input.id, workspaceId: actor.workspaceId },
      select: { id: true, entityId: true, type: true, options: true, retiredAt: true },
    });
    if (!field) throw notFound("Field");
    if (input.addOptions?.length && field.type !== "SELECT")
      throw new AppError("VALIDATION", "Only a single select has options.", "addOptions");
    const options = input.addOptions
      ? [...field.options, ...input.addOptions.filter((o) => !field.options.includes(o))]
      : undefined;
    await tx.entityField.update({
      where: { id: field.id },
      data: {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(options ? { options } : {}),
        ...(input.retired !== undefined ? { retiredAt: input.retired ? (field.retiredAt ?? now) : null } : {}),
      },
    });
    await writeAudit(tx, actor, {
      action: input.retired ? "fields.retire" : "fields.update",
      entityId: field.entityId,
      targetIds: [field.id],
      details: {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.addOptions ? { addOptions: input.addOptions } : {}),
        ...(input.retired !== undefined ? { retired: input.retired } : {}),
      },
    });
    return { id: field.id };
  });
}
