import { App, AppProps } from 'cdk8s';

/**
 * A cdk8s App for estates of many charts.
 *
 * cdk8s prepares the whole app (dependency resolution and validation) once more for every chart it writes, which
 * makes synth quadratic in the number of charts: 1,000 single-tenant charts took about 4 s instead of 0.4 s.
 * `GitOpsApp.synth()` prepares the app once; its {@link GitOpsChart}s then render only themselves.
 */
export class GitOpsApp extends App {
  private preparedForSynth = false;

  public constructor(props: AppProps = {}) {
    super(props);
  }

  /** Whether `synth()` has already resolved and validated the whole app, so a chart may render on its own. */
  public get isPreparedForSynth(): boolean {
    return this.preparedForSynth;
  }

  public override synth(): void {
    this.preparedForSynth = true;
    try {
      super.synth();
    } finally {
      this.preparedForSynth = false;
    }
  }
}
