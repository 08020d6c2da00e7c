/** A key of a Secret in the same namespace as the workload that reads it. */
export interface SecretKeyReference {
  /** Name of the Secret. */
  readonly secretName: string;
  /** The key within the Secret. */
  readonly key: string;
}
