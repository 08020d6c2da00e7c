import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { HealthProbeOptions, HealthProbeProtocol, healthProbeAnnotations } from '../../lib/network/health-probe';

const P = 'service.beta.kubernetes.io/';

function render(options: HealthProbeOptions, ports = [443, 9443]) {
  return healthProbeAnnotations(new Construct(Testing.chart(), 'Minio'), 'loadBalancer.healthProbe', options, ports);
}

function untyped<T>(value: object): T {
  return value as T;
}

describe('health probe annotations', () => {
  test('writes Service-wide and per-port keys in the forms cloud-provider-azure reads', () => {
    expect(render({
      protocol: HealthProbeProtocol.HTTP,
      requestPath: '/minio/health/live',
      intervalSeconds: 5,
      numberOfProbes: 2,
      ports: [{ port: 9443, protocol: HealthProbeProtocol.HTTPS, requestPath: '/', intervalSeconds: 15,
        numberOfProbes: 7, probePort: 31000 }],
    })).toEqual({
      [`${P}azure-load-balancer-health-probe-interval`]: '5',
      [`${P}azure-load-balancer-health-probe-num-of-probe`]: '2',
      [`${P}azure-load-balancer-health-probe-protocol`]: 'Http',
      [`${P}azure-load-balancer-health-probe-request-path`]: '/minio/health/live',
      [`${P}port_9443_health-probe_interval`]: '15',
      [`${P}port_9443_health-probe_num-of-probe`]: '7',
      [`${P}port_9443_health-probe_port`]: '31000',
      [`${P}port_9443_health-probe_protocol`]: 'Https',
      [`${P}port_9443_health-probe_request-path`]: '/',
    });
  });

  test('lets a port inherit the Service-wide protocol for its request path', () => {
    expect(render({ protocol: HealthProbeProtocol.HTTPS, ports: [{ port: 443, requestPath: '/ready' }] }))
      .toHaveProperty([`${P}port_443_health-probe_request-path`], '/ready');
  });

  test('accepts a Service-wide request path used by a port that speaks HTTP', () => {
    expect(render({ requestPath: '/live', ports: [{ port: 443, protocol: HealthProbeProtocol.HTTPS }] }))
      .toHaveProperty([`${P}azure-load-balancer-health-probe-request-path`], '/live');
  });

  test('rejects a request path without an HTTP protocol', () => {
    expect(() => render({ requestPath: '/live' }))
      .toThrow(/loadBalancer\.healthProbe\.requestPath is ignored by cloud-provider-azure unless the probe protocol is HTTP or HTTPS \(received '\/live'\)/);
  });

  test('rejects a request path with the TCP protocol', () => {
    expect(() => render({ protocol: HealthProbeProtocol.TCP, requestPath: '/live' }))
      .toThrow(/loadBalancer\.healthProbe\.requestPath is ignored by cloud-provider-azure/);
  });

  test('rejects a per-port request path when the port probes over TCP', () => {
    expect(() => render({ protocol: HealthProbeProtocol.HTTP,
      ports: [{ port: 443, protocol: HealthProbeProtocol.TCP, requestPath: '/live' }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\]\.requestPath is ignored by cloud-provider-azure/);
  });

  test('rejects a request path that does not start with a slash', () => {
    expect(() => render({ protocol: HealthProbeProtocol.HTTP, requestPath: 'minio/health/live' }))
      .toThrow(/loadBalancer\.healthProbe\.requestPath must be a path starting with '\/' without spaces \(received 'minio\/health\/live'\)/);
  });

  test('rejects a request path with spaces', () => {
    expect(() => render({ protocol: HealthProbeProtocol.HTTP, requestPath: '/minio health' }))
      .toThrow(/loadBalancer\.healthProbe\.requestPath must be a path starting with '\/'/);
  });

  test('rejects a protocol given as text', () => {
    expect(() => render(untyped({ protocol: 'Http' })))
      .toThrow(/loadBalancer\.healthProbe\.protocol must be a HealthProbeProtocol \(received 'Http'\): use HealthProbeProtocol\.TCP/);
  });

  test('rejects an interval below 5 seconds', () => {
    expect(() => render({ intervalSeconds: 4 }))
      .toThrow(/loadBalancer\.healthProbe\.intervalSeconds must be a whole number at least 5 \(received 4\)/);
  });

  test('rejects fewer than 2 probes', () => {
    expect(() => render({ numberOfProbes: 1 }))
      .toThrow(/loadBalancer\.healthProbe\.numberOfProbes must be a whole number at least 2 \(received 1\)/);
  });

  test('rejects a probe window of 120 seconds', () => {
    expect(() => render({ intervalSeconds: 30, numberOfProbes: 4 }))
      .toThrow(/loadBalancer\.healthProbe probes for 120 seconds .* but Azure needs less than 120 \(received \{"intervalSeconds":30,"numberOfProbes":4\}\)/);
  });

  test('counts the default number of probes in the window', () => {
    expect(() => render({ intervalSeconds: 60 }))
      .toThrow(/loadBalancer\.healthProbe probes for 120 seconds .*\(received \{"intervalSeconds":60,"numberOfProbes":2\}\)/);
  });

  test('accepts a window just below the limit', () => {
    expect(render({ intervalSeconds: 17, numberOfProbes: 7 })).toHaveProperty(
      [`${P}azure-load-balancer-health-probe-interval`], '17');
  });

  test('rejects a per-port window that inherits the Service-wide interval', () => {
    expect(() => render({ intervalSeconds: 20, ports: [{ port: 443, numberOfProbes: 6 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\] probes for 120 seconds .*\(received \{"intervalSeconds":20,"numberOfProbes":6\}\)/);
  });

  test('rejects a per-port interval below 5 seconds', () => {
    expect(() => render({ ports: [{ port: 443, intervalSeconds: 2 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\]\.intervalSeconds must be a whole number at least 5 \(received 2\)/);
  });

  test('rejects a per-port number of probes below 2', () => {
    expect(() => render({ ports: [{ port: 443, numberOfProbes: 0 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\]\.numberOfProbes must be a whole number at least 2 \(received 0\)/);
  });

  test('rejects a port the Service does not have', () => {
    expect(() => render({ ports: [{ port: 9000, intervalSeconds: 10 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\]\.port must be one of the service's TCP ports \[443, 9443\] \(received 9000\): name the service port \(not the target port\)/);
  });

  test('rejects a port listed twice', () => {
    expect(() => render({ ports: [{ port: 443, intervalSeconds: 10 }, { port: 443, numberOfProbes: 3 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[1\]\.port is listed twice \(received 443\)/);
  });

  test('rejects a port entry that sets nothing', () => {
    expect(() => render({ ports: [{ port: 443 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\] sets nothing but the port \(received \{"port":443\}\)/);
  });

  test('rejects an empty list of port overrides', () => {
    expect(() => render({ ports: [] }))
      .toThrow(/loadBalancer\.healthProbe\.ports must be a non-empty list of port overrides \(received \[\]\)/);
  });

  test('rejects a probe port out of range', () => {
    expect(() => render({ ports: [{ port: 443, probePort: 70000 }] }))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\]\.probePort must be a whole number from 1 to 65535 \(received 70000\)/);
  });

  test('rejects an unknown option', () => {
    expect(() => render(untyped({ path: '/live' })))
      .toThrow(/loadBalancer\.healthProbe\.path is not an option of a health probe \(received '\/live'\)/);
  });

  test('rejects an unknown per-port option', () => {
    expect(() => render(untyped({ ports: [{ port: 443, interval: 10 }] })))
      .toThrow(/loadBalancer\.healthProbe\.ports\[0\]\.interval is not an option of a port health probe \(received 10\)/);
  });
});
