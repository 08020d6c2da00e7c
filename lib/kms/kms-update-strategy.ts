import { IConstruct } from 'constructs';
import { PinnedImage } from '../core/pinned-image';

/**
 * The image of the all-at-once restart Job: it needs a POSIX shell, `kubectl`, `date` and `sleep`.
 *
 * `registry.k8s.io/kubectl` is distroless (no shell), and since 2025-08-28 Bitnami publishes free images only under
 * `latest` (versioned tags moved to the unmaintained `bitnamilegacy`; bitnami/containers issue 83267), so the
 * default is `alpine/k8s` (github.com/alpine-docker/k8s: Alpine with kubectl, tagged by kubectl version; the
 * 1.34.1 tag is named in that repository's history). Its tags are rebuilt when bundled tools change: pin a digest
 * (or a copy in your own registry) in production.
 */
export const DEFAULT_KUBECTL_IMAGE = PinnedImage.fromRepository('docker.io/alpine/k8s', '1.34.1');

/** Options of {@link KmsUpdateStrategy.allAtOnce}. */
export interface AllAtOnceOptions {
  /**
   * Pinned image with a POSIX shell, `kubectl`, `date` and `sleep` (the restart script checks for each at start).
   *
   * @default - `docker.io/alpine/k8s:1.34.1` (DEFAULT_KUBECTL_IMAGE)
   */
  readonly kubectlImage?: PinnedImage;
}

/**
 * How KMS nodes move to a new version or configuration.
 *
 * minkms nodes authenticate each other, and nodes of different releases may refuse each other (as MinIO's did
 * between RELEASE.2024-07-16 and 07-26). A rolling update would leave the cluster in mixed versions, and writes
 * need every node, so the safe default restarts every node together.
 */
export class KmsUpdateStrategy {
  /**
   * The StatefulSet uses `OnDelete`; a Job named after the node pod template deletes every node pod not on the
   * StatefulSet's current revision at once, and waits until all are ready again. Costs a short KMS outage per
   * upgrade or configuration change; never mixes versions.
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
    private readonly kubectlImage: PinnedImage | undefined,
  ) {}

  /** The validated kubectl image of the restart Job. @internal */
  public _kubectlImage(scope: IConstruct): string {
    return PinnedImage.reference(scope, 'updateStrategy.kubectlImage', this.kubectlImage ?? DEFAULT_KUBECTL_IMAGE);
  }
}
