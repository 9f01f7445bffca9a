/** Every kubectl verb we serve, in the order `kubectl --help` lists them. */
import type { KubectlCommand } from '../command.ts';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources.ts';
import { applyCommand } from './apply.ts';
import { clusterInfoCommand } from './cluster-info.ts';
import { configCommand } from './config.ts';
import { createCommand } from './create.ts';
import { annotateCommand, labelCommand } from './metadata-verbs.ts';
import { patchCommand } from './patch.ts';
import { scaleCommand } from './scale.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { execCommand } from './exec.ts';
import { explainCommand } from './explain.ts';
import { getCommand } from './get.ts';
import { logsCommand } from './logs.ts';
import { versionCommand } from './version.ts';
import { editCommand } from './edit.ts';
import { exposeCommand } from './expose.ts';
import { replaceCommand } from './replace.ts';
import { rolloutCommand } from './rollout.ts';
import { runCommand } from './run.ts';
import { setCommand } from './set.ts';
import { topCommand } from './top.ts';

export const COMMANDS: KubectlCommand[] = [getCommand, describeCommand, applyCommand, deleteCommand,
  clusterInfoCommand, apiResourcesCommand, apiVersionsCommand, configCommand, versionCommand,
  createCommand, labelCommand, annotateCommand, patchCommand, scaleCommand,
  runCommand, exposeCommand, setCommand, editCommand, replaceCommand, rolloutCommand,
  logsCommand, execCommand, explainCommand, topCommand];
