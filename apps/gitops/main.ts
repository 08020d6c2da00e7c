import { App } from 'cdk8s';
import { buildExamplePlatform } from './example-platform';

const app = new App();
buildExamplePlatform(app);
app.synth();
