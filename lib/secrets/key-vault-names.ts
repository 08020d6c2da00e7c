import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { AzureCloud } from './azure-cloud';

/** A vault URL taken apart: the vault's name, its cloud and the URL in canonical form. */
export interface VaultLocation {
  /** The vault's name, the first label of its host name. */
  readonly vaultName: string;
  /** The cloud the vault's domain belongs to. */
  readonly cloud: AzureCloud;
  /** `https://NAME.DOMAIN` without a trailing slash. */
  readonly vaultUrl: string;
}

const VAULT_NAME_FIX = 'use 3 to 24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit';
const OBJECT_NAME = /^[0-9a-zA-Z-]+$/;
const OBJECT_VERSION = /^[0-9a-fA-F]{32}$/;

/** What is wrong with `name` as a Key Vault name, or undefined when nothing is. */
export function vaultNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 24) return 'must be 3 to 24 characters long';
  if (!/^[0-9a-zA-Z-]+$/.test(name)) return 'may contain only letters, digits and hyphens';
  if (!/^[a-zA-Z]/.test(name)) return 'must start with a letter';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  if (name.endsWith('-')) return 'must end with a letter or digit';
  return undefined;
}

/** Rejects `name` unless Azure would accept it as a Key Vault name. */
export function requireVaultName(scope: IConstruct, field: string, name: string): string {
  const problem = vaultNameProblem(name);
  if (problem !== undefined) reject(scope, field, name, problem, VAULT_NAME_FIX);
  return name;
}

/**
 * Takes a Key Vault URL apart, rejecting anything but `https://NAME.DOMAIN` (one trailing slash allowed, as
 * Azure's `vaultUri` has one) where DOMAIN is the Key Vault domain of a known Azure cloud.
 */
export function parseVaultUrl(scope: IConstruct, field: string, url: string): VaultLocation {
  const domains = AzureCloud.all().map(cloud => cloud.keyVaultDomain).join(', ');
  if (!url.startsWith('https://')) {
    reject(scope, field, url, 'must start with https://', `give the vault's URI, e.g. ${AzureCloud.PUBLIC.vaultUrl('kv-minio')}`);
  }
  const host = url.slice('https://'.length).replace(/\/$/, '');
  if (/[/:?#@]/.test(host)) {
    reject(scope, field, url, 'must be the vault\'s base URL without path, port, query or credentials',
      `give only https://NAME.DOMAIN, e.g. ${AzureCloud.PUBLIC.vaultUrl('kv-minio')}`);
  }
  const dot = host.indexOf('.');
  const cloud = dot < 0 ? undefined : AzureCloud.fromKeyVaultDomain(host.slice(dot + 1));
  if (cloud === undefined) {
    reject(scope, field, url, `must be a Key Vault URL ending in one of ${domains}`,
      'copy the vault URI from the vault\'s overview (managed HSM URLs are not vaults)');
  }
  const vaultName = host.slice(0, dot);
  const problem = vaultNameProblem(vaultName);
  if (problem !== undefined) {
    reject(scope, field, url, `names vault '${vaultName}', whose name ${problem}`, VAULT_NAME_FIX);
  }
  return { vaultName, cloud, vaultUrl: cloud.vaultUrl(vaultName) };
}

/**
 * Rejects `name` unless it is a valid name of a Key Vault secret, key or certificate: 1 to 127 letters,
 * digits and hyphens. Only the name is ever written to manifests, never the value.
 */
export function requireKeyVaultObjectName(scope: IConstruct, field: string, name: string): string {
  if (name.length < 1 || name.length > 127) {
    reject(scope, field, name, 'must be 1 to 127 characters long', 'use the name the object has in Key Vault');
  }
  if (!OBJECT_NAME.test(name)) {
    reject(scope, field, name, 'may contain only letters, digits and hyphens',
      'use the name the object has in Key Vault (Key Vault names have no underscores, dots or slashes)');
  }
  return name;
}

/** Rejects `version` unless it has the form of a Key Vault object version: 32 hexadecimal digits. */
export function requireKeyVaultObjectVersion(scope: IConstruct, field: string, version: string): string {
  if (!OBJECT_VERSION.test(version)) {
    reject(scope, field, version, 'must be 32 hexadecimal digits',
      'copy the version ID from the object\'s versions list, or leave it out to follow the latest version');
  }
  return version;
}
