import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';

/**
 * cdk8s-plus labels every pod template with `cdk8s.io/metadata.addr`, a value derived from the construct path
 * with a hash, and selects by it. Moving a construct would then change selectors and pod templates; the
 * library's workloads select by labels of their own instead and drop that label.
 */
export function dropAddressLabel(workload: IConstruct): void {
  ApiObject.of(workload).addJsonPatch(JsonPatch.remove(`/spec/template/metadata/labels/${escapePointer(kplus.Pod.ADDRESS_LABEL)}`));
}

/** Makes `service` select exactly `labels`. */
export function selectByLabels(service: kplus.Service, labels: Record<string, string>): void {
  ApiObject.of(service).addJsonPatch(JsonPatch.replace('/spec/selector', { ...labels }));
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
