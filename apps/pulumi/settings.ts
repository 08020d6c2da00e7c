import * as pulumi from '@pulumi/pulumi';
import { ConfigurationError } from '../../lib/core/errors';

/** Where the program reads a key: the project's stack config namespace. */
export const CONFIG_NAMESPACE = 'minio-aks';

/** A node pool of a cluster the program creates. */
export interface PoolSettings {
  readonly vmSize: string;
  readonly count: number;
}

/** `signInClientId`, `analystsGroupId`, `signInClientSecret` (secret): required. */
export interface SignInSettings {
  /** `signInClientId`: application (client) id of the Entra ID app registration users sign in to the console with. */
  readonly clientId: string;
  /** `analystsGroupId`: object id of the Entra ID group whose members read the reports bucket. */
  readonly analystsGroupId: string;
  /** `signInClientSecret` (secret): a client secret of that app registration; the program keeps it in the vault. */
  readonly clientSecret: pulumi.Output<string>;
}

/** `legacyMinioAccessKey`, `legacyMinioSecretKey` (secrets), `legacyMinioCaCertificate`: required. */
export interface LegacyMinioSettings {
  /** `legacyMinioAccessKey` (secret): access key of a user of the older cluster that may read what is mirrored. */
  readonly accessKey: pulumi.Output<string>;
  /** `legacyMinioSecretKey` (secret): that user's secret key. */
  readonly secretKey: pulumi.Output<string>;
  /** `legacyMinioCaCertificate`: PEM of the CA that signed the older cluster's certificate (public, not a secret). */
  readonly caCertificate: string;
}

/** The program's settings, read from stack config (`minio-aks:<key>`): the example's sign-in and legacy cluster are required, the rest optional. */
export interface PlatformSettings {
  /** `location`: Azure region of a new resource group. @default - the provider's `azure-native:location` */
  readonly location?: string;
  /** `resourceGroupName`: name of the resource group. @default - `minio` with a random suffix */
  readonly resourceGroupName?: string;
  /** `useExistingResourceGroup`: use `resourceGroupName` as it exists instead of creating it. @default false */
  readonly useExistingResourceGroup: boolean;
  /** `existingCluster`: `{ resourceGroupName, name }` of an AKS cluster to use. @default - a new cluster */
  readonly existingCluster?: { readonly resourceGroupName: string; readonly name: string };
  /** `kubernetesVersion` of a new cluster. @default - AKS's default */
  readonly kubernetesVersion?: string;
  /** `zones` of a new cluster's pools. @default ['1', '2', '3'] */
  readonly zones: readonly string[];
  /** `systemPool` of a new cluster. @default { vmSize: 'Standard_D4ds_v5', count: 3 } */
  readonly systemPool: PoolSettings;
  /** `minioPool` of a new cluster, tainted `dedicated=minio:NoSchedule` for the tenant's pods. @default { vmSize: 'Standard_L8s_v3', count: 4 } */
  readonly minioPool: PoolSettings;
  /** `keyVaultName`. @default - `minio` with a random suffix */
  readonly keyVaultName?: string;
  /**
   * `loadBalancerSubnet`: subnet of the internal S3 load balancer, in the cluster's virtual network. A new cluster
   * gets it; an existing cluster must have it. @default 'snet-minio-frontend'
   */
  readonly loadBalancerSubnet: string;
  /** `monitoring`: create managed Prometheus and the alert rule groups. @default true */
  readonly monitoring: boolean;
  /** `actionGroupId`: action group the alerts notify. @default - none */
  readonly actionGroupId?: string;
  /** `tieringContainer`: the blob container of the example's archive tier. @default 'minio-production' */
  readonly tieringContainer: string;
  /** `tieringAccountName`: the storage account of that container. @default - auto-named */
  readonly tieringAccountName?: string;
  /**
   * Console sign-in with Entra ID. The app registration is not an Azure Resource Manager resource, so
   * @pulumi/azure-native cannot create it: these come from the one you registered.
   */
  readonly signIn: SignInSettings;
  /** The older MinIO the example mirrors from: its credentials and CA are yours. */
  readonly legacyMinio: LegacyMinioSettings;
  /** `kubeconfig` (secret): apply the Kubernetes objects with it instead of the cluster's user credentials. @default - the cluster's */
  readonly kubeconfig?: pulumi.Output<string>;
  /** `protect`: protect stateful and secret-holding objects and Azure resources. @default true */
  readonly protect: boolean;
}

/** Reads {@link PlatformSettings} from the stack's config, rejecting values of the wrong shape by key. */
export function readSettings(config: pulumi.Config = new pulumi.Config(CONFIG_NAMESPACE)): PlatformSettings {
  const existingCluster = config.getObject<{ resourceGroupName?: unknown; name?: unknown }>('existingCluster');
  if (existingCluster !== undefined && (typeof existingCluster.resourceGroupName !== 'string' || typeof existingCluster.name !== 'string')) {
    fail('existingCluster', existingCluster, 'must have the string fields resourceGroupName and name',
      'set it to {"resourceGroupName": "...", "name": "..."} of the AKS cluster');
  }
  const resourceGroupName = config.get('resourceGroupName');
  const useExistingResourceGroup = config.getBoolean('useExistingResourceGroup') ?? false;
  if (useExistingResourceGroup && resourceGroupName === undefined) {
    fail('resourceGroupName', undefined, 'is required when useExistingResourceGroup is true', 'set minio-aks:resourceGroupName to the group to use');
  }
  return {
    location: config.get('location'),
    resourceGroupName,
    useExistingResourceGroup,
    existingCluster: existingCluster as PlatformSettings['existingCluster'],
    kubernetesVersion: config.get('kubernetesVersion'),
    zones: stringList(config, 'zones') ?? ['1', '2', '3'],
    systemPool: pool(config, 'systemPool') ?? { vmSize: 'Standard_D4ds_v5', count: 3 },
    minioPool: pool(config, 'minioPool') ?? { vmSize: 'Standard_L8s_v3', count: 4 },
    keyVaultName: config.get('keyVaultName'),
    loadBalancerSubnet: config.get('loadBalancerSubnet') ?? 'snet-minio-frontend',
    monitoring: config.getBoolean('monitoring') ?? true,
    actionGroupId: config.get('actionGroupId'),
    tieringContainer: config.get('tieringContainer') ?? 'minio-production',
    tieringAccountName: config.get('tieringAccountName'),
    kubeconfig: config.getSecret('kubeconfig'),
    protect: config.getBoolean('protect') ?? true,
    signIn: {
      clientId: required(config, 'signInClientId', 'the application (client) id of your Entra ID app registration for the console'),
      analystsGroupId: required(config, 'analystsGroupId', 'the object id of the Entra ID group that reads the reports bucket'),
      clientSecret: requiredSecret(config, 'signInClientSecret', 'a client secret of that app registration'),
    },
    legacyMinio: {
      accessKey: requiredSecret(config, 'legacyMinioAccessKey', 'the access key the mirror reads the older cluster with'),
      secretKey: requiredSecret(config, 'legacyMinioSecretKey', 'the secret key of that access key'),
      caCertificate: required(config, 'legacyMinioCaCertificate', 'the PEM of the CA of the older cluster',
        `pulumi config set ${CONFIG_NAMESPACE}:legacyMinioCaCertificate < ca.crt`),
    },
  };
}

function required(config: pulumi.Config, key: string, what: string, command = `pulumi config set ${CONFIG_NAMESPACE}:${key} VALUE`): string {
  const value = config.get(key);
  if (value === undefined || value.trim() === '') fail(key, value, 'is required', `set it to ${what}: ${command}`);
  return value;
}

/** A required secret: the message names the key, never a value. */
function requiredSecret(config: pulumi.Config, key: string, what: string): pulumi.Output<string> {
  const value = config.getSecret(key);
  if (value === undefined) fail(key, undefined, 'is required, as a secret', `set it to ${what}: pulumi config set --secret ${CONFIG_NAMESPACE}:${key} VALUE`);
  return value;
}

function stringList(config: pulumi.Config, key: string): string[] | undefined {
  const value = config.getObject<unknown>(key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(key, value, 'must be a list of strings', `set it with 'pulumi config set --path ${CONFIG_NAMESPACE}:${key}[0] VALUE'`);
  }
  return value;
}

function pool(config: pulumi.Config, key: string): PoolSettings | undefined {
  const value = config.getObject<{ vmSize?: unknown; count?: unknown }>(key);
  if (value === undefined) return undefined;
  if (typeof value.vmSize !== 'string' || typeof value.count !== 'number' || !Number.isInteger(value.count) || value.count < 1) {
    fail(key, value, 'must be {"vmSize": "<Azure VM size>", "count": <whole number of at least 1>}', 'give the VM size and node count of the pool');
  }
  return { vmSize: value.vmSize, count: value.count };
}

function fail(key: string, received: unknown, problem: string, fix: string): never {
  throw new ConfigurationError('stack config', `${CONFIG_NAMESPACE}:${key}`, received, problem, fix);
}
