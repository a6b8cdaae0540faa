import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { writeAudit, type AuditContext } from "@/lib/audit/write";
import { fireOnCreate } from "@/lib/automations/fire";
import { sqlTime } from "@/lib/db/sql-time";
import { transaction, type Tx } from "@/lib/db/tx";
import { PHONE_HINT, toE164 } from "@/lib/universal/phone";
import { resolveEntity, type EntitySummary } from "@/lib/entities";
import { AppError } from "@/lib/errors";
import { declaredFields } from "@/lib/fields/list";
import { assertCan } from "@/lib/permissions";
import type { DeclaredField } from "@/lib/universal/fields";
import { recordRef } from "./get";
import { checkValues, externalPair, type CheckedValues, type RecordValues, type WriteIssue } from "./write-schemas";

// The one way records are created and changed, whichever door asks (dialog, edit, import, API):
// values checked against the entity's declared fields, external ids unique among live records,
// the valid writes of a batch in one transaction with their audit entries, per-item outcomes.

export type WriteOp =
  | { op: "create"; values: RecordValues }
  | { op: "update"; ref: string; values: RecordValues }
  | { op: "upsert"; matchBy: "externalId" | "phoneNumber"; values: RecordValues };

export interface Holder {
  id: string;
  name: string;
  recordNumber: string;
  trashed: boolean;
}

export type WriteOutcome =
  | {
      ok: true;
      action: "created" | "updated";
      record: { id: string; recordNumber: string; createdAt: Date; updatedAt: Date };
      /** Upsert: the field that matched an existing record, or null when it created one. */
      matchedBy?: "externalId" | "phoneNumber" | null;
    }
  | {
      ok: false;
      code: "VALIDATION" | "CONFLICT" | "NOT_FOUND";
      field?: string;
      message: string;
      /** CONFLICT: the record that holds the external id (trashed: it could be restored instead). */
      holder?: Holder;
    };

export interface WriteOptions {
  /** The entity's on-create automations fire unless the caller turned workflows off. */
  fireAutomations: boolean;
  /** "ask": a create whose external id only a trashed record holds fails with that holder. */
  ifTrashedHolder: "ask" | "create";
  audit?: AuditContext;
  /** Everything is decided and written, then rolled back: what would happen, with nothing changed. */
  dryRun?: boolean;
  /** More work in the same transaction (an import's checkpoint), after the outcomes are known. */
  alsoInTransaction?: (tx: Tx, outcomes: WriteOutcome[]) => Promise<void>;
}

/** Thrown inside a dry run's transaction to roll it back once the outcomes are known. */
class DryRunRollback extends Error {
  constructor(readonly result: { entity: EntitySummary; outcomes: WriteOutcome[] }) {
    super("dry run");
  }
}

type Existing = {
  id: string;
  recordNumber: bigint;
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Prisma.JsonValue;
  deletedAt: Date | null;
};
const EXISTING = {
  id: true,
  recordNumber: true,
  name: true,
  phoneNumber: true,
  externalProvider: true,
  externalId: true,
  attributes: true,
  deletedAt: true,
} as const;

const pairKey = (provider: string, id: string) => `${provider}\u0000${id}`;
const fail = (code: "VALIDATION" | "CONFLICT" | "NOT_FOUND", issue: WriteIssue, holder?: Holder): WriteOutcome => ({
  ok: false,
  code,
  field: issue.field,
  message: issue.message,
  ...(holder ? { holder } : {}),
});
const holderOf = (r: Existing): Holder => ({
  id: r.id,
  name: r.name,
  recordNumber: r.recordNumber.toString(),
  trashed: r.deletedAt !== null,
});
const heldBy = (h: Holder) =>
  h.trashed
    ? `This external id belongs to “${h.name}” (No. ${h.recordNumber}) in the trash`
    : `Already used by “${h.name}” (No. ${h.recordNumber})`;

/** A text[] sent as one JSON text: a 1,000-value array parameter is costly to pass through the ORM and the driver. */
const textArray = (values: string[]) =>
  Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

const EXISTING_COLUMNS = Prisma.sql`id, "recordNumber", name, "phoneNumber", "externalProvider", "externalId", attributes, "deletedAt"`;

/**
 * Every record of the entity the batch names: by ref (updates), external id or phone (upserts
 * that match on it). The id and phone lookups compare in the "C" collation, so only the btrees
 * made for them serve them (migration 20261206110000_external_id_lookup): for a plain `=` over
 * 1,000 values PostgreSQL chose the trigram indexes, about 5 ms per value.
 */
async function loadExisting(tx: Tx, workspaceId: string, entityId: string, ops: WriteOp[]): Promise<Existing[]> {
  const refs = ops.flatMap((o) => (o.op === "update" ? [recordRef(o.ref)] : []));
  const externalIds = [...new Set(ops.flatMap((o) => (o.values.externalId ? [o.values.externalId] : [])))];
  // Stored numbers are E.164: match on the number as it will be stored, not as it was typed.
  const phones = [
    ...new Set(
      ops.flatMap((o) => {
        const phone =
          o.op === "upsert" && o.matchBy === "phoneNumber" && o.values.phoneNumber
            ? toE164(o.values.phoneNumber)
            : null;
        return phone ? [phone] : [];
      }),
    ),
  ];
  const scope = Prisma.sql`"workspaceId" = ${workspaceId} AND "entityId" = ${entityId}`;
  const found = [
    ...(externalIds.length
      ? await tx.$queryRaw<Existing[]>`SELECT ${EXISTING_COLUMNS} FROM "Record"
          WHERE ${scope} AND "externalId" COLLATE "C" = ANY(${textArray(externalIds)})`
      : []),
    ...(phones.length
      ? await tx.$queryRaw<Existing[]>`SELECT ${EXISTING_COLUMNS} FROM "Record"
          WHERE ${scope} AND "deletedAt" IS NULL AND "phoneNumber" COLLATE "C" = ANY(${textArray(phones)})`
      : []),
    ...(refs.length ? await tx.record.findMany({ where: { workspaceId, entityId, OR: refs }, select: EXISTING }) : []),
  ];
  return [...new Map(found.map((r) => [r.id, r])).values()];
}

/** A record to insert: the columns a write sets; the rest are the caller's, the clock's and the database's (id, number). */
interface NewRecord {
  name: string;
  phoneNumber: string | null;
  externalProvider: string | null;
  externalId: string | null;
  attributes: Record<string, unknown>;
}

interface Plan {
  index: number;
  create?: NewRecord;
  update?: { id: string; data: Prisma.RecordUpdateInput };
  matchedBy?: "externalId" | "phoneNumber" | null;
}

function mergedAttributes(current: Prisma.JsonValue, patch: Record<string, unknown> | undefined) {
  const base = current && typeof current === "object" && !Array.isArray(current) ? { ...current } : {};
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (v === null) delete (base as Record<string, unknown>)[k];
    else (base as Record<string, unknown>)[k] = v;
  }
  return base as Prisma.InputJsonObject;
}

/** The record columns a write gives (undefined: left as it is). */
function columns(v: CheckedValues) {
  const out: {
    name?: string;
    phoneNumber?: string | null;
    externalProvider?: string | null;
    externalId?: string | null;
  } = {};
  if (v.name !== undefined) out.name = v.name;
  if (v.phoneNumber !== undefined) out.phoneNumber = v.phoneNumber;
  if (v.externalProvider !== undefined) out.externalProvider = v.externalProvider;
  if (v.externalId !== undefined) out.externalId = v.externalId;
  return out;
}

const NO_HOLDERS: Existing[] = [];

/** Decides each op (create, update, refuse) against what the database holds; no writes. */
function plan(
  actor: Actor,
  entity: EntitySummary,
  fields: DeclaredField[],
  ops: WriteOp[],
  existing: Existing[],
  options: WriteOptions,
  now: Date,
): { plans: Plan[]; outcomes: (WriteOutcome | null)[] } {
  const live = existing.filter((r) => !r.deletedAt);
  const byRef = new Map<string, Existing>();
  for (const r of live) byRef.set(r.id, r).set(r.recordNumber.toString(), r);
  const pairs = new Map<string, Existing[]>();
  for (const r of existing)
    if (r.externalProvider && r.externalId) {
      const key = pairKey(r.externalProvider, r.externalId);
      pairs.set(key, [...(pairs.get(key) ?? []), r]);
    }
  const claimed = new Map<string, string | number>(); // pair → the record (id, or the op's index when new) that takes it
  const touched = new Set<string>();
  const plans: Plan[] = [];
  const outcomes: (WriteOutcome | null)[] = ops.map(() => null);

  ops.forEach((op, index) => {
    let target: Existing | undefined;
    let matchedBy: Plan["matchedBy"];
    if (op.op === "update") {
      target = byRef.get(op.ref);
      if (!target) return (outcomes[index] = fail("NOT_FOUND", { field: "id", message: "Record not found." }));
    } else if (op.op === "upsert") {
      // The match key as it will be stored (phone in E.164); the values are checked once, below,
      // as an update when a record matched and as a create when none did.
      const v = op.values;
      const phone = op.matchBy === "phoneNumber" && v.phoneNumber ? toE164(v.phoneNumber) : null;
      if (op.matchBy === "phoneNumber" && v.phoneNumber && !phone)
        return (outcomes[index] = fail("VALIDATION", { field: "phoneNumber", message: PHONE_HINT }));
      target =
        op.matchBy === "externalId"
          ? v.externalProvider && v.externalId
            ? pairs.get(pairKey(v.externalProvider, v.externalId))?.find((r) => !r.deletedAt)
            : undefined
          : live.find((r) => phone && r.phoneNumber === phone);
      matchedBy = target ? op.matchBy : null;
    }
    const checked = checkValues(fields, op.values, { partial: target !== undefined });
    if (!checked.ok) return (outcomes[index] = fail("VALIDATION", checked.issue));
    const values = checked.values;
    const pair = externalPair(values, target);
    if (!pair.ok) return (outcomes[index] = fail("VALIDATION", pair.issue));
    const self = target?.id ?? index;
    if (target && touched.has(target.id))
      return (outcomes[index] = fail("CONFLICT", { field: "id", message: "The same record twice in one batch" }));
    if (pair.pair) {
      const key = pairKey(pair.pair.provider, pair.pair.id);
      const holders = pairs.get(key)?.filter((r) => r.id !== target?.id) ?? NO_HOLDERS;
      const liveHolder = holders.find((r) => !r.deletedAt);
      if (liveHolder)
        return (outcomes[index] = fail(
          "CONFLICT",
          { field: "externalId", message: heldBy(holderOf(liveHolder)) },
          holderOf(liveHolder),
        ));
      const other = claimed.get(key);
      if (other !== undefined && other !== self)
        return (outcomes[index] = fail("CONFLICT", {
          field: "externalId",
          message: "The same external id twice in one batch",
        }));
      const trashed = holders.find((r) => r.deletedAt);
      if (!target && trashed && options.ifTrashedHolder === "ask")
        return (outcomes[index] = fail(
          "CONFLICT",
          { field: "externalId", message: heldBy(holderOf(trashed)) },
          holderOf(trashed),
        ));
      claimed.set(key, self);
    }
    if (target) {
      touched.add(target.id);
      const data: Prisma.RecordUpdateInput = { ...columns(values), updatedAt: now };
      if (values.attributes !== undefined) data.attributes = mergedAttributes(target.attributes, values.attributes);
      plans.push({ index, update: { id: target.id, data }, matchedBy });
    } else {
      plans.push({
        index,
        matchedBy,
        create: {
          name: values.name!,
          phoneNumber: values.phoneNumber ?? null,
          externalProvider: values.externalProvider ?? null,
          externalId: values.externalId ?? null,
          attributes: values.attributes ?? {},
        },
      });
    }
  });
  return { plans, outcomes };
}

/**
 * Texts of at most this many characters. V8 allocates a larger string straight into the old
 * generation, where it stays until a full collection, and the ORM copies a raw query's text and
 * parameters several times: one 150 KB payload per chunk grew an import's heap by 75 MB per
 * 100,000 rows.
 */
const PAYLOAD_CHARS = 48 * 1024;

/**
 * The new rows, sent as JSON texts of up to PAYLOAD_CHARS and answered with one each: per-row
 * arrays or per-row results cost the ORM's query compiler and the driver far more than the
 * insert itself.
 */
async function insertRecords(
  tx: Tx,
  actor: Actor,
  entityId: string,
  rows: NewRecord[],
  now: Date,
): Promise<{ id: string; recordNumber: string }[]> {
  const created: { id: string; recordNumber: string }[] = [];
  let slice: string[] = [];
  let chars = 0;
  const send = async () => {
    if (!slice.length) return;
    const values = `[${slice.join(",")}]`;
    slice = [];
    chars = 0;
    // Ids come from the database; the rows go in, and their numbers come out, in the order given.
    const [answer] = await tx.$queryRaw<{ created: string }[]>`
      WITH inserted AS (
        INSERT INTO "Record" (id, "workspaceId", "entityId", name, "phoneNumber", "externalProvider", "externalId",
                              attributes, "createdById", "ownerId", "createdAt", "updatedAt")
        SELECT gen_random_uuid()::text, ${actor.workspaceId}, ${entityId}, v->>0, v->>1, v->>2, v->>3, v->4,
               ${actor.userId}, ${actor.userId}, ${sqlTime(now)}, ${sqlTime(now)}
        FROM jsonb_array_elements(${values}::jsonb) WITH ORDINALITY AS t(v, i)
        ORDER BY i
        RETURNING id, "recordNumber")
      SELECT coalesce(json_agg(json_build_array(id, "recordNumber"::text) ORDER BY "recordNumber"), '[]')::text
             AS created
      FROM inserted`;
    for (const [id, recordNumber] of JSON.parse(answer!.created) as [string, string][])
      created.push({ id, recordNumber });
  };
  for (const r of rows) {
    const row = JSON.stringify([r.name, r.phoneNumber, r.externalProvider, r.externalId, r.attributes]);
    if (chars + row.length > PAYLOAD_CHARS) await send();
    slice.push(row);
    chars += row.length + 1;
  }
  await send();
  return created;
}

/**
 * Creates, updates and upserts records of one entity (MEMBER+). Each op gets an outcome in
 * request order; the valid ones are written in one transaction with one audit entry per kind
 * of change, and the entity's on-create automations fire for what was created.
 */
export async function writeRecords(
  actor: Actor,
  entityRef: string,
  ops: WriteOp[],
  options: WriteOptions,
  now: Date,
): Promise<{ entity: EntitySummary; outcomes: WriteOutcome[] }> {
  assertCan(actor, "records.write");
  const entity = await resolveEntity(actor, entityRef);
  try {
    return await transaction(async (tx) => {
      const fields = await declaredFields(entity.id, tx);
      const existing = await loadExisting(tx, actor.workspaceId, entity.id, ops);
      const { plans, outcomes } = plan(actor, entity, fields, ops, existing, options, now);
      const creates = plans.flatMap((p) => (p.create ? [p.create] : []));
      const created = await insertRecords(tx, actor, entity.id, creates, now);
      let next = 0; // the plans' creates, in order, are the rows inserted
      const updated: string[] = [];
      for (const p of plans) {
        if (p.create) {
          const { id, recordNumber } = created[next++]!;
          outcomes[p.index] = {
            ok: true,
            action: "created",
            record: { id, recordNumber, createdAt: now, updatedAt: now },
            ...(p.matchedBy !== undefined ? { matchedBy: p.matchedBy } : {}),
          };
        } else if (p.update) {
          const r = await tx.record.update({
            where: { id: p.update.id },
            data: p.update.data,
            select: { id: true, recordNumber: true, createdAt: true, updatedAt: true },
          });
          updated.push(r.id);
          outcomes[p.index] = {
            ok: true,
            action: "updated",
            record: { ...r, recordNumber: r.recordNumber.toString() },
            ...(p.matchedBy !== undefined ? { matchedBy: p.matchedBy } : {}),
          };
        }
      }
      const details = { ...(options.audit ?? {}) } as Prisma.InputJsonObject;
      if (created.length)
        await writeAudit(tx, actor, {
          action: "records.create",
          entityId: entity.id,
          targetIds: created.map((r) => r.id),
          details,
        });
      if (updated.length)
        await writeAudit(tx, actor, { action: "records.update", entityId: entity.id, targetIds: updated, details });
      if (options.fireAutomations && created.length)
        await fireOnCreate(
          tx,
          actor,
          created.map((r) => ({ id: r.id, entityId: entity.id })),
        );
      const result = { entity, outcomes: outcomes as WriteOutcome[] };
      await options.alsoInTransaction?.(tx, result.outcomes);
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    // Another writer took an external id between our check and our insert.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      (error.code === "P2002" || String(error.meta?.code) === "23505" || /unique constraint/i.test(error.message))
    )
      throw new AppError(
        "CONFLICT",
        "Another change took one of these external ids just now. Try again.",
        "externalId",
      );
    throw error;
  }
}
