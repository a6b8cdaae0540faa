import type { ErrorCode } from "@/lib/errors";

/** One id that was not applied, and why — partial success is a first-class result. */
export interface FailedId {
  id: string;
  code: ErrorCode;
  message: string;
  /** The record's name, where a door shows failures to people (the dashboard's bulk run). */
  name?: string;
}

export interface BulkResult {
  /** Ids applied, in request order. */
  succeeded: string[];
  failed: FailedId[];
}

export const failure = (id: string, code: ErrorCode, message: string): FailedId => ({ id, code, message });

export const NOT_FOUND_MESSAGE = "Record not found.";
