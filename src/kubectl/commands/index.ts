/** Every kubectl verb we serve, in the order `kubectl --help` lists them. */
import type { KubectlCommand } from '../command.ts';
import { applyCommand } from './apply.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { getCommand } from './get.ts';

export const COMMANDS: KubectlCommand[] = [getCommand, describeCommand, applyCommand, deleteCommand];
