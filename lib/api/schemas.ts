import { z } from "zod";

// Pieces of request and response schemas several dialects share.

/** A record number as it leaves the server: a JSON integer (a bigint in code, never rounded). */
export const recordNumberOut = z.bigint().describe("The record's numeric id");

/** A record as given in a path or list: its string id or its number, written in digits. */
export const recordRefSchema = z
  .string()
  .trim()
  .min(1, "A record id cannot be empty")
  .max(64, "A record id is at most 64 characters");

export const entityRefSchema = z
  .string()
  .trim()
  .min(1, "Name the entity by its id or slug")
  .max(64, "At most 64 characters");

/** The record number of an outcome, as a bigint for the response (digits in the domain). */
export const asRecordNumber = (digits: string) => BigInt(digits);

/** The fields of a record every dialect's answer names the same way. */
export const recordFieldsOut = {
  recordNumber: recordNumberOut,
  name: z.string(),
  phoneNumber: z.string().nullable(),
  externalProvider: z.string().nullable(),
  externalId: z.string().nullable(),
};
