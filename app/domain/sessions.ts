import Bowser from "bowser";
import { LAST_USE_INTERVAL_MS, lastUseNeedsWrite } from "./last-use";

/**
 * Sessions a person can see and end (issue 21). Pure rules: when a session's last use is
 * written, what a user agent says about the device, and how much of an address a page shows.
 */

/** A session's last use is written at most this often, so a page view costs no write most of the time. */
export const SESSION_TOUCH_INTERVAL_MS = LAST_USE_INTERVAL_MS;
export const sessionNeedsTouch = lastUseNeedsWrite;

export const DEVICE_TYPES = ["desktop", "mobile", "tablet", "other"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export interface Device {
  /** "Chrome 156", or null when the user agent names none. */
  browser: string | null;
  /** "Windows 10", "iOS 17.4", or null. */
  os: string | null;
  type: DeviceType;
}

const major = (version: string | undefined) => version?.split(".")[0];

/** What a user agent string says about the device, as a person would name it. */
export function describeDevice(userAgent: string | null | undefined): Device {
  const ua = userAgent?.trim();
  if (!ua) return { browser: null, os: null, type: "other" };
  const parsed = Bowser.parse(ua);
  const browser = parsed.browser.name ? [parsed.browser.name, major(parsed.browser.version)].filter(Boolean).join(" ") : null;
  const osVersion = parsed.os.versionName ?? parsed.os.version;
  const os = parsed.os.name ? [parsed.os.name, osVersion].filter(Boolean).join(" ") : null;
  const type = (DEVICE_TYPES as readonly string[]).includes(parsed.platform.type ?? "") ? (parsed.platform.type as DeviceType) : "other";
  return { browser, os, type };
}

/**
 * How much of an address a session list shows: the network, not the machine (the portal keeps
 * no location database, and the person reading it only needs to tell "my office" from "not me").
 * IPv4 keeps its first three parts (a /24), IPv6 its first three groups (a /48).
 */
export type ApproximateAddress = { kind: "unknown" } | { kind: "local" } | { kind: "private" } | { kind: "network"; network: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Address(parts: number[]): ApproximateAddress {
  const [a, b] = parts as [number, number, number, number];
  if (a === 127) return { kind: "local" };
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return { kind: "private" };
  return { kind: "network", network: `${parts.slice(0, 3).join(".")}.0/24` };
}

function expandIpv6(address: string): number[] | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return all.map((group) => parseInt(group, 16));
}

export function approximateAddress(ip: string | null | undefined): ApproximateAddress {
  const address = ip?.trim().toLowerCase().replace(/%.*$/, "");
  if (!address) return { kind: "unknown" };
  const mapped = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  const v4 = IPV4.exec(mapped);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    return parts.every((part) => part <= 255) ? ipv4Address(parts) : { kind: "unknown" };
  }
  const groups = expandIpv6(address);
  if (!groups) return { kind: "unknown" };
  if (groups.every((group, i) => group === (i === 7 ? 1 : 0))) return { kind: "local" };
  const first = groups[0]!;
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return { kind: "private" };
  return { kind: "network", network: `${groups.slice(0, 3).map((g) => g.toString(16)).join(":")}::/48` };
}
