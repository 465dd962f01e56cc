import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/", "/"],
    ["/caseload", "/caseload"],
    ["/cases/abc?tab=visits", "/cases/abc?tab=visits"],
    ["/cases/3f1c2a9e-1b2c-4d5e-8f90-123456789abc?tab=visits#latest", "/cases/3f1c2a9e-1b2c-4d5e-8f90-123456789abc?tab=visits#latest"],
    ["/search?q=O%27Brien%20Smith", "/search?q=O%27Brien%20Smith"],
    ["/kpis?period=custom&from=2025-04-01&to=2026-03-31", "/kpis?period=custom&from=2025-04-01&to=2026-03-31"],
    ["/search?q=a//b", "/search?q=a//b"],
    ["/teams/../caseload", "/caseload"],
  ])("keeps the page %j inside Continuum", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    // other origins, directly
    "//evil.example",
    "//evil.example/path",
    "///evil.example",
    "https://evil.example",
    "http://evil.example/",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "cases/abc",
    // backslashes, which browsers treat as slashes
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    // tab, newline and carriage return, which browsers strip ("/\t/evil" → "//evil")
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/\u0085/evil.example",
    // percent-encoded separators and controls in the path
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0D/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5C/evil.example",
    "/%5cevil.example",
    "/%E0%A4%A", // not decodable
    // dot segments that collapse to a protocol-relative path
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("refuses the exact address the review found, as the page receives it (decoded once)", () => {
    const received = new URLSearchParams("callbackUrl=%2F%09%2Fevil.example").get("callbackUrl");
    expect(received).toBe("/\t/evil.example");
    expect(safeCallbackUrl(received)).toBe("/");
    // without the check, the resolved URL would be another origin
    expect(new URL(received!, "http://x.invalid").href).toBe("http://evil.example/");
  });

  it("never returns something a browser would resolve to another origin", () => {
    const probes = ["/.//evil.example", "/\t/evil.example", "/%2F/evil.example", "/cases/abc?tab=visits", "//evil.example"];
    for (const probe of probes) {
      const result = safeCallbackUrl(probe);
      expect(new URL(result, "https://continuum.example").origin).toBe("https://continuum.example");
    }
  });

  it("falls back when there is nothing usable", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl("")).toBe("/");
    expect(safeCallbackUrl(["/caseload"])).toBe("/");
    expect(safeCallbackUrl(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeCallbackUrl("//evil.example", "/home")).toBe("/home");
  });
});
