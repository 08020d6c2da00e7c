import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Schema, validateValue } from './json-schema';
import { schemaContext } from './schema-index';
import { expectValidManifests, validateManifests } from './strict-validator';

type Manifest = Record<string, any>;

function deployment(): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'apps', labels: { 'app.kubernetes.io/name': 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{
            name: 'web',
            image: 'nginx:1.27.3',
            ports: [{ containerPort: 8080 }],
            resources: { requests: { cpu: '100m', memory: 64 }, limits: { memory: '128Mi' } },
          }],
        },
      },
    },
  };
}

function tenant(): Manifest {
  return {
    apiVersion: 'minio.min.io/v2',
    kind: 'Tenant',
    metadata: { name: 'storage', namespace: 'minio' },
    spec: {
      configuration: { name: 'storage-env' },
      pools: [{
        name: 'pool-0',
        servers: 4,
        volumesPerServer: 4,
        volumeClaimTemplate: {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Ti' } } },
        },
      }],
    },
  };
}

function certificate(): Manifest {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'storage-tls', namespace: 'minio' },
    spec: { secretName: 'storage-tls', issuerRef: { name: 'ca', kind: 'Issuer' }, privateKey: { algorithm: 'ECDSA' } },
  };
}

/** The errors for one manifest after `change` has been applied to it. */
function errorsAfter(base: () => Manifest, change: (m: Manifest) => void): string[] {
  const manifest = base();
  change(manifest);
  return validateManifests([manifest]);
}

describe('valid manifests', () => {
  test('a minimal Deployment has no errors', () => {
    expect(validateManifests([deployment()])).toEqual([]);
  });

  test('a minimal Tenant has no errors', () => {
    expect(validateManifests([tenant()])).toEqual([]);
  });

  test('what cdk8s-plus-28 synthesizes has no errors', () => {
    const chart = Testing.chart();
    const namespace = new kplus.Namespace(chart, 'namespace', { metadata: { name: 'apps' } });
    const serviceAccount = new kplus.ServiceAccount(chart, 'account', { metadata: { name: 'web' }, automountToken: false });
    const config = new kplus.ConfigMap(chart, 'config', { metadata: { name: 'web-config' }, data: { 'app.conf': 'a=1' } });
    const web = new kplus.Deployment(chart, 'web', {
      metadata: { name: 'web', namespace: namespace.name },
      replicas: 2,
      serviceAccount,
      containers: [{
        name: 'web',
        image: 'nginx:1.27.3',
        portNumber: 8080,
        envVariables: { MODE: kplus.EnvValue.fromValue('strict') },
        resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) } },
        readiness: kplus.Probe.fromHttpGet('/ready'),
        volumeMounts: [{ path: '/etc/web', volume: kplus.Volume.fromConfigMap(chart, 'config-volume', config) }],
      }],
    });
    web.exposeViaService({ name: 'web', ports: [{ port: 80, targetPort: 8080 }] });
    new kplus.NetworkPolicy(chart, 'policy', { selector: web, ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY } });
    new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres:17.2', portNumber: 5432 }] });
    const role = new kplus.Role(chart, 'reader');
    role.allowRead(config);
    role.bind(serviceAccount);
    const manifests = Testing.synth(chart);
    expect(manifests.map((m) => m.kind)).toEqual(expect.arrayContaining(['Deployment', 'Service', 'StatefulSet', 'RoleBinding']));
    expect(validateManifests(manifests)).toEqual([]);
  });
});

describe('core kinds', () => {
  test('an unknown field is an error', () => {
    expect(errorsAfter(deployment, (d) => { d.spec.template.spec.containers[0].imagePullPolcy = 'Always'; }))
      .toEqual(['Deployment/apps/web spec.template.spec.containers[0].imagePullPolcy: is not a known field']);
  });

  test('a wrong type is an error', () => {
    expect(errorsAfter(deployment, (d) => { d.spec.replicas = '2'; }))
      .toEqual(['Deployment/apps/web spec.replicas: must be an integer (got "2")']);
  });

  test('a number that is not an integer fails an integer field', () => {
    expect(errorsAfter(deployment, (d) => { d.spec.replicas = 1.5; }))
      .toEqual(['Deployment/apps/web spec.replicas: must be an integer (got 1.5)']);
  });

  test('a missing required field is an error', () => {
    expect(errorsAfter(deployment, (d) => { delete d.spec.selector; }))
      .toEqual(['Deployment/apps/web spec.selector: is required but missing']);
  });

  test('two containers with the same name are an error', () => {
    expect(errorsAfter(deployment, (d) => {
      d.spec.template.spec.containers.push({ name: 'web', image: 'busybox:1.37.0' });
    })).toEqual(['Deployment/apps/web spec.template.spec.containers[1]: duplicates the key name="web" of item [0]']);
  });

  test('two Service ports with the same port and protocol are an error', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'apps' },
      spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP' }, { port: 80, protocol: 'TCP' }] },
    };
    expect(validateManifests([service]))
      .toEqual(['Service/apps/web spec.ports[2]: duplicates the key port=80, protocol="TCP" of item [0]']);
  });

  test('int-or-string accepts an integer and a string, and nothing else', () => {
    const withSurge = (maxSurge: unknown) => errorsAfter(deployment, (d) => {
      d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge } };
    });
    expect(withSurge(1)).toEqual([]);
    expect(withSurge('25%')).toEqual([]);
    expect(withSurge(true)).toEqual(['Deployment/apps/web spec.strategy.rollingUpdate.maxSurge: must be a string or an integer (got true)']);
    expect(withSurge(1.5)).toEqual(['Deployment/apps/web spec.strategy.rollingUpdate.maxSurge: must be a string or an integer (got 1.5)']);
  });

  test('a quantity accepts a string or a number', () => {
    const withMemory = (memory: unknown) => errorsAfter(deployment, (d) => {
      d.spec.template.spec.containers[0].resources.limits.memory = memory;
    });
    expect(withMemory(0.5)).toEqual([]);
    expect(withMemory({ value: 1 })).toEqual([
      'Deployment/apps/web spec.template.spec.containers[0].resources.limits.memory: must be a string or a number (got an object)',
    ]);
  });

  test('free-form maps accept any key but check their values', () => {
    expect(errorsAfter(deployment, (d) => { d.metadata.annotations = { 'example.com/any-key': 'x' }; })).toEqual([]);
    expect(errorsAfter(deployment, (d) => { d.metadata.labels['app.kubernetes.io/part-of'] = 3; }))
      .toEqual(['Deployment/apps/web metadata.labels["app.kubernetes.io/part-of"]: must be a string (got 3)']);
  });

  test('Secret data must be base64', () => {
    const secret = (data: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'apps' }, data: { key: data } });
    expect(validateManifests([secret('aGVsbG8=')])).toEqual([]);
    expect(validateManifests([secret('hello!')])).toEqual(['Secret/apps/s data.key: must be base64-encoded (got "hello!")']);
  });

  test('an int32 field rejects values beyond 32 bits', () => {
    expect(errorsAfter(deployment, (d) => { d.spec.replicas = 2 ** 31; }))
      .toEqual(['Deployment/apps/web spec.replicas: must fit in a 32-bit integer (got 2147483648)']);
  });
});

describe('custom resources', () => {
  test('an unknown field in a Tenant is an error', () => {
    expect(errorsAfter(tenant, (t) => { t.spec.pools[0].serverCount = 4; }))
      .toEqual(['Tenant/minio/storage spec.pools[0].serverCount: is not a known field']);
  });

  test('a wrong type in a Tenant is an error', () => {
    expect(errorsAfter(tenant, (t) => { t.spec.pools[0].servers = '4'; }))
      .toEqual(['Tenant/minio/storage spec.pools[0].servers: must be an integer (got "4")']);
  });

  test('a missing required field in a Tenant is an error', () => {
    expect(errorsAfter(tenant, (t) => { delete t.spec.pools[0].volumeClaimTemplate; }))
      .toEqual(['Tenant/minio/storage spec.pools[0].volumeClaimTemplate: is required but missing']);
  });

  test('two Tenant pools with the same name are an error', () => {
    expect(errorsAfter(tenant, (t) => { t.spec.pools.push({ ...t.spec.pools[0] }); }))
      .toEqual(['Tenant/minio/storage spec.pools[1]: duplicates the key name="pool-0" of item [0]']);
  });

  test('a Tenant\'s metadata is checked as ObjectMeta', () => {
    expect(errorsAfter(tenant, (t) => { t.metadata.label = { a: 'b' }; }))
      .toEqual(['Tenant/minio/storage metadata.label: is not a known field']);
  });

  test('x-kubernetes-int-or-string accepts an integer and a string, and the pattern still applies to strings', () => {
    const withStorage = (storage: unknown) => errorsAfter(tenant, (t) => {
      t.spec.pools[0].volumeClaimTemplate.spec.resources.requests.storage = storage;
    });
    expect(withStorage(1099511627776)).toEqual([]);
    expect(withStorage('1Ti')).toEqual([]);
    expect(withStorage(false)).toEqual([
      'Tenant/minio/storage spec.pools[0].volumeClaimTemplate.spec.resources.requests.storage: must be an integer or a string (got false)',
    ]);
    expect(withStorage('lots')).toEqual([
      expect.stringMatching(/^Tenant\/minio\/storage spec\.pools\[0\]\.volumeClaimTemplate\.spec\.resources\.requests\.storage: must match .* \(got "lots"\)$/),
    ]);
  });

  test('an enum violation is an error', () => {
    expect(errorsAfter(certificate, (c) => { c.spec.privateKey.algorithm = 'DSA'; }))
      .toEqual(['Certificate/minio/storage-tls spec.privateKey.algorithm: must be one of "RSA", "ECDSA", "Ed25519" (got "DSA")']);
  });

  test('x-kubernetes-preserve-unknown-fields admits any field', () => {
    const issuer = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Issuer',
      metadata: { name: 'acme', namespace: 'minio' },
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          privateKeySecretRef: { name: 'acme-account' },
          solvers: [{ dns01: { webhook: { groupName: 'acme.example.com', solverName: 'x', config: { any: { nested: [1, 'two'] } } } } }],
        },
      },
    };
    expect(validateManifests([issuer])).toEqual([]);
    issuer.spec.acme.solvers[0].dns01.webhook = { ...issuer.spec.acme.solvers[0].dns01.webhook, extra: true } as any;
    expect(validateManifests([issuer])).toEqual(['Issuer/minio/acme spec.acme.solvers[0].dns01.webhook.extra: is not a known field']);
  });
});

describe('kinds and names', () => {
  test('an apiVersion typo is an error', () => {
    expect(errorsAfter(deployment, (d) => { d.apiVersion = 'apps/v2'; }))
      .toEqual(['Deployment/apps/web apiVersion: apps/v2 Deployment is neither a Kubernetes 1.28 kind nor defined by a CRD in crds/']);
  });

  test('an unknown kind is an error', () => {
    expect(errorsAfter(tenant, (t) => { t.kind = 'Tenants'; }))
      .toEqual(['Tenants/minio/storage apiVersion: minio.min.io/v2 Tenants is neither a Kubernetes 1.28 kind nor defined by a CRD in crds/']);
  });

  test('a CRD version that is not served is an error', () => {
    const externalSecret = {
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: { name: 'env', namespace: 'minio' },
      spec: {},
    };
    expect(validateManifests([externalSecret]))
      .toEqual(['ExternalSecret/minio/env apiVersion: external-secrets.io/v1beta1 is not served for ExternalSecret (served: external-secrets.io/v1)']);
    expect(validateManifests([{ ...externalSecret, apiVersion: 'external-secrets.io/v1' }])).toEqual([]);
  });

  test('every object needs a DNS-1123 subdomain name', () => {
    expect(errorsAfter(deployment, (d) => { delete d.metadata.name; }))
      .toEqual(['Deployment/apps/<no name> metadata.name: is required but missing']);
    expect(errorsAfter(deployment, (d) => { d.metadata.name = 'Web_1'; }))
      .toEqual(['Deployment/apps/Web_1 metadata.name: must be a DNS-1123 subdomain of at most 253 characters (got "Web_1")']);
    expect(errorsAfter(deployment, (d) => { d.metadata.name = 'a'.repeat(254); })).toHaveLength(1);
    expect(errorsAfter(deployment, (d) => { d.metadata.name = 'a'.repeat(253); })).toEqual([]);
  });

  test('Service and Namespace names must be DNS labels', () => {
    const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    expect(validateManifests([namespace('minio.tenant')]))
      .toEqual(['Namespace/minio.tenant metadata.name: must be a DNS-1123 label of at most 63 characters (got "minio.tenant")']);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web', namespace: 'apps' }, spec: {} };
    expect(validateManifests([service]))
      .toEqual(['Service/apps/1web metadata.name: must be a DNS-1035 label of at most 63 characters (got "1web")']);
  });

  test('a manifest that is not an object is an error', () => {
    expect(validateManifests([42])).toEqual(['manifest [0]: must be an object (got 42)']);
  });
});

describe('expectValidManifests', () => {
  test('lists every error, one per line', () => {
    const bad = deployment();
    bad.spec.replicas = '2';
    bad.spec.paused = 'no';
    expect(() => expectValidManifests([bad, tenant()])).toThrow(
      '2 manifest error(s):\n'
      + 'Deployment/apps/web spec.replicas: must be an integer (got "2")\n'
      + 'Deployment/apps/web spec.paused: must be a boolean (got "no")',
    );
  });

  test('passes valid manifests', () => {
    expect(() => expectValidManifests([deployment(), tenant(), certificate()])).not.toThrow();
  });
});

describe('schema keywords', () => {
  const check = (schema: Schema, value: unknown, structural = true) =>
    validateValue(schema, value, schemaContext(), structural).map((i) => `${i.path.join('.')}: ${i.problem}`);

  test('bounds on numbers, strings, arrays and objects', () => {
    expect(check({ type: 'integer', minimum: 1, maximum: 3 }, 0)).toEqual([': must be at least 1 (got 0)']);
    expect(check({ type: 'integer', minimum: 1, exclusiveMinimum: true }, 1)).toEqual([': must be greater than 1 (got 1)']);
    expect(check({ type: 'number', exclusiveMaximum: 2 }, 2)).toEqual([': must be less than 2 (got 2)']);
    expect(check({ type: 'string', minLength: 2, maxLength: 3 }, 'abcd')).toEqual([': must be at most 3 characters long (got 4)']);
    expect(check({ type: 'array', minItems: 1, items: { type: 'string' } }, [])).toEqual([': must have at least 1 items (got 0)']);
    expect(check({ type: 'object', maxProperties: 1, additionalProperties: { type: 'string' } }, { a: 'x', b: 'y' }))
      .toEqual([': must have at most 1 fields (got 2)']);
  });

  test('an object without properties keeps no fields in a CRD, and any in a core definition', () => {
    expect(check({ type: 'object' }, { a: 1 }, true)).toEqual(['a: is not a known field']);
    expect(check({ type: 'object' }, { a: 1 }, false)).toEqual([]);
  });

  test('nullable', () => {
    expect(check({ type: 'string', nullable: true }, null)).toEqual([]);
    expect(check({ type: 'string' }, null)).toEqual([': must not be null']);
  });

  test('anyOf, oneOf, allOf and not, whose branches constrain values but not fields', () => {
    const schema: Schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
      not: { required: ['a'], properties: { a: { enum: ['forbidden'] } } },
      allOf: [{ properties: { a: { maxLength: 3 } } }],
    };
    expect(check(schema, { a: 'x' })).toEqual([]);
    expect(check(schema, {})).toEqual([': must match one of the oneOf alternatives (is required but missing; is required but missing)']);
    expect(check(schema, { a: 'x', b: 'y' })).toEqual([': must match exactly one oneOf alternative (matches 2)']);
    expect(check(schema, { a: 'forbidden' })).toEqual([
      'a: must be at most 3 characters long (got 9)',
      ': must not match the schema under \'not\' (got an object)',
    ]);
    expect(check({ anyOf: [{ type: 'integer' }, { type: 'boolean' }] }, 'x')).toEqual([': must be an integer or a boolean (got "x")']);
  });

  test('a list that is a set rejects duplicates', () => {
    expect(check({ type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } }, ['a', 'b', 'a']))
      .toEqual(['2: duplicates item [0] in a list that is a set (got "a")']);
  });

  test('list map keys fall back to their defaults', () => {
    const schema: Schema = {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
      items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } } },
    };
    expect(check(schema, [{ port: 80 }, { port: 80, protocol: 'TCP' }])).toEqual(['1: duplicates the key port=80, protocol="TCP" of item [0]']);
  });

  test('an embedded resource needs apiVersion and kind, and has ObjectMeta metadata', () => {
    const schema: Schema = {
      type: 'object',
      'x-kubernetes-embedded-resource': true,
      properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, metadata: { type: 'object' } },
    };
    expect(check(schema, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: { x: 1 } })).toEqual([]);
    expect(check(schema, { metadata: { nme: 'p' } })).toEqual([
      'apiVersion: must be a non-empty string in an embedded resource (got nothing)',
      'kind: must be a non-empty string in an embedded resource (got nothing)',
      'metadata.nme: is not a known field',
    ]);
  });
});
