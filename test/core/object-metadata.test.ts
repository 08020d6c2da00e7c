import { Testing } from 'cdk8s';
import { isDns1035Label } from '../../lib/core/names';
import { isLabelValue, qualifiedNameProblem, requireAnnotations, requireLabels } from '../../lib/core/object-metadata';

describe('Kubernetes metadata rules', () => {
  test.each([
    ['app', true], ['example.com/team', true], ['a.b-c_d', true], ['x'.repeat(63), true],
    ['', false], ['-app', false], ['app-', false], ['x'.repeat(64), false], ['Example.com/team', false],
    ['/team', false], ['a/b/c', false], ['example.com/', false], ['has space', false],
  ])('qualified name %p: %p', (key, valid) => {
    expect(qualifiedNameProblem(key) === undefined).toBe(valid);
  });

  test.each([
    ['', true], ['v1', true], ['a.b_c-d', true], ['x'.repeat(63), true],
    ['x'.repeat(64), false], ['-v', false], ['v/1', false], ['v 1', false],
  ])('label value %p: %p', (value, valid) => {
    expect(isLabelValue(value)).toBe(valid);
  });

  test.each([['minio', true], ['store-hl', true], ['1store', false], ['Store', false], ['store-', false]])(
    'DNS-1035 label %p: %p', (value, valid) => expect(isDns1035Label(value)).toBe(valid));

  test('errors name the field and the key', () => {
    const chart = Testing.chart();
    expect(() => requireLabels(chart, 'pools[0].labels', { 'team/a/b': 'x' }))
      .toThrow(/test: pools\[0\]\.labels\['team\/a\/b'\] is not a valid label key/);
    expect(() => requireLabels(chart, 'pools[0].labels', { team: 'storage team' }))
      .toThrow(/pools\[0\]\.labels\['team'\] is not a valid label value \(received 'storage team'\)/);
    expect(() => requireAnnotations(chart, 's3Exposure.annotations', { 'bad key': 'x' }))
      .toThrow(/s3Exposure\.annotations\['bad key'\] is not a valid annotation key/);
    expect(() => requireAnnotations(chart, 'a', { big: 'x'.repeat(256 * 1024) }))
      .toThrow(/a exceeds the API server's limit of 262144 bytes/);
  });
});
