export { AzureBlobTier, AzureTierCredentials } from './azure-blob-tier';
export type { AzureBlobTierProps } from './azure-blob-tier';
export type { IRemoteTier } from './remote-tier';
