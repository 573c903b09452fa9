import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';

/**
 * The ranges (ipaddr.js names) a fetch may reach once it has left the operator's own origin:
 * public unicast only. Everything else is refused: loopback, private (RFC 1918), link-local
 * (169.254/16, fe80::/10, cloud metadata), CGNAT (100.64/10), unique-local (fc00::/7),
 * unspecified, broadcast, multicast, reserved and documentation blocks, and the 6to4 and Teredo
 * tunnels whose embedded IPv4 address could be any of these. IPv4-mapped IPv6 addresses are judged
 * as the IPv4 address they carry.
 */
export const PUBLIC_RANGES: ReadonlySet<string> = new Set(['unicast']);

/** NAT64 (64:ff9b::/96, RFC 6052) carries a real IPv4 address in its last 32 bits: DNS64 networks reach every IPv4 host this way. */
const NAT64_RANGE = 'rfc6052';

/** The address's range when a fetch that left the operator's origin must not connect to it; null when it may. */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.process(address);
  let range = ip.range();
  if (range === NAT64_RANGE && ip.kind() === 'ipv6') {
    const bytes = ip.toByteArray().slice(-4);
    range = ipaddr.fromByteArray(bytes).range();
  }
  return PUBLIC_RANGES.has(range) ? null : range;
}

/** A connection refused because the address it would reach is not public; becomes FetchError 'blocked-address'. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(hostname === address ? `${address} is a ${range} address` : `${hostname} resolves to ${address}, a ${range} address`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** `dns.lookup`'s shape, as `net.connect` calls it; injectable so tests can resolve names at will. */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

const systemLookup: LookupFunction = (hostname, options, callback) =>
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => callback(err, addresses));

/**
 * A lookup that fails when any address of the name is not public. Checked on the addresses the
 * socket will then connect to, so a name that resolves differently a second time (DNS rebinding)
 * gains nothing.
 */
export function guardedLookup(lookup: LookupFunction = systemLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, []);
      const addresses = typeof found === 'string' ? [{ address: found, family: isIP(found) }] : found;
      for (const { address } of addresses) {
        const range = blockedRange(address);
        if (range) return callback(new BlockedAddressError(hostname, address, range), []);
      }
      const [first] = addresses;
      if (options.all) return callback(null, addresses);
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * undici's own connector, refusing non-public addresses at connect time: an IP literal is judged
 * as written (the socket does no lookup for it), a name by what it resolves to.
 */
export function guardedConnector(options: buildConnector.BuildOptions, lookup?: LookupFunction): buildConnector.connector {
  const connect = buildConnector({ ...options, lookup: guardedLookup(lookup) } as buildConnector.BuildOptions);
  return (opts, callback) => {
    const range = isIP(opts.hostname) ? blockedRange(opts.hostname) : null;
    if (range) {
      const err = new BlockedAddressError(opts.hostname, opts.hostname, range);
      process.nextTick(() => callback(err, null));
      return;
    }
    connect(opts, callback);
  };
}
