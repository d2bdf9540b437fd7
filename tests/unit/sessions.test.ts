import { describe, expect, it } from "vitest";
import { approximateAddress, describeDevice, sessionNeedsTouch, SESSION_TOUCH_INTERVAL_MS } from "~/domain/sessions";

describe("when a session's last use is written", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  it("writes a session never touched, and one last used a minute or more ago", () => {
    expect(sessionNeedsTouch(null, now)).toBe(true);
    expect(sessionNeedsTouch(new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS), now)).toBe(true);
  });
  it("leaves one used within the minute alone", () => {
    expect(sessionNeedsTouch(new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS + 1), now)).toBe(false);
    expect(sessionNeedsTouch(now, now)).toBe(false);
  });
});

describe("what a user agent says about the device", () => {
  it("names browser, system and kind of device", () => {
    expect(
      describeDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"),
    ).toEqual({ browser: "Safari 17", os: "iOS 17.4", type: "mobile" });
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36")).toEqual({
      browser: "Chrome 156",
      os: "Windows 10",
      type: "desktop",
    });
  });
  it("says nothing it does not know, for an empty or odd user agent", () => {
    expect(describeDevice(null)).toEqual({ browser: null, os: null, type: "other" });
    expect(describeDevice("   ")).toEqual({ browser: null, os: null, type: "other" });
    expect(describeDevice("curl/8.5.0").type).toBe("other");
  });
});

describe("how much of an address a session list shows", () => {
  it("shows the network of a public IPv4 address, not the machine", () => {
    expect(approximateAddress("193.69.12.201")).toEqual({ kind: "network", network: "193.69.12.0/24" });
    expect(approximateAddress("::ffff:193.69.12.201")).toEqual({ kind: "network", network: "193.69.12.0/24" });
  });
  it("shows the /48 of a public IPv6 address", () => {
    expect(approximateAddress("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toEqual({ kind: "network", network: "2001:db8:85a3::/48" });
    expect(approximateAddress("2a01:79d::1")).toEqual({ kind: "network", network: "2a01:79d:0::/48" });
  });
  it("calls loopback local and private ranges private", () => {
    expect(approximateAddress("127.0.0.1")).toEqual({ kind: "local" });
    expect(approximateAddress("::1")).toEqual({ kind: "local" });
    for (const ip of ["10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.20", "fd00::1", "fe80::1%eth0"]) expect(approximateAddress(ip)).toEqual({ kind: "private" });
    expect(approximateAddress("172.32.0.1").kind).toBe("network");
  });
  it("admits not knowing rather than guessing", () => {
    for (const ip of [null, "", "999.1.1.1", "not an address", "1:2:3", "1::2::3"]) expect(approximateAddress(ip)).toEqual({ kind: "unknown" });
  });
});
