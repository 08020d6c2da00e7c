import { GitOpsApp } from '../../lib';
import { buildExamplePlatform } from './example-platform';

const app = new GitOpsApp();
buildExamplePlatform(app);
app.synth();
