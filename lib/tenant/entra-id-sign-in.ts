import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { requireGuid } from '../identity/guid';
import { SecretSetting } from './secret-setting';

/** The token claim whose values name the MinIO policies of a user signing in with Entra ID. */
export enum EntraClaim {
  /** Group object IDs (the app registration's `groupMembershipClaims`); name policies after groups. */
  GROUPS = 'groups',
  /** App role values of the app registration; name policies after roles. */
  ROLES = 'roles',
}

/** Console sign-in with Microsoft Entra ID through MinIO's OpenID provider. */
export interface EntraIdSignInOptions {
  /** The Entra tenant (directory) ID. */
  readonly tenantId: string;
  /** The app registration's application (client) ID. */
  readonly clientId: string;
  /**
   * The app registration's client secret, delivered through config.env (MinIO reads no `_FILE` variant of it), e.g.
   * `SecretSetting.fromKeyVault('lake-entra-client-secret')`.
   */
  readonly clientSecret: SecretSetting;
  /**
   * The claim whose values name the policies of the user. Give this or `rolePolicy`, not both: MinIO refuses a role
   * policy with a claim name other than its default.
   *
   * @default EntraClaim.GROUPS, unless `rolePolicy` is given
   */
  readonly claim?: EntraClaim;
  /**
   * Policies (comma-separated names) every user of this app registration gets, instead of claim-based policies.
   * MinIO then lists the provider under a role ARN, and clients choose it by that ARN.
   *
   * @default - none: policies come from `claim`
   */
  readonly rolePolicy?: string;
  /** The OpenID scopes to request. @default ['openid', 'profile', 'email'] */
  readonly scopes?: string[];
  /**
   * The console's public URL, which MinIO makes the redirect target (`<url>/oauth_callback`, to register in the app
   * registration). It must be the tenant's console address.
   *
   * @default - the tenant's `domains.console`
   */
  readonly redirectUrl?: string;
  /** The label of the sign-in button. @default 'Entra ID' */
  readonly displayName?: string;
}

/** The settings a tenant gets from its sign-in options. */
export interface RenderedSignIn {
  readonly env: Record<string, string>;
  readonly secretEnv: Record<string, SecretSetting>;
  /** The claim that maps policies, or undefined with a role policy. */
  readonly claim: EntraClaim | undefined;
}

const SCOPE = /^[A-Za-z0-9_.:/-]+$/;
const POLICY_LIST = /^[A-Za-z0-9][A-Za-z0-9._-]*(,[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Checks the options and returns MinIO's OpenID settings. The redirect is `MINIO_BROWSER_REDIRECT_URL`, as
 * `MINIO_IDENTITY_OPENID_REDIRECT_URI` is deprecated (MinIO docs, OpenID settings), and the operator already sets it
 * from `features.domains.console` (minio/operator v7.1.1 pkg/configuration/tenant_configuration.go), so the
 * redirect URL must be the console address and is not written again.
 */
export function renderEntraIdSignIn(scope: IConstruct, field: string, options: EntraIdSignInOptions, consoleUrl: string | undefined): RenderedSignIn {
  requireGuid(scope, `${field}.tenantId`, options.tenantId);
  requireGuid(scope, `${field}.clientId`, options.clientId);
  if (!(options.clientSecret instanceof SecretSetting)) {
    reject(scope, `${field}.clientSecret`, options.clientSecret === undefined ? undefined : 'a value', 'must be a SecretSetting',
      'use SecretSetting.fromKeyVault(\'<Key Vault secret>\') or SecretSetting.inConfigurationSecret()');
  }
  if (options.rolePolicy !== undefined && options.claim !== undefined) {
    reject(scope, `${field}.rolePolicy`, options.rolePolicy, `cannot be combined with claim '${options.claim}'`,
      'MinIO refuses a role policy together with a claim name: give either claim or rolePolicy');
  }
  if (options.rolePolicy !== undefined && !POLICY_LIST.test(options.rolePolicy)) {
    reject(scope, `${field}.rolePolicy`, options.rolePolicy, 'is not a comma-separated list of policy names', 'give e.g. readwrite or lake-read,lake-write');
  }
  if (options.claim !== undefined && options.claim !== EntraClaim.GROUPS && options.claim !== EntraClaim.ROLES) {
    reject(scope, `${field}.claim`, options.claim, 'must be EntraClaim.GROUPS or EntraClaim.ROLES', 'use EntraClaim');
  }
  const scopes = options.scopes ?? ['openid', 'profile', 'email'];
  scopes.forEach((s, i) => {
    if (!SCOPE.test(s)) reject(scope, `${field}.scopes[${i}]`, s, 'is not an OpenID scope', 'use e.g. openid, profile, email');
  });
  if (!scopes.includes('openid')) reject(scope, `${field}.scopes`, scopes, 'must include openid', 'add \'openid\'');
  if (consoleUrl === undefined) {
    reject(scope, `${field}.redirectUrl`, options.redirectUrl, 'needs the tenant\'s console address',
      'set domains.console to the console\'s public https URL; sign-in redirects there');
  }
  const redirect = options.redirectUrl ?? consoleUrl;
  if (normalize(redirect) !== normalize(consoleUrl)) {
    reject(scope, `${field}.redirectUrl`, redirect, `does not match the tenant's console address ${consoleUrl}`,
      'leave redirectUrl out (it defaults to domains.console), or make both the same URL');
  }
  const claim = options.rolePolicy === undefined ? options.claim ?? EntraClaim.GROUPS : undefined;
  const env: Record<string, string> = {
    MINIO_IDENTITY_OPENID_CONFIG_URL: `https://login.microsoftonline.com/${options.tenantId}/v2.0/.well-known/openid-configuration`,
    MINIO_IDENTITY_OPENID_CLIENT_ID: options.clientId,
    MINIO_IDENTITY_OPENID_SCOPES: scopes.join(','),
    MINIO_IDENTITY_OPENID_DISPLAY_NAME: options.displayName ?? 'Entra ID',
  };
  if (claim !== undefined) env.MINIO_IDENTITY_OPENID_CLAIM_NAME = claim;
  else env.MINIO_IDENTITY_OPENID_ROLE_POLICY = options.rolePolicy!;
  return { env, secretEnv: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: options.clientSecret }, claim };
}

function normalize(url: string): string {
  return url.replace(/\/+$/, '');
}
