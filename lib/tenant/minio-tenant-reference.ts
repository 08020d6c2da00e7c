import { Construct } from 'constructs';
import type { IKmsClient } from '../kms/kms-endpoint';
import { requireDns1035Label, requireDnsLabel } from '../core/names';
import { tenantPodLabels } from './tenant-labels';

/** The longest tenant name whose derived names (`<tenant>-console`, `<tenant>-hl`) stay DNS labels. */
export const MAX_TENANT_NAME = 55;

/**
 * What other constructs need of a MinIO tenant: its name, namespace, the labels of its pods (for NetworkPolicies,
 * e.g. `kms.allowClients(tenant)`) and its S3 endpoint. Implemented by `MinioTenant`, and by
 * `MinioTenant.fromTenantAttributes()` for a tenant defined in another app.
 */
export interface IMinioTenant extends IKmsClient {
  /** Name of the Tenant. */
  readonly name: string;
  /** Namespace of the Tenant. */
  readonly namespace: string;
  /** Labels the operator puts on every pod of the tenant (`v1.min.io/tenant`). */
  readonly podLabels: Record<string, string>;
  /**
   * The S3 endpoint inside the cluster: the operator's `minio` Service, HTTPS on 443 (TLS is always on), by the
   * name `minio.<namespace>.svc` that the tenant's certificates cover.
   */
  readonly s3Endpoint: string;
}

/** A tenant defined elsewhere, as `MinioTenant.fromTenantAttributes()` takes it. */
export interface MinioTenantAttributes {
  /** Name of the Tenant. */
  readonly name: string;
  /** Namespace of the Tenant. */
  readonly namespace: string;
}

/** The S3 endpoint of the tenants in `namespace`: the operator names every tenant's S3 Service `minio`. */
export function tenantS3Endpoint(namespace: string): string {
  return `https://minio.${namespace}.svc`;
}

/** A tenant defined in another app, checked when imported. */
export class ImportedMinioTenant extends Construct implements IMinioTenant {
  public readonly name: string;
  public readonly namespace: string;
  public readonly podLabels: Record<string, string>;
  public readonly s3Endpoint: string;

  public constructor(scope: Construct, id: string, attributes: MinioTenantAttributes) {
    super(scope, id);
    this.name = requireDns1035Label(this, 'name', attributes.name, MAX_TENANT_NAME,
      ', as the operator names the Services <tenant>-hl and <tenant>-console after it');
    this.namespace = requireDnsLabel(this, 'namespace', attributes.namespace);
    this.podLabels = tenantPodLabels(this.name);
    this.s3Endpoint = tenantS3Endpoint(this.namespace);
  }
}
