import { Construct } from 'constructs';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { federatedSubjectOf, IAzureWorkloadIdentity } from './azure-workload-identity';
import { requireGuid } from './guid';

/** A workload identity ServiceAccount that exists already, as `WorkloadIdentityServiceAccount.fromServiceAccountAttributes()` takes it. */
export interface WorkloadIdentityAttributes {
  /** Name of the ServiceAccount. */
  readonly serviceAccountName: string;
  /** Namespace of the ServiceAccount. */
  readonly namespace: string;
  /** Client ID annotated on the ServiceAccount (`azure.workload.identity/client-id`). */
  readonly clientId: string;
  /** Tenant ID annotated on the ServiceAccount, when it carries one. @default - no tenant annotation */
  readonly tenantId?: string;
}

/** A workload identity ServiceAccount defined elsewhere, checked when imported. */
export class ImportedWorkloadIdentity extends Construct implements IAzureWorkloadIdentity {
  public readonly serviceAccountName: string;
  public readonly namespace: string;
  public readonly clientId: string;
  public readonly tenantId?: string;
  /** The subject its federated credential names. */
  public readonly federatedSubject: string;

  public constructor(scope: Construct, id: string, attributes: WorkloadIdentityAttributes) {
    super(scope, id);
    this.serviceAccountName = requireDnsSubdomain(this, 'serviceAccountName', attributes.serviceAccountName);
    this.namespace = requireDnsLabel(this, 'namespace', attributes.namespace);
    this.clientId = requireGuid(this, 'clientId', attributes.clientId);
    this.tenantId = attributes.tenantId === undefined ? undefined : requireGuid(this, 'tenantId', attributes.tenantId);
    this.federatedSubject = federatedSubjectOf(this);
  }
}
