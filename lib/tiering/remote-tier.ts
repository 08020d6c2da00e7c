/**
 * A remote tier that lifecycle rules transition objects to: an {@link AzureBlobTier}. A {@link TenantProvisioner}
 * creates it in MinIO before it applies the rules that use it.
 */
export interface IRemoteTier {
  /** The tier's name in MinIO, upper case (the storage class that transition rules name). */
  readonly tierName: string;
  /** The host name objects are written to, e.g. `contoso.blob.core.windows.net`. */
  readonly storageHost: string;
}
