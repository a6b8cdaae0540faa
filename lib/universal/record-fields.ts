/** The record columns a segment condition (and an export) may name besides attribute keys, by their public name. */
export const RECORD_FIELDS = {
  name: "name",
  phone: "phoneNumber",
  externalId: "externalId",
  externalProvider: "externalProvider",
} as const;

export const RECORD_FIELD_NAMES = Object.keys(RECORD_FIELDS) as (keyof typeof RECORD_FIELDS)[];
