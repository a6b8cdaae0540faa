import { z } from "zod";
import { checkAttributes, isBlank, type DeclaredField } from "@/lib/universal/fields";
import { PHONE_HINT, toE164 } from "@/lib/universal/phone";
import { recordIdSchema } from "./schemas";

// What a write may say about a record, as every door parses it (dialog, edit, import, API), and
// the check of those values against the entity's declared fields.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v));

export const recordValuesShape = {
  name: z.string().trim().min(1, "Give the record a name").max(200, "At most 200 characters"),
  phoneNumber: optionalText(40),
  externalProvider: optionalText(64),
  externalId: optionalText(128),
  attributes: z.record(z.string().max(64), z.unknown()).optional(),
};

/** The values of one record write; `undefined` leaves a column as it is, `null` clears it. */
export interface RecordValues {
  name?: string;
  phoneNumber?: string | null;
  externalProvider?: string | null;
  externalId?: string | null;
  attributes?: Record<string, unknown>;
}

export const createRecordSchema = z.object({
  entity: z.string().trim().min(1).max(64),
  ...recordValuesShape,
  /** "ask": an external id held by a trashed record is answered with that record instead of a create. */
  ifTrashedHolder: z.enum(["ask", "create"]).default("ask"),
});
export type CreateRecordInput = z.output<typeof createRecordSchema>;

export const updateRecordSchema = z.object({
  id: recordIdSchema,
  ...recordValuesShape,
  name: recordValuesShape.name.optional(),
});
export type UpdateRecordInput = z.output<typeof updateRecordSchema>;

export const addNoteSchema = z.object({
  id: recordIdSchema,
  body: z.string().trim().min(1, "Write something first").max(5000, "At most 5,000 characters"),
});
export type AddNoteInput = z.output<typeof addNoteSchema>;

export interface WriteIssue {
  field: string;
  message: string;
}

/** Values checked and normalised: phone in E.164, attributes typed by their fields. */
export type CheckedValues = RecordValues;

/**
 * Checks one write's values. `partial` (an update, or an upsert before it is known to create):
 * only what is given is checked. Returns the normalised values or the first issue, by field.
 */
export function checkValues(
  fields: DeclaredField[],
  values: RecordValues,
  { partial }: { partial: boolean },
): { ok: true; values: CheckedValues } | { ok: false; issue: WriteIssue } {
  const out: CheckedValues = { ...values };
  if (!partial && isBlank(values.name))
    return { ok: false, issue: { field: "name", message: "Give the record a name" } };
  if (values.phoneNumber) {
    const phone = toE164(values.phoneNumber);
    if (!phone) return { ok: false, issue: { field: "phoneNumber", message: PHONE_HINT } };
    out.phoneNumber = phone;
  }
  if (values.attributes !== undefined || !partial) {
    const checked = checkAttributes(fields, values.attributes ?? {}, { partial });
    if (!checked.ok)
      return { ok: false, issue: { field: `attributes.${checked.issue.field}`, message: checked.issue.message } };
    out.attributes = checked.values;
  }
  return { ok: true, values: out };
}

/** The external id pair a record will hold after the write, or null; a lone half is an issue. */
export function externalPair(
  values: CheckedValues,
  current?: { externalProvider: string | null; externalId: string | null },
): { ok: true; pair: { provider: string; id: string } | null } | { ok: false; issue: WriteIssue } {
  const provider =
    values.externalProvider !== undefined ? values.externalProvider : (current?.externalProvider ?? null);
  const id = values.externalId !== undefined ? values.externalId : (current?.externalId ?? null);
  if (id && !provider)
    return { ok: false, issue: { field: "externalProvider", message: "Give the provider the external id comes from" } };
  if (provider && !id) return { ok: false, issue: { field: "externalId", message: "Give the external id" } };
  return { ok: true, pair: provider && id ? { provider, id } : null };
}
