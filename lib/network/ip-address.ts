/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  /** 4 or 6. */
  readonly family: 4 | 6;
  /** The address in network order. */
  readonly bytes: readonly number[];
}

/** A network in CIDR notation. */
export interface IpNetwork {
  /** The first address of the network as written. */
  readonly address: IpAddress;
  /** The prefix length. */
  readonly bits: number;
}

const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const PREFIX_LENGTH = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parses a dotted-quad IPv4 address. Leading zeros are refused, as Go's `net/netip` refuses them, because some
 * parsers read them as octal.
 */
export function parseIpv4(text: string): IpAddress | undefined {
  if (typeof text !== 'string' || !IPV4.test(text)) return undefined;
  return { family: 4, bytes: text.split('.').map(Number) };
}

/** Parses an IPv6 address, with an optional dotted IPv4 tail; zones (`%eth0`) are refused. */
export function parseIpv6(text: string): IpAddress | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  const head = groupsOf(halves[0], !compressed);
  const tail = compressed ? groupsOf(halves[1], true) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (!compressed && head.length !== 16) return undefined;
  if (compressed && head.length + tail.length > 14) return undefined;
  const zeros = new Array<number>(16 - head.length - tail.length).fill(0);
  return { family: 6, bytes: [...head, ...zeros, ...tail] };
}

/** Parses an IPv4 or IPv6 address. */
export function parseIp(text: string): IpAddress | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** Parses `address/bits`; the address may still have host bits set (see {@link hasHostBits}). */
export function parseCidr(text: string): IpNetwork | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split('/');
  if (parts.length !== 2 || !PREFIX_LENGTH.test(parts[1])) return undefined;
  const address = parseIp(parts[0]);
  const bits = Number(parts[1]);
  if (address === undefined || bits > address.bytes.length * 8) return undefined;
  return { address, bits };
}

/** Whether bits after the prefix length are set, e.g. `10.0.0.1/8`. */
export function hasHostBits(network: IpNetwork): boolean {
  return network.address.bytes.some((byte, index) => {
    const kept = Math.max(0, Math.min(8, network.bits - index * 8));
    return (byte & (0xff >> kept)) !== 0;
  });
}

/** The network written without host bits, e.g. `10.0.0.0/8` for `10.0.0.1/8`. */
export function maskedCidr(network: IpNetwork): string {
  const bytes = network.address.bytes.map((byte, index) => {
    const kept = Math.max(0, Math.min(8, network.bits - index * 8));
    return byte & (0xff << (8 - kept)) & 0xff;
  });
  return `${formatIp({ family: network.address.family, bytes })}/${network.bits}`;
}

/** Whether `address` lies in `network`. */
export function contains(network: IpNetwork, address: IpAddress): boolean {
  if (network.address.family !== address.family) return false;
  return address.bytes.every((byte, index) => {
    const kept = Math.max(0, Math.min(8, network.bits - index * 8));
    const mask = (0xff << (8 - kept)) & 0xff;
    return (byte & mask) === (network.address.bytes[index] & mask);
  });
}

/** Whether `address` is an IPv6 address that embeds an IPv4 one (`::ffff:a.b.c.d`). */
export function isIpv4Mapped(address: IpAddress): boolean {
  return address.family === 6
    && address.bytes.slice(0, 10).every((byte) => byte === 0)
    && address.bytes[10] === 0xff && address.bytes[11] === 0xff;
}

/** Formats an address: dotted IPv4, or IPv6 with the longest run of two or more zero groups written as '::'. */
export function formatIp(address: IpAddress): string {
  if (address.family === 4) return address.bytes.join('.');
  const groups: number[] = [];
  for (let index = 0; index < 16; index += 2) {
    groups.push((address.bytes[index] << 8) | address.bytes[index + 1]);
  }
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (start + length < groups.length && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = (part: number[]) => part.map((group) => group.toString(16)).join(':');
  if (best.start < 0) return hex(groups);
  return `${hex(groups.slice(0, best.start))}::${hex(groups.slice(best.start + best.length))}`;
}

/** Bytes of colon-separated hex groups; only the last part of an address may end in a dotted IPv4 address. */
function groupsOf(text: string, ipv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const bytes: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (ipv4Tail && index === groups.length - 1 && group.includes('.')) {
      const ipv4 = parseIpv4(group);
      if (ipv4 === undefined) return undefined;
      bytes.push(...ipv4.bytes);
    } else if (HEX_GROUP.test(group)) {
      const value = parseInt(group, 16);
      bytes.push(value >> 8, value & 0xff);
    } else {
      return undefined;
    }
  }
  return bytes;
}
