import { createHash } from 'node:crypto';
import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import {
  AcmeServer,
  AcmeSolver,
  GitOpsChart,
  HsmKeySource,
  HsmSecretsOperator,
  KeyVaultSecretStore,
  KmsTls,
  KmsUpdateStrategy,
  LetsEncryptIssuer,
  MinioKmsCluster,
  MinkmsImage,
  PinnedImage,
  SecretValue,
  WorkloadIdentityServiceAccount,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { ADMIN_IDENTITY, find, IMAGE, kmsChart } from './kms-fixtures';

const HOSTS = [0, 1, 2].map((i) => `kms-${i}.kms-hl.minio-kms.svc.cluster.local`);

describe('MinioKmsCluster', () => {
  const { chart, cluster } = kmsChart();
  const manifests = Testing.synth(chart);
  const statefulSet = find(manifests, 'StatefulSet', 'kms');
  const pod = statefulSet.spec.template.spec;
  const container = pod.containers[0];

  test('everything it synthesizes passes strict schema validation', () => {
    expectValidManifests(manifests);
  });

  test('matches the snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('creates the objects in apply order with stable names', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'NetworkPolicy/kms',
      'ServiceAccount/kms-restart',
      'ConfigMap/kms-config',
      'Role/kms-restart',
      'RoleBinding/kms-restart',
      'ClusterIssuer/kms-ca',
      'Issuer/kms-ca-bootstrap',
      'Certificate/kms-ca',
      'Certificate/kms-tls',
      'Service/kms-hl',
      'Service/kms',
      'PodDisruptionBudget/kms',
      'StatefulSet/kms',
      `Job/${cluster.leaveJob.name}`,
      `Job/${cluster.joinJob.name}`,
      `Job/${restartJobName(manifests)}`,
    ]);
    expect(cluster.leaveJob.name).toMatch(/^kms-leave-3-[0-9a-f]{8}$/);
    expect(cluster.joinJob.name).toMatch(/^kms-join-3-[0-9a-f]{8}$/);
  });

  test('runs 3 pinned nodes, in parallel, behind a headless Service that publishes unready peers', () => {
    expect(statefulSet.spec.replicas).toBe(3);
    expect(statefulSet.spec.podManagementPolicy).toBe('Parallel');
    expect(statefulSet.spec.serviceName).toBe('kms-hl');
    expect(container.image).toBe('quay.io/minio/aistor/minkms:RELEASE.2026-07-17T11-53-00Z');
    const headless = find(manifests, 'Service', 'kms-hl');
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true, selector: { 'kms.min.io/cluster': 'kms' } });
    expect(find(manifests, 'Service', 'kms').spec).toMatchObject({ ports: [{ port: 7373, targetPort: 7373, name: 'https' }], selector: { 'kms.min.io/cluster': 'kms' } });
  });

  test('starts every node with --host set to its stable DNS name', () => {
    expect(container.args).toEqual(['server', '/data', '--config', '/etc/minkms/config/config.yaml', '--host', '$(POD_NAME).kms-hl.minio-kms.svc.cluster.local:7373']);
    expect(container.env[0]).toEqual({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    expect(cluster.nodeHosts).toEqual(HOSTS);
  });

  test('--host matches the names the membership Job adds', () => {
    const job = find(manifests, 'Job', cluster.joinJob.name);
    const script: string = job.spec.template.spec.containers[0].command[2];
    const desired = /^DESIRED='([^']*)'$/m.exec(script)![1].split(' ');
    const hostFlag: string = container.args[5];
    expect(desired).toEqual([0, 1, 2].map((ordinal) => hostFlag.replace('$(POD_NAME)', `kms-${ordinal}`)));
  });

  test('every node reads the same HSM key from one Secret', () => {
    expect(container.env.filter((e: any) => e.name === 'MINIO_KMS_HSM_KEY')).toEqual([
      { name: 'MINIO_KMS_HSM_KEY', valueFrom: { secretKeyRef: { name: 'kms-hsm-key', key: 'hsm-key' } } },
    ]);
    expect(cluster.hsmKeySecret).toEqual(SecretValue.fromSecretName('kms-hsm-key', 'hsm-key'));
  });

  test('writes no key material', () => {
    expect(JSON.stringify(manifests)).not.toMatch(/hsm:(aes256|chacha20):|k1:|k2:/);
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
  });

  test('configures the admin identity and TLS paths, and trusts the CA', () => {
    expect(find(manifests, 'ConfigMap', 'kms-config').data['config.yaml']).toBe([
      'version: v1',
      'admin:',
      `  identity: ${ADMIN_IDENTITY}`,
      'tls:',
      '  certs:',
      '    - key: /etc/minkms/tls/tls.key',
      '      cert: /etc/minkms/tls/tls.crt',
      '  ca: /etc/minkms/tls/ca.crt',
      '',
    ].join('\n'));
  });

  test('certificate covers every node and the service names', () => {
    const certificate = find(manifests, 'Certificate', 'kms-tls');
    expect(certificate.spec.dnsNames).toEqual([...HOSTS, 'kms', 'kms.minio-kms', 'kms.minio-kms.svc', 'kms.minio-kms.svc.cluster.local']);
    expect(certificate.spec.issuerRef).toEqual({ name: 'kms-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(certificate.spec.usages).toEqual(expect.arrayContaining(['server auth', 'client auth']));
  });

  test('probes liveness over HTTPS and readiness as membership: ready once its cluster names node 0', () => {
    expect(container.livenessProbe.httpGet).toEqual({ path: '/v1/health/live', port: 7373, scheme: 'HTTPS' });
    const readiness: string = container.readinessProbe.exec.command[2];
    expect(container.readinessProbe.exec.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(readiness.split('\n').slice(0, 5)).toEqual([
      "API_KEY_FILE='/etc/minkms/admin/api-key'", "CA_FILE='/etc/minkms/tls/ca.crt'",
      "NODE_DOMAIN='kms-hl.minio-kms.svc.cluster.local'", "PORT='7373'", `SEED_HOST='${HOSTS[0]}'`,
    ]);
    expect(readiness).toContain('MINIO_KMS_SERVER="https://$POD_NAME.$NODE_DOMAIN:$PORT" minkms stat --json');
    expect(container.volumeMounts).toContainEqual({ name: 'admin-api-key', mountPath: '/etc/minkms/admin', readOnly: true });
    expect(pod.volumes).toContainEqual({ name: 'admin-api-key', secret: { secretName: 'kms-admin', items: [{ key: 'api-key', path: 'api-key' }] } });
  });

  test('deletes the volumes of nodes a scale-down removes, and keeps them when the StatefulSet is deleted', () => {
    expect(statefulSet.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenScaled: 'Delete', whenDeleted: 'Retain' });
  });

  test('tenants reach the client Service, which does not publish unready nodes', () => {
    expect(cluster.clientEndpoint).toBe('https://kms.minio-kms.svc.cluster.local:7373');
    expect(find(manifests, 'Service', 'kms').spec.publishNotReadyAddresses).toBeUndefined();
  });

  test('meets Pod Security "restricted" with requests and limits', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, readOnlyRootFilesystem: true, runAsNonRoot: true,
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1024Mi' } });
  });

  test('gives each node a managed disk and spreads nodes across zones and hosts', () => {
    expect(statefulSet.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'managed-csi-premium', resources: { requests: { storage: '10Gi' } } },
    }]);
    expect(container.volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    expect(pod.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' });
    expect(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
  });

  test('keeps all but one node up through disruptions', () => {
    expect(find(manifests, 'PodDisruptionBudget', 'kms').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'kms.min.io/cluster': 'kms' } } });
  });

  test('admits 7373 only from peers and the membership Jobs', () => {
    expect(find(manifests, 'NetworkPolicy', 'kms').spec.ingress).toEqual([{
      ports: [{ port: 7373, protocol: 'TCP' }],
      from: [
        { podSelector: { matchLabels: { 'kms.min.io/cluster': 'kms' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'minio-kms' } }, podSelector: { matchLabels: { 'kms.min.io/membership': 'kms' } } },
      ],
    }]);
  });

  test('the membership Jobs read the API key from its Secret, trust the CA, have no API token and clean up', () => {
    const job = find(manifests, 'Job', cluster.joinJob.name);
    expect(job.spec.ttlSecondsAfterFinished).toBe(300);
    expect(job.metadata.annotations).toEqual({
      'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation', 'argocd.argoproj.io/sync-wave': '0',
    });
    expect(find(manifests, 'Job', cluster.leaveJob.name).metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
    expect(find(manifests, 'Job', cluster.leaveJob.name).spec.template.spec.containers[0].command[2]).toContain("STEP='leave'");
    const spec = job.spec.template.spec;
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.containers[0].image).toBe(container.image);
    expect(spec.containers[0].env).toEqual([{ name: 'MINIO_KMS_API_KEY', valueFrom: { secretKeyRef: { name: 'kms-admin', key: 'api-key' } } }]);
    expect(spec.volumes).toContainEqual({ name: 'ca', secret: { secretName: 'kms-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] } });
    expect(spec.containers[0].command[2]).toContain("CA_FILE='/etc/minkms/ca/ca.crt'");
  });

  test('updates all nodes at once: OnDelete plus a restart Job with a Role naming each object', () => {
    expect(statefulSet.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(find(manifests, 'Role', 'kms-restart').rules).toEqual([
      { apiGroups: ['apps'], resources: ['statefulsets'], resourceNames: ['kms'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], resourceNames: ['kms-0', 'kms-1', 'kms-2'], verbs: ['get', 'delete'] },
    ]);
    const job = find(manifests, 'Job', restartJobName(manifests));
    expect(job.spec.template.spec.serviceAccountName).toBe('kms-restart');
    expect(job.spec.template.spec.containers[0].image).toBe('docker.io/alpine/k8s:1.34.1');
    expect(job.spec.template.spec.containers[0].command[2]).toContain('kc delete pod $stale --wait=false');
    expect(job.spec.ttlSecondsAfterFinished).toBe(300);
    expect(statefulSet.spec.template.metadata.annotations['kms.min.io/config-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const digest = createHash('sha256').update(JSON.stringify(statefulSet.spec.template)).digest('hex');
    expect(statefulSet.metadata.annotations['kms.min.io/template-sha256']).toBe(digest);
    expect(job.spec.template.spec.containers[0].command[2]).toContain(`TEMPLATE='${digest}'`);
  });

  test('drops the cdk8s address label so selectors survive refactors', () => {
    expect(JSON.stringify(manifests)).not.toContain('cdk8s.io/metadata.addr');
  });
});

describe('MinioKmsCluster options', () => {
  test('scaling renames the membership Job and grows the certificate', () => {
    const { chart } = kmsChart({ replicas: 5 });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(manifests.filter((m) => m.kind === 'Job').map((m) => m.metadata.name)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^kms-leave-5-/), expect.stringMatching(/^kms-join-5-/)]));
    expect(find(manifests, 'Certificate', 'kms-tls').spec.dnsNames).toContain('kms-4.kms-hl.minio-kms.svc.cluster.local');
  });

  test('a single node gets no PodDisruptionBudget', () => {
    const manifests = Testing.synth(kmsChart({ replicas: 1 }).chart);
    expect(manifests.filter((m) => m.kind === 'PodDisruptionBudget')).toEqual([]);
  });

  test('rolling updates drop the restart Job', () => {
    const manifests = Testing.synth(kmsChart({ updateStrategy: KmsUpdateStrategy.rollingUpdate() }).chart);
    expect(find(manifests, 'StatefulSet').spec.updateStrategy.type).toBe('RollingUpdate');
    expect(manifests.filter((m) => m.kind === 'Role' || m.metadata.name.includes('restart'))).toEqual([]);
  });

  test('HSM key from Key Vault through External Secrets with workload identity', () => {
    const chart = new GitOpsChart(Testing.app(), 'kv', { namespace: 'minio-kms' });
    const identity = new WorkloadIdentityServiceAccount(chart, 'Reader', {
      name: 'kms-vault-reader', namespace: 'minio-kms', clientId: '11111111-2222-3333-4444-555555555555', tenantId: '66666666-7777-8888-9999-000000000000',
    });
    const store = new KeyVaultSecretStore(chart, 'Store', { name: 'kms-vault', vaultUrl: 'https://contoso-kms.vault.azure.net', identity });
    const cluster = new MinioKmsCluster(chart, 'kms', {
      image: IMAGE,
      hsmKey: HsmKeySource.fromKeyVault({ store, keyVaultSecret: 'minkms-hsm-key' }),
      adminIdentity: ADMIN_IDENTITY,
      adminApiKey: SecretValue.fromSecretName('kms-admin', 'api-key'),
      tls: KmsTls.fromSecret({ name: 'kms-tls-existing' }),
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const external = find(manifests, 'ExternalSecret', 'kms-hsm-key');
    expect(external.spec.data).toEqual([{ secretKey: 'hsm-key', remoteRef: { key: 'minkms-hsm-key' } }]);
    expect(external.spec.secretStoreRef).toMatchObject({ name: 'kms-vault', kind: 'SecretStore' });
    expect(cluster.hsmKeySecret).toEqual(SecretValue.fromSecretName('kms-hsm-key', 'hsm-key'));
    expect(find(manifests, 'StatefulSet').spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef).toEqual({ name: 'kms-hsm-key', key: 'hsm-key' });
  });

  test('HSM key from the HSM Secrets Operator', () => {
    const operator = HsmSecretsOperator.fromDeployment('hsm-secrets-operator-controller-manager', 'hsm-system');
    const { chart } = kmsChart({ hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator, hsmPath: 'minio-kms-hsm', key: 'key', syncIntervalSeconds: 60 }) });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(find(manifests, 'HSMSecret', 'minio-kms-hsm').spec).toEqual({
      secretName: 'kms-hsm-key', secretType: 'Opaque', autoSync: true, syncInterval: 60,
      parentRef: { group: 'apps', kind: 'Deployment', name: 'hsm-secrets-operator-controller-manager', namespace: 'hsm-system' },
    });
    expect(find(manifests, 'StatefulSet').spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef).toEqual({ name: 'kms-hsm-key', key: 'key' });
  });

  test('an existing TLS Secret without a CA leaves the CA out of the config and the Job', () => {
    const { chart } = kmsChart({ tls: KmsTls.fromSecret({ name: 'kms-tls-existing' }, { hasCa: false }) });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(find(manifests, 'ConfigMap').data['config.yaml']).not.toContain('ca:');
    expect(manifests.find((m) => m.kind === 'Job' && m.metadata.name.startsWith('kms-join-')).spec.template.spec.volumes.map((v: any) => v.name)).toEqual(['tmp']);
  });

  test('custom storage and resources', () => {
    const { chart } = kmsChart({
      storage: { size: Size.gibibytes(20), storageClassName: 'managed-csi' },
      resources: { cpu: { request: Cpu.millis(500), limit: Cpu.units(2) }, memory: { request: Size.gibibytes(1), limit: Size.gibibytes(2) } },
    });
    const statefulSet = find(Testing.synth(chart), 'StatefulSet');
    expect(statefulSet.spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'managed-csi', resources: { requests: { storage: '20Gi' } } });
    expect(statefulSet.spec.template.spec.containers[0].resources.limits).toEqual({ cpu: '2', memory: '2048Mi' });
  });
});

describe('MinioKmsCluster licence', () => {
  test('passes the licence Secret to every node as MINIO_LICENSE', () => {
    const { chart } = kmsChart({ license: SecretValue.fromSecretName('minio-license', 'license') });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(find(manifests, 'StatefulSet').spec.template.spec.containers[0].env)
      .toContainEqual({ name: 'MINIO_LICENSE', valueFrom: { secretKeyRef: { name: 'minio-license', key: 'license' } } });
  });

  test('a release from RELEASE.2025-11-12T19-14-51Z on starts without one', () => {
    const { chart } = kmsChart({ image: MinkmsImage.release('RELEASE.2025-11-12T19-14-51Z') });
    expect(JSON.stringify(Testing.synth(chart))).not.toContain('MINIO_LICENSE');
  });

  test('an older release without a licence is refused', () => {
    expect(() => kmsChart({ image: MinkmsImage.release('RELEASE.2025-06-02T09-40-58Z') }))
      .toThrow(/test\/kms: license is required: minkms RELEASE.2025-06-02T09-40-58Z predates RELEASE.2025-11-12T19-14-51Z/);
  });

  test('an older release with a licence is accepted', () => {
    expect(() => kmsChart({ image: MinkmsImage.release('RELEASE.2025-06-02T09-40-58Z'), license: SecretValue.fromSecretName('l', 'k') })).not.toThrow();
  });
});

describe('MinioKmsCluster rejects bad input', () => {
  test('the longest name and most nodes still derive names that fit the fields they land in', () => {
    const { chart } = kmsChart({ name: `k${'8'.repeat(39)}`, replicas: 999 });
    const manifests = Testing.synth(chart);
    for (const manifest of manifests) expect(manifest.metadata.name.length).toBeLessThanOrEqual(63);
    const statefulSet = find(manifests, 'StatefulSet');
    // The controller labels pods with controller-revision-hash <name>-<10 characters>, a label value of at most 63.
    expect(`${statefulSet.metadata.name}-0123456789`.length).toBeLessThanOrEqual(63);
    expectValidManifests(manifests.filter((m) => m.kind === 'Job'));
  });

  test('too many nodes for the derived Job names', () => {
    expect(() => kmsChart({ replicas: 1000 })).toThrow(/test\/kms: replicas must be a whole number from 1 to 999 \(received 1000\)/);
  });

  test('a name that cannot name a Service', () => {
    expect(() => kmsChart({ name: '1kms' })).toThrow(/test\/kms: name must start with a letter/);
  });

  test('an invalid Secret key', () => {
    expect(() => kmsChart({ adminApiKey: SecretValue.fromSecretName('kms-admin', 'api key') })).toThrow(/test\/kms: adminApiKey\.key is not a valid Secret key/);
  });

  test('zero nodes', () => {
    expect(() => kmsChart({ replicas: 0 })).toThrow(/test\/kms: replicas must be a whole number from 1 to 999 \(received 0\): use 3 nodes/);
  });

  test('an API key where the identity belongs', () => {
    const key = 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag';
    expect(() => kmsChart({ adminIdentity: key }))
      .toThrow(/test\/kms: adminIdentity is not a KMS identity .*\(received 'k1:…\(redacted\)'\).*never pass the k1: key itself/);
    expect(() => kmsChart({ adminIdentity: key })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(key.slice(3)) }));
  });

  test.each([
    ['an HSM key', 'hsm:aes256:PuKzChdhTmMcYqfbB+CpR7g2aRHbBO7uaMXdqCJmW40=', "'hsm:aes256:…(redacted)'"],
    ['a bare key', 'AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag', "'…(redacted, 43 characters)'"],
  ])('%s where the identity belongs is never printed', (_name, secret, shown) => {
    expect(() => kmsChart({ adminIdentity: secret })).toThrow(`(received ${shown})`);
    expect(() => kmsChart({ adminIdentity: secret })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret.slice(-20)) }));
  });

  test('a floating image tag', () => {
    expect(() => kmsChart({ image: MinkmsImage.release('latest') })).toThrow(/test\/kms: image\.tag must pin a release \(received 'latest'\)/);
  });

  test('an ACME issuer for the node certificates', () => {
    const acme = new LetsEncryptIssuer(new GitOpsChart(Testing.app(), 'acme'), 'Le', {
      server: AcmeServer.LETS_ENCRYPT_STAGING, email: 'ops@contoso.com', solvers: [AcmeSolver.http01({ ingressClassName: 'nginx' })],
    });
    expect(() => kmsChart({ tls: KmsTls.fromIssuer(acme) })).toThrow(/test\/kms: tls\.issuer is an ACME issuer, which cannot validate cluster-internal names/);
  });

  test('a name too long for the derived names', () => {
    expect(() => kmsChart({ name: 'k'.repeat(41) })).toThrow(/test\/kms: name must be a DNS-1123 label of at most 40 characters/);
  });

  test('an invalid HSM key Secret name', () => {
    expect(() => kmsChart({ hsmKey: HsmKeySource.fromSecret(SecretValue.fromSecretName('Bad_Name', 'hsm-key')) })).toThrow(/test\/kms: hsmKey\.secretName must be a DNS-1123 subdomain/);
  });

  test('an invalid HSM sync interval', () => {
    const operator = HsmSecretsOperator.fromDeployment('hsm-secrets-operator-controller-manager', 'hsm-system');
    expect(() => kmsChart({ hsmKey: HsmKeySource.fromHsmSecretsOperator({ operator, hsmPath: 'p', syncIntervalSeconds: 0 }) }))
      .toThrow(/hsmKey\.syncIntervalSeconds must be a whole number of seconds from 1 to 2147483647 .*\(received 0\)/);
  });

  test('requests above limits', () => {
    expect(() => kmsChart({ resources: { cpu: { request: Cpu.units(2), limit: Cpu.units(1) } } })).toThrow(/test\/kms: resources\.cpu\.request must not exceed the limit/);
  });

  test('an unpinned kubectl image for the restart Job', () => {
    expect(() => kmsChart({ updateStrategy: KmsUpdateStrategy.allAtOnce({ kubectlImage: PinnedImage.fromRepository('bitnami/kubectl', 'latest') }) }))
      .toThrow(/test\/kms: updateStrategy\.kubectlImage\.tag must pin a release \(received 'latest'\)/);
  });

  test('a namespace-less cluster', () => {
    expect(() => new MinioKmsCluster(new GitOpsChart(Testing.app(), 'bare'), 'kms', {
      image: IMAGE, hsmKey: HsmKeySource.fromSecret(SecretValue.fromSecretName('k', 'hsm-key')), adminIdentity: ADMIN_IDENTITY,
      adminApiKey: SecretValue.fromSecretName('a', 'k'), tls: KmsTls.fromSecret({ name: 't' }),
    })).toThrow(/bare\/kms: namespace is required/);
  });
});

function restartJobName(manifests: any[]): string {
  return manifests.find((m) => m.kind === 'Job' && /^kms-restart-[0-9a-f]{8}$/.test(m.metadata.name)).metadata.name;
}
