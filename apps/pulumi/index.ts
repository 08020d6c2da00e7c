import { deployPlatform } from './platform-program';
import { readSettings } from './settings';

// `Pulumi.yaml` runs the compiled form of this file; the stack outputs are the exports below.
const outputs = deployPlatform(readSettings());

export const resourceGroupName = outputs.resourceGroupName;
export const clusterName = outputs.clusterName;
export const oidcIssuerUrl = outputs.oidcIssuerUrl;
export const vaultUri = outputs.vaultUri;
export const kmsSecretsClientId = outputs.kmsSecretsClientId;
export const tenantSecretsClientId = outputs.tenantSecretsClientId;
export const kmsAdminIdentity = outputs.kmsAdminIdentity;
export const tenantKmsIdentity = outputs.tenantKmsIdentity;
export const prometheusQueryEndpoint = outputs.prometheusQueryEndpoint;
export const tieringAccountName = outputs.tieringAccountName;
export const tieringBlobEndpoint = outputs.tieringBlobEndpoint;
export const s3Endpoint = outputs.s3Endpoint;
