import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { rejectUnknownKeys, requireObject, requireWholeNumber } from './option-checks';

const PREFIX = 'service.beta.kubernetes.io/';

/** cloud-provider-azure's values when an annotation is absent. */
const DEFAULT_INTERVAL_SECONDS = 5;
const DEFAULT_NUMBER_OF_PROBES = 2;
/** Azure refuses a probe whose interval times its threshold reaches this many seconds. */
const PROBE_WINDOW_LIMIT_SECONDS = 120;

const REQUEST_PATH = /^\/[\x21-\x7e]*$/;
const MAX_PORT = 65535;

/**
 * The protocol an Azure load balancer health probe speaks to the nodes.
 */
export class HealthProbeProtocol {
  /** A TCP handshake: the port accepts connections. */
  public static readonly TCP = new HealthProbeProtocol('Tcp', false);

  /** An HTTP GET of the request path must answer 200. */
  public static readonly HTTP = new HealthProbeProtocol('Http', true);

  /** An HTTPS GET of the request path must answer 200 (the certificate is not verified). */
  public static readonly HTTPS = new HealthProbeProtocol('Https', true);

  private constructor(
    /** The annotation value, spelled as Azure spells the protocol. */
    public readonly value: string,
    /** Whether a request path means anything to this protocol. */
    public readonly usesRequestPath: boolean,
  ) {}
}

/**
 * Settings of a load balancer health probe. Every setting left out falls back: a port's settings to the
 * Service-wide ones, those to cloud-provider-azure's defaults.
 */
export interface HealthProbeSettings {
  /**
   * The probe protocol.
   *
   * @default - the port's `appProtocol` if it has one, else TCP
   */
  readonly protocol?: HealthProbeProtocol;

  /**
   * The path an HTTP or HTTPS probe requests; must start with '/'. Refused with TCP, which would ignore it.
   *
   * @default '/'
   */
  readonly requestPath?: string;

  /**
   * Seconds between probes, at least 5. Interval times `numberOfProbes` must stay below 120 seconds.
   *
   * @default 5
   */
  readonly intervalSeconds?: number;

  /**
   * Consecutive failures after which a node leaves the rotation, at least 2.
   *
   * @default 2
   */
  readonly numberOfProbes?: number;
}

/**
 * Health probe settings for one port of the Service (`service.beta.kubernetes.io/port_{port}_health-probe_*`).
 */
export interface PortHealthProbe extends HealthProbeSettings {
  /** The Service port (`spec.ports[].port`, not the target port) these settings apply to. */
  readonly port: number;

  /**
   * The node port to probe instead of the Service port's own node port, e.g. a separate health endpoint.
   *
   * @default - the node port of `port`
   */
  readonly probePort?: number;
}

/**
 * Health probe settings for a load-balanced Service: Service-wide settings plus overrides per port.
 */
export interface HealthProbeOptions extends HealthProbeSettings {
  /**
   * Overrides for single ports; each port must be one of the Service's TCP ports, listed once.
   *
   * @default - every port uses the Service-wide settings
   */
  readonly ports?: PortHealthProbe[];
}

const SETTING_KEYS = ['protocol', 'requestPath', 'intervalSeconds', 'numberOfProbes'] as const;
const OPTION_KEYS: readonly string[] = [...SETTING_KEYS, 'ports'];
const PORT_KEYS: readonly string[] = ['port', 'probePort', ...SETTING_KEYS];

/**
 * Validates health probe options and returns their annotations.
 *
 * @param scope the construct to blame in errors
 * @param field the options' name as the user wrote it, e.g. `loadBalancer.healthProbe`
 * @param options the options
 * @param servicePorts the Service's TCP ports (UDP and SCTP ports get no probe)
 */
export function healthProbeAnnotations(
  scope: IConstruct, field: string, options: HealthProbeOptions, servicePorts: readonly number[],
): Record<string, string> {
  const values = requireObject(scope, field, options);
  rejectUnknownKeys(scope, field, values, OPTION_KEYS, 'a health probe');
  const annotations: Record<string, string> = {};
  const overrides = options.ports ?? [];
  // A Service-wide request path also serves ports whose own protocol is HTTP or HTTPS.
  const pathUser = [options.protocol, ...(Array.isArray(overrides) ? overrides.map((entry) => entry?.protocol) : [])]
    .find((protocol) => protocol instanceof HealthProbeProtocol && protocol.usesRequestPath);
  const global = checkSettings(scope, field, options, pathUser);
  addSettings(annotations, global, (name) => `${PREFIX}azure-load-balancer-health-probe-${name}`);
  checkProbeWindow(scope, field, global.intervalSeconds, global.numberOfProbes);

  if (options.ports === undefined) return annotations;
  if (!Array.isArray(overrides) || overrides.length === 0) {
    reject(scope, `${field}.ports`, options.ports, 'must be a non-empty list of port overrides',
      'list at least one { port, ... }, or leave ports out');
  }
  const seen = new Set<number>();
  overrides.forEach((entry, index) => {
    const entryField = `${field}.ports[${index}]`;
    const values = requireObject(scope, entryField, entry);
    rejectUnknownKeys(scope, entryField, values, PORT_KEYS, 'a port health probe');
    if (!servicePorts.includes(entry.port)) {
      reject(scope, `${entryField}.port`, entry.port,
        `must be one of the service's TCP ports [${servicePorts.join(', ')}]`,
        'name the service port (not the target port) whose probe you want to change');
    }
    if (seen.has(entry.port)) {
      reject(scope, `${entryField}.port`, entry.port, 'is listed twice', 'merge the settings into one entry');
    }
    seen.add(entry.port);
    if (Object.entries(values).every(([name, value]) => name === 'port' || value === undefined)) {
      reject(scope, entryField, entry, 'sets nothing but the port',
        'add protocol, requestPath, intervalSeconds, numberOfProbes or probePort, or remove the entry');
    }
    const own = checkSettings(scope, entryField, entry, entry.protocol ?? options.protocol);
    const key = (name: string) => `${PREFIX}port_${entry.port}_health-probe_${name}`;
    addSettings(annotations, own, key);
    if (entry.probePort !== undefined) {
      requireWholeNumber(scope, `${entryField}.probePort`, entry.probePort, 1, MAX_PORT,
        'use the node port that serves the health endpoint');
      annotations[key('port')] = String(entry.probePort);
    }
    checkProbeWindow(scope, entryField, own.intervalSeconds ?? global.intervalSeconds,
      own.numberOfProbes ?? global.numberOfProbes);
  });
  return annotations;
}

interface CheckedSettings {
  readonly protocol?: HealthProbeProtocol;
  readonly requestPath?: string;
  readonly intervalSeconds?: number;
  readonly numberOfProbes?: number;
}

function checkSettings(
  scope: IConstruct, field: string, settings: HealthProbeSettings, effectiveProtocol: HealthProbeProtocol | undefined,
): CheckedSettings {
  const { protocol, requestPath, intervalSeconds, numberOfProbes } = settings;
  if (protocol !== undefined && !(protocol instanceof HealthProbeProtocol)) {
    reject(scope, `${field}.protocol`, protocol, 'must be a HealthProbeProtocol',
      'use HealthProbeProtocol.TCP, HealthProbeProtocol.HTTP or HealthProbeProtocol.HTTPS');
  }
  if (requestPath !== undefined) {
    if (typeof requestPath !== 'string' || !REQUEST_PATH.test(requestPath)) {
      reject(scope, `${field}.requestPath`, requestPath, 'must be a path starting with \'/\' without spaces',
        'write the path the probe requests, e.g. \'/minio/health/live\'');
    }
    if (effectiveProtocol === undefined || !effectiveProtocol.usesRequestPath) {
      reject(scope, `${field}.requestPath`, requestPath,
        'is ignored by cloud-provider-azure unless the probe protocol is HTTP or HTTPS',
        'set protocol to HealthProbeProtocol.HTTP or HealthProbeProtocol.HTTPS, or remove requestPath');
    }
  }
  if (intervalSeconds !== undefined) {
    requireWholeNumber(scope, `${field}.intervalSeconds`, intervalSeconds, DEFAULT_INTERVAL_SECONDS,
      Number.MAX_SAFE_INTEGER, 'Azure probes at most every 5 seconds');
  }
  if (numberOfProbes !== undefined) {
    requireWholeNumber(scope, `${field}.numberOfProbes`, numberOfProbes, DEFAULT_NUMBER_OF_PROBES,
      Number.MAX_SAFE_INTEGER, 'Azure needs at least 2 failed probes before taking a node out');
  }
  return { protocol, requestPath, intervalSeconds, numberOfProbes };
}

function addSettings(
  annotations: Record<string, string>, settings: CheckedSettings, key: (name: string) => string,
): void {
  if (settings.protocol !== undefined) annotations[key('protocol')] = settings.protocol.value;
  if (settings.requestPath !== undefined) annotations[key('request-path')] = settings.requestPath;
  if (settings.intervalSeconds !== undefined) annotations[key('interval')] = String(settings.intervalSeconds);
  if (settings.numberOfProbes !== undefined) annotations[key('num-of-probe')] = String(settings.numberOfProbes);
}

/** Azure refuses probes whose interval times threshold reaches 120 seconds; values left out take the defaults. */
function checkProbeWindow(scope: IConstruct, field: string, interval?: number, count?: number): void {
  const intervalSeconds = interval ?? DEFAULT_INTERVAL_SECONDS;
  const numberOfProbes = count ?? DEFAULT_NUMBER_OF_PROBES;
  const window = intervalSeconds * numberOfProbes;
  if (window >= PROBE_WINDOW_LIMIT_SECONDS) {
    reject(scope, field, { intervalSeconds, numberOfProbes },
      `probes for ${window} seconds (intervalSeconds x numberOfProbes, with values inherited from healthProbe or `
      + `the defaults of ${DEFAULT_INTERVAL_SECONDS} and ${DEFAULT_NUMBER_OF_PROBES}), `
      + `but Azure needs less than ${PROBE_WINDOW_LIMIT_SECONDS}`,
      'lower intervalSeconds or numberOfProbes');
  }
}
