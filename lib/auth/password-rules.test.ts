import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation";
import { newPasswordSchema, PASSWORD_TOO_COMMON } from "./password-rules";

describe("#17 passwords: 10–128 characters, common ones refused", () => {
  it.each(["password12", "1234567890", "qwertyuiop", "iloveyou12", "letmein2024", "aaaaaaaaaaaa"])(
    "refuses the common %s",
    (password) => {
      expect(() => parseInput(newPasswordSchema, password)).toThrow(PASSWORD_TOO_COMMON);
    },
  );

  it("refuses 9 and 129 characters, accepts 10 and 128 when hard to guess", () => {
    expect(() => parseInput(newPasswordSchema, "Zq8#vP2!m")).toThrow(/At least 10 characters/);
    expect(parseInput(newPasswordSchema, "Zq8#vP2!mK")).toBe("Zq8#vP2!mK");
    const long = "Zq8#vP2!mK".repeat(13);
    expect(() => parseInput(newPasswordSchema, `${long}`.slice(0, 129))).toThrow(/At most 128 characters/);
    expect(parseInput(newPasswordSchema, long.slice(0, 128))).toHaveLength(128);
  });

  it("accepts a passphrase of unrelated words", () => {
    expect(parseInput(newPasswordSchema, "copper lantern orbit")).toBe("copper lantern orbit");
  });
});
