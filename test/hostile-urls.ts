// Hostile URL shapes shared by the hardening suite (lib/hardening/): the unit tests, the HTTP
// tests and the hostile-input corpus read the same lists.

/** Callback URLs that a browser would resolve to another origin (issue 26 #4). */
export const REDIRECT_SHAPES = [
  "/.//evil.example",
  "/records/../..//evil.example",
  "/%2e//evil.example",
  "/x/%2e%2e//evil.example/path",
  "/./%2f/evil.example",
  "/%2E%2E//evil.example",
  "/a/..//evil.example",
  "/.%2f/evil.example",
];

/** Malformed percent-encoding (invalid bytes, overlong UTF-8, truncated escapes) and an encoded NUL. */
export const BAD_ENCODINGS = ["%FF", "%C0%AF", "%E0%A4%A", "%", "%zz", "%00"];
