import { IConstruct } from 'constructs';
import { reject } from './errors';

// cdk8s names a chart's file `<id>.k8s.yaml` only when the chart sits directly under the app and its id matches
// /^[0-9a-z-]+$/ with at most 63 characters; anything else gets a normalized name with a hash of the construct
// path (cdk8s src/names.ts, Names.toDnsLabel; src/app.ts, SimpleChartNamer), e.g. `prod-storage-c8a1b2c3.k8s.yaml`.
const PLAIN_FILE_NAME = /^[0-9a-z-]+$/;
const MAX_LENGTH = 63;

/**
 * Rejects a chart whose output file name cdk8s would decorate with a hash: such a name changes when the chart
 * moves and cannot be guessed from the source, so a GitOps repository could not refer to it.
 */
export function requireReadableChartFileName(chart: IConstruct): void {
  const { id, scope } = chart.node;
  if (scope === undefined || scope.node.scope !== undefined) {
    reject(chart, 'scope', chart.node.path,
      'must be the app itself: cdk8s adds a hash to the file name of a chart nested in another construct',
      'create the chart directly under the App');
  }
  if (id.length > MAX_LENGTH || !PLAIN_FILE_NAME.test(id)) {
    reject(chart, 'id', id,
      `must be at most ${MAX_LENGTH} lower-case letters, digits and '-', or cdk8s adds a hash to the chart's file name`,
      `use a readable id such as '${readableChartId(id)}'`);
  }
}

/** The id a user probably meant: lower case, runs of other characters as one '-'. */
function readableChartId(id: string): string {
  const readable = id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
    .replace(/[^0-9a-z]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_LENGTH).replace(/-+$/, '');
  return readable.length > 0 ? readable : 'storage';
}
