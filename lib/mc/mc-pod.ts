import { k8s } from 'cdk8s-plus-28';
import { podsInNamespace } from '../core/network-peers';
import type { ResolvedEndpoint } from './minio-endpoint';

/** mc's configuration folder, on the pod's writable emptyDir (the root file system is read-only). */
export const MC_CONFIG_DIR = '/tmp/mc';
/** Where mc looks for extra CAs: `<config dir>/certs/CAs` (minio/mc cmd/certs.go, globalMCCAsDir). */
const MC_CAS_DIR = `${MC_CONFIG_DIR}/certs/CAs`;

/** The environment, volumes and mounts that give mc one alias. */
export interface McAlias {
  readonly env: k8s.EnvVar[];
  readonly volumes: k8s.Volume[];
  readonly mounts: k8s.VolumeMount[];
}

/**
 * The alias `name` (lower case) for `endpoint`: the access and secret keys come from their Secrets as
 * `<NAME>_ACCESS_KEY` and `<NAME>_SECRET_KEY`, and Kubernetes builds `MC_HOST_<name>` from them (dependent
 * environment variables, `$(VAR)`), so no credential appears in a command line, a ConfigMap or the manifests.
 * mc reads `MC_HOST_<alias>` as `https://ACCESS:SECRET@host` (minio/mc cmd/config.go, parseEnvURLStr). The trusted CA
 * becomes a file in mc's CA folder.
 */
export function mcAlias(name: string, endpoint: ResolvedEndpoint): McAlias {
  const prefix = name.toUpperCase();
  const secretEnv = (variable: string, value: { secretName: string; key: string }): k8s.EnvVar => ({
    name: variable, valueFrom: { secretKeyRef: { name: value.secretName, key: value.key } },
  });
  const host = endpoint.url.slice('https://'.length);
  const env = [
    secretEnv(`${prefix}_ACCESS_KEY`, endpoint.credentials.accessKey),
    secretEnv(`${prefix}_SECRET_KEY`, endpoint.credentials.secretKey),
    // Dependent variables must come after the ones they name.
    { name: `MC_HOST_${name}`, value: `https://$(${prefix}_ACCESS_KEY):$(${prefix}_SECRET_KEY)@${host}` },
  ];
  if (!endpoint.trustedCa) return { env, volumes: [], mounts: [] };
  const volume = `${name}-ca`;
  return {
    env,
    volumes: [{ name: volume, secret: { secretName: endpoint.trustedCa.secretName, defaultMode: 0o444 } }],
    // A file of its own: mc reads every file in the CA folder.
    mounts: [{ name: volume, mountPath: `${MC_CAS_DIR}/${name}.crt`, subPath: endpoint.trustedCa.key, readOnly: true }],
  };
}

/** The environment every mc container gets: a writable home and config folder. */
export function mcBaseEnv(): k8s.EnvVar[] {
  return [
    { name: 'HOME', value: '/tmp' },
    // minio/mc cmd/flags.go: the global flag --config-dir reads MC_CONFIG_DIR.
    { name: 'MC_CONFIG_DIR', value: MC_CONFIG_DIR },
  ];
}

/** The writable emptyDir for /tmp. */
export function tmpVolume(sizeLimitMebibytes: number): { volume: k8s.Volume; mount: k8s.VolumeMount } {
  return {
    volume: { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString(`${sizeLimitMebibytes}Mi`) } },
    mount: { name: 'tmp', mountPath: '/tmp' },
  };
}

/** The egress rule for cluster DNS, which every mc workload needs to resolve its endpoints. */
export const DNS_EGRESS: k8s.NetworkPolicyEgressRule = {
  to: [podsInNamespace('kube-system', { 'k8s-app': 'kube-dns' })],
  ports: [
    { port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
    { port: k8s.IntOrString.fromNumber(53), protocol: 'TCP' },
  ],
};
