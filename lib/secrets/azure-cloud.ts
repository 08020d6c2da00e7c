/**
 * An Azure cloud: which Key Vault domain it serves vaults from and how each Kubernetes add-on names it.
 *
 * The vault URL tells the cloud apart, so stores built from a URL pick their cloud by themselves; the
 * names here are what External Secrets (`environmentType`) and the Secrets Store CSI Azure provider
 * (`cloudName`) expect, so that tokens are requested from the matching Entra ID authority.
 */
export class AzureCloud {
  /** Azure's global cloud: vaults at `https://NAME.vault.azure.net`. */
  public static readonly PUBLIC = new AzureCloud('AzurePublicCloud', 'PublicCloud', 'vault.azure.net');

  /** Azure operated by 21Vianet (China): vaults at `https://NAME.vault.azure.cn`. */
  public static readonly CHINA = new AzureCloud('AzureChinaCloud', 'ChinaCloud', 'vault.azure.cn');

  /** Azure US Government: vaults at `https://NAME.vault.usgovcloudapi.net`. */
  public static readonly US_GOVERNMENT = new AzureCloud('AzureUSGovernmentCloud', 'USGovernmentCloud', 'vault.usgovcloudapi.net');

  /**
   * Azure Germany: vaults at `https://NAME.vault.microsoftazure.de`.
   *
   * Microsoft closed this cloud in 2021; it stays here because both add-ons still accept it.
   */
  public static readonly GERMANY = new AzureCloud('AzureGermanCloud', 'GermanCloud', 'vault.microsoftazure.de');

  /** Every cloud this library knows, public cloud first. */
  public static all(): AzureCloud[] {
    return [AzureCloud.PUBLIC, AzureCloud.CHINA, AzureCloud.US_GOVERNMENT, AzureCloud.GERMANY];
  }

  /** The cloud whose vaults live under `domain` (e.g. `vault.azure.cn`), compared case-insensitively. */
  public static fromKeyVaultDomain(domain: string): AzureCloud | undefined {
    const wanted = domain.toLowerCase();
    return AzureCloud.all().find(cloud => cloud.keyVaultDomain === wanted);
  }

  private constructor(
    /** Name the Secrets Store CSI Azure provider takes as `cloudName` (go-autorest environment name). */
    public readonly csiCloudName: string,
    /** Name External Secrets takes as `azurekv.environmentType`. */
    public readonly externalSecretsEnvironment: string,
    /** DNS suffix of the vaults of this cloud. */
    public readonly keyVaultDomain: string,
  ) {}

  /** The URL of the vault called `vaultName` in this cloud. */
  public vaultUrl(vaultName: string): string {
    return `https://${vaultName}.${this.keyVaultDomain}`;
  }
}
