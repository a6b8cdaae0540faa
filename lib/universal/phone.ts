// Phone numbers as every door stores and matches them: E.164 (a + and 7–15 digits). Pure, so
// the dialog checks a number as the server will before it is sent.

/** A number with its spaces, dashes, dots, slashes and brackets taken out; `00` becomes `+`. */
export function normalizePhone(text: string): string {
  return text.replace(/[\s()./-]/g, "").replace(/^00(?=[1-9])/, "+");
}

/** The number in E.164, or null when it is not an international number. */
export function toE164(text: string): string | null {
  const phone = normalizePhone(text.trim());
  return /^\+[1-9]\d{6,14}$/.test(phone) ? phone : null;
}

export const PHONE_HINT = "Give the number in international form, e.g. +49 30 1234567.";
