import { ApiObject, App, Chart } from 'cdk8s';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { planApply } from '../../lib/pulumi/apply-plan';

/** The bridge's ordering, without Pulumi: which object waits for which. */

function object(chart: Chart, id: string, kind: string, name: string, apiVersion = 'v1'): ApiObject {
  return new ApiObject(chart, id, { apiVersion, kind, metadata: { name } });
}

const dependenciesOf = (plan: ReturnType<typeof planApply>, key: string) => plan.find((entry) => entry.key === key)!.dependsOn;

describe('planApply', () => {
  test('an object waits for the closest earlier kind of its chart, not for every earlier one', () => {
    const app = new App();
    const chart = new GitOpsChart(app, 'apps', { namespace: 'apps' });
    object(chart, 'Namespace', 'Namespace', 'apps');
    object(chart, 'Account', 'ServiceAccount', 'runner');
    object(chart, 'Config', 'ConfigMap', 'settings');
    object(chart, 'Job', 'Job', 'migrate', 'batch/v1');
    const plan = planApply(app);
    expect(plan.map((entry) => entry.key)).toEqual(['Namespace apps', 'ServiceAccount apps/runner', 'ConfigMap apps/settings', 'Job.batch apps/migrate']);
    expect(dependenciesOf(plan, 'ServiceAccount apps/runner')).toEqual(['Namespace apps']);
    expect(dependenciesOf(plan, 'Job.batch apps/migrate')).toEqual(['ConfigMap apps/settings', 'Namespace apps']);
  });

  test('an object waits for its Namespace in another chart', () => {
    const app = new App();
    const consumer = new GitOpsChart(app, 'consumer', { namespace: 'shared' });
    object(consumer, 'Config', 'ConfigMap', 'settings');
    const platform = new GitOpsChart(app, 'platform');
    object(platform, 'Namespace', 'Namespace', 'shared');
    const plan = planApply(app);
    expect(plan.map((entry) => entry.key)).toEqual(['Namespace shared', 'ConfigMap shared/settings']);
    expect(dependenciesOf(plan, 'ConfigMap shared/settings')).toEqual(['Namespace shared']);
  });

  test('a cdk8s dependency wins over the apply order', () => {
    const app = new App();
    const chart = new GitOpsChart(app, 'apps', { namespace: 'apps' });
    const config = object(chart, 'Config', 'ConfigMap', 'settings');
    const service = object(chart, 'Service', 'Service', 'api');
    config.addDependency(service);
    const plan = planApply(app);
    expect(plan.map((entry) => entry.key)).toEqual(['Service apps/api', 'ConfigMap apps/settings']);
    expect(dependenciesOf(plan, 'ConfigMap apps/settings')).toEqual(['Service apps/api']);
    expect(dependenciesOf(plan, 'Service apps/api')).toEqual([]);
  });

  test('a chart that depends on another waits for all of its objects', () => {
    const app = new App();
    const first = new GitOpsChart(app, 'first', { namespace: 'one' });
    object(first, 'Config', 'ConfigMap', 'a');
    const second = new GitOpsChart(app, 'second', { namespace: 'two' });
    object(second, 'Config', 'ConfigMap', 'b');
    first.addDependency(second);
    const plan = planApply(app);
    expect(plan.map((entry) => entry.key)).toEqual(['ConfigMap two/b', 'ConfigMap one/a']);
    expect(dependenciesOf(plan, 'ConfigMap one/a')).toEqual(['ConfigMap two/b']);
  });

  test('a cycle through a Namespace is an error naming the objects', () => {
    const app = new App();
    const consumer = new GitOpsChart(app, 'consumer', { namespace: 'shared' });
    object(consumer, 'Config', 'ConfigMap', 'settings');
    const platform = new GitOpsChart(app, 'platform');
    object(platform, 'Namespace', 'Namespace', 'shared');
    // The Namespace's chart waits for the chart whose ConfigMap lives in that Namespace.
    platform.addDependency(consumer);
    expect(() => planApply(app)).toThrow(/the objects ConfigMap shared\/settings, Namespace shared depend on each other in a cycle/);
  });

  test('constructs are validated as cdk8s synth validates them', () => {
    const app = new App();
    const chart = new GitOpsChart(app, 'apps', { namespace: 'apps' });
    object(chart, 'One', 'ConfigMap', 'same');
    object(chart, 'Two', 'ConfigMap', 'same');
    expect(() => planApply(app)).toThrow(/ConfigMap apps\/same is also defined by apps\/One/);
  });
});
