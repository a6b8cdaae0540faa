import { describe, expect, it } from "vitest";
import { isPrivateAddress, privateAllowed, webhookUrlProblem } from "./address";

describe("webhook URLs: http(s) only, public addresses unless the operator allows private ones", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "224.0.0.1",
    "not-an-ip",
  ])("%s is private", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it("refuses other schemes, credentials and private hosts by default; allows them only when told", () => {
    expect(webhookUrlProblem("https://hooks.example.com/trash", false)).toBeNull();
    expect(webhookUrlProblem("ftp://hooks.example.com/", false)).toMatch(/Only http and https/);
    expect(webhookUrlProblem("file:///etc/passwd", false)).toMatch(/Only http and https/);
    expect(webhookUrlProblem("hooks.example.com", false)).toMatch(/full URL/);
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/", false)).toMatch(/no user name/);
    for (const url of [
      "http://127.0.0.1:8080/x",
      "http://localhost/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest/meta-data",
      "http://intranet/x",
      "http://api.localhost/x",
    ]) {
      expect(webhookUrlProblem(url, false), url).toMatch(/not on the public internet/);
      expect(webhookUrlProblem(url, true), url).toBeNull();
    }
    expect(privateAllowed({})).toBe(false);
    expect(privateAllowed({ WEBHOOK_ALLOW_PRIVATE: "true" })).toBe(false);
    expect(privateAllowed({ WEBHOOK_ALLOW_PRIVATE: "1" })).toBe(true);
  });
});
