import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { recordRef } from "./get";
import { liveRecords } from "./live";
import { writeRecords, type Holder, type WriteOutcome } from "./write";
import type { AddNoteInput, CreateRecordInput, UpdateRecordInput } from "./write-schemas";

// One record at a time, as the dashboard writes it: the batch writer with one op, its refusal
// turned into the AppError every door maps, except the one answer the dialog asks about.

export type CreateRecordResult =
  | { status: "created"; id: string; recordNumber: string; entitySlug: string }
  /** The external id belongs to a record in the trash: restore it instead, or create anyway. */
  | { status: "trashedHolder"; holder: Holder };

function refused(outcome: Exclude<WriteOutcome, { ok: true }>): never {
  throw new AppError(outcome.code, outcome.message, outcome.field);
}

/** "New lead / contact / deal" (MEMBER+): fires the entity's on-create automations. */
export async function createRecord(actor: Actor, input: CreateRecordInput, now: Date): Promise<CreateRecordResult> {
  const { entity, ifTrashedHolder, ...values } = input;
  const { entity: summary, outcomes } = await writeRecords(
    actor,
    entity,
    [{ op: "create", values }],
    { fireAutomations: true, ifTrashedHolder },
    now,
  );
  const outcome = outcomes[0]!;
  if (outcome.ok)
    return {
      status: "created",
      id: outcome.record.id,
      recordNumber: outcome.record.recordNumber,
      entitySlug: summary.slug,
    };
  if (outcome.holder?.trashed) return { status: "trashedHolder", holder: outcome.holder };
  refused(outcome);
}

/** The record page's Edit (MEMBER+): only what is given changes; attributes are merged, null removes one. */
export async function updateRecord(actor: Actor, input: UpdateRecordInput, now: Date): Promise<{ id: string }> {
  assertCan(actor, "records.write");
  const { id, ...values } = input;
  const record = await db().record.findFirst({
    where: liveRecords(actor.workspaceId, recordRef(id)),
    select: { id: true, entityId: true },
  });
  if (!record) throw notFound();
  const { outcomes } = await writeRecords(
    actor,
    record.entityId,
    [{ op: "update", ref: record.id, values }],
    { fireAutomations: false, ifTrashedHolder: "create" },
    now,
  );
  const outcome = outcomes[0]!;
  if (!outcome.ok) refused(outcome);
  return { id: outcome.record.id };
}

/** A note on a live record (MEMBER+), with its audit entry. */
export async function addNote(actor: Actor, input: AddNoteInput, now: Date): Promise<{ id: string }> {
  assertCan(actor, "records.write");
  return transaction(async (tx) => {
    const record = await tx.record.findFirst({
      where: liveRecords(actor.workspaceId, recordRef(input.id)),
      select: { id: true, entityId: true },
    });
    if (!record) throw notFound();
    const note = await tx.note.create({
      data: {
        workspaceId: actor.workspaceId,
        recordId: record.id,
        authorId: actor.userId,
        body: input.body,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, { action: "records.note", entityId: record.entityId, targetIds: [record.id] });
    return note;
  });
}
