import { Testing } from 'cdk8s';
import {
  GitOpsChart,
  HsmKeySource,
  KmsTls,
  MinioKmsCluster,
  MinioKmsClusterProps,
  MinkmsImage,
  PrivateCa,
  SecretValue,
} from '../../lib';

export const ADMIN_IDENTITY = 'h1:FALvKoL5sB2mfvXrbheZ8tgKjIJZ60gN-VH9TcfK7Q0';
export const IMAGE = MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z');

/** A chart in namespace `minio-kms` with a private CA and a KMS cluster `kms` built from `overrides`. */
export function kmsChart(overrides: Partial<MinioKmsClusterProps> = {}) {
  const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'minio-kms' });
  const ca = new PrivateCa(chart, 'Ca', { name: 'kms-ca' });
  const cluster = new MinioKmsCluster(chart, 'kms', {
    image: IMAGE,
    hsmKey: HsmKeySource.fromSecret(SecretValue.fromSecretName('kms-hsm-key', 'hsm-key')),
    adminIdentity: ADMIN_IDENTITY,
    adminApiKey: SecretValue.fromSecretName('kms-admin', 'api-key'),
    tls: KmsTls.fromIssuer(ca),
    ...overrides,
  });
  return { chart, ca, cluster };
}

/** The object of `kind` (and `name`, when given) among `manifests`. */
export function find(manifests: any[], kind: string, name?: string): any {
  const found = manifests.find((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''} in ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
}
