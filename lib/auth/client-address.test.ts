import { describe, expect, it } from "vitest";
import { appendSocketAddress, clientAddress, normaliseAddress, trustedProxyHops } from "./client-address";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("served directly (0 hops): the rightmost entry, which our server wrote from the socket, whatever the client put before it", () => {
    expect(clientAddress(xff("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(xff("203.0.113.66, 198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(xff("1.1.1.1, 2.2.2.2, 3.3.3.3, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("a spoofed leftmost entry never decides the address, so rotating it does not get round the throttle", () => {
    const seen = new Set<string | undefined>();
    for (let i = 1; i <= 20; i++) seen.add(clientAddress(xff(`10.0.0.${i}, 198.51.100.7`), 0));
    expect([...seen]).toEqual(["198.51.100.7"]);
    // nor can a client pin someone else's address (an office's) to lock it out
    expect(clientAddress(xff("192.0.2.10, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("behind N trusted proxies: the entry N places left of the rightmost", () => {
    // client 198.51.100.7 → proxy 10.0.0.5 (appends the client) → our server (appends the proxy)
    expect(clientAddress(xff("203.0.113.66, 198.51.100.7, 10.0.0.5"), 1)).toBe("198.51.100.7");
    // client → CDN 172.16.0.9 → load balancer 10.0.0.5 → our server
    expect(clientAddress(xff("203.0.113.66, 198.51.100.7, 172.16.0.9, 10.0.0.5"), 2)).toBe("198.51.100.7");
    expect(clientAddress(xff("203.0.113.66, 198.51.100.7, 172.16.0.9, 10.0.0.5"), 0)).toBe("10.0.0.5");
  });

  it("a list shorter than the hops configured gives its leftmost entry", () => {
    expect(clientAddress(xff("198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("198.51.100.7, 10.0.0.5"), 3)).toBe("198.51.100.7");
  });

  it("IPv6: plain, bracketed with a port, IPv4-mapped and with a zone", () => {
    expect(clientAddress(xff("203.0.113.66, 2001:DB8::1"), 0)).toBe("2001:db8::1");
    expect(clientAddress(xff("2001:db8::1, ::1"), 0)).toBe("::1");
    expect(clientAddress(xff("[2001:db8::2]:4711, 10.0.0.5"), 1)).toBe("2001:db8::2");
    expect(clientAddress(xff("::ffff:198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(xff("fe80::1%eth0"), 0)).toBe("fe80::1");
  });

  it("IPv4 with a port", () => {
    expect(clientAddress(xff("198.51.100.7:51234, 10.0.0.5"), 1)).toBe("198.51.100.7");
  });

  it("no header, an empty one or a chosen entry that is no address: undefined", () => {
    expect(clientAddress(new Headers(), 0)).toBeUndefined();
    expect(clientAddress(undefined, 0)).toBeUndefined();
    expect(clientAddress(null, 0)).toBeUndefined();
    expect(clientAddress(xff(""), 0)).toBeUndefined();
    expect(clientAddress(xff(" , "), 0)).toBeUndefined();
    expect(clientAddress(xff("198.51.100.7, unknown"), 0)).toBeUndefined();
    expect(clientAddress(xff("198.51.100.7, <script>"), 0)).toBeUndefined();
  });

  it("reads next-auth's plain header object and Node's arrays as well as Headers", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.66, 198.51.100.7" }, 0)).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": ["203.0.113.66", "198.51.100.7"] }, 0)).toBe("198.51.100.7");
    expect(clientAddress({ host: "localhost" }, 0)).toBeUndefined();
    expect(clientAddress({ "x-forwarded-for": 42 }, 0)).toBeUndefined();
  });

  it("takes TRUSTED_PROXY_HOPS when no count is given", () => {
    const before = process.env.TRUSTED_PROXY_HOPS;
    try {
      process.env.TRUSTED_PROXY_HOPS = "1";
      expect(clientAddress(xff("203.0.113.66, 198.51.100.7, 10.0.0.5"))).toBe("198.51.100.7");
      delete process.env.TRUSTED_PROXY_HOPS;
      expect(clientAddress(xff("203.0.113.66, 198.51.100.7, 10.0.0.5"))).toBe("10.0.0.5");
    } finally {
      if (before === undefined) delete process.env.TRUSTED_PROXY_HOPS;
      else process.env.TRUSTED_PROXY_HOPS = before;
    }
  });
});

describe("trustedProxyHops", () => {
  it("defaults to 0 (npm start serves the app directly) and reads whole numbers", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops(" 2 ")).toBe(2);
  });

  it("refuses what makes no sense, naming the variable", () => {
    for (const bad of ["-1", "1.5", "two", "11", "true"]) expect(() => trustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("appendSocketAddress (what our server does before Next sees the request)", () => {
  it("appends the socket's address to what the client sent, so the rightmost entry is the socket's", () => {
    expect(appendSocketAddress(undefined, "::1")).toBe("::1");
    expect(appendSocketAddress("", "198.51.100.7")).toBe("198.51.100.7");
    expect(appendSocketAddress("203.0.113.66", "198.51.100.7")).toBe("203.0.113.66, 198.51.100.7");
    expect(appendSocketAddress(["203.0.113.66", "192.0.2.1"], "198.51.100.7")).toBe("203.0.113.66, 192.0.2.1, 198.51.100.7");
    expect(clientAddress(xff(appendSocketAddress("203.0.113.66", "::ffff:198.51.100.7")!), 0)).toBe("198.51.100.7");
  });

  it("without a socket address keeps nothing the client said", () => {
    expect(appendSocketAddress("203.0.113.66", undefined)).toBeUndefined();
  });
});

describe("normaliseAddress", () => {
  it("keeps only IP addresses", () => {
    expect(normaliseAddress(" 198.51.100.7 ")).toBe("198.51.100.7");
    expect(normaliseAddress('"[2001:db8::1]:80"')).toBe("2001:db8::1");
    expect(normaliseAddress("evil.example")).toBeUndefined();
    expect(normaliseAddress("999.1.1.1")).toBeUndefined();
  });
});
