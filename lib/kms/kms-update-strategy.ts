import { IConstruct } from 'constructs';
import { requirePinnedImage } from '../core/pinned-image';

/** The kubectl image of the all-at-once restart Job. */
export const DEFAULT_KUBECTL_IMAGE = 'registry.k8s.io/kubectl:v1.32.0';

/** Options of {@link KmsUpdateStrategy.allAtOnce}. */
export interface AllAtOnceOptions {
  /** Image with kubectl and a POSIX shell, pinned. @default 'registry.k8s.io/kubectl:v1.32.0' */
  readonly kubectlImage?: string;
}

/**
 * How KMS nodes move to a new version.
 *
 * minkms nodes authenticate each other, and nodes of different releases may refuse each other (as MinIO's did
 * between RELEASE.2024-07-16 and 07-26). A rolling update would leave the cluster in mixed versions, and writes
 * need every node, so the safe default restarts every node together.
 */
export class KmsUpdateStrategy {
  /**
   * The StatefulSet uses `OnDelete`; a Job named after the version deletes every node pod still running another
   * image at once, and waits until all are ready again. Costs a short KMS outage per upgrade; never mixes versions.
   */
  public static allAtOnce(options: AllAtOnceOptions = {}): KmsUpdateStrategy {
    return new KmsUpdateStrategy(true, options.kubectlImage ?? DEFAULT_KUBECTL_IMAGE);
  }

  /**
   * A plain rolling update, one node at a time: only for releases known to talk to each other (patch releases).
   */
  public static rollingUpdate(): KmsUpdateStrategy {
    return new KmsUpdateStrategy(false, undefined);
  }

  private constructor(
    /** Whether every node restarts together. */
    public readonly allAtOnce: boolean,
    private readonly kubectlImage: string | undefined,
  ) {}

  /** The validated kubectl image of the restart Job. @internal */
  public _kubectlImage(scope: IConstruct): string {
    return requirePinnedImage(scope, 'updateStrategy.kubectlImage', this.kubectlImage ?? DEFAULT_KUBECTL_IMAGE, DEFAULT_KUBECTL_IMAGE);
  }
}
