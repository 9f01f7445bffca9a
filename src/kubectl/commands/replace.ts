/**
 * kubectl replace -f (pkg/cmd/replace/replace.go): each object is PUT as given; without a
 * resourceVersion the current one is read first (resource.Helper.Replace with overwrite), so
 * the write replaces whatever is there. Prints `service/NAME replaced`; errors name their file.
 */
import { resourceKey } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { checkObjectOutput, objectOutput } from '../object-output.ts';
import { DRY_RUN_FLAG, VALIDATE_FLAG, dryRunStrategy, validationDirective } from '../write-options.ts';
import { forEachBuiltObject, type BuiltObject } from './apply.ts';

async function run(inv: Invocation): Promise<number> {
  const { io, flags } = inv;
  const files = flags.list('filename');
  if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
  const dryRun = dryRunStrategy(flags);
  const fieldValidation = validationDirective(flags);
  const output = flags.string('output');
  checkObjectOutput(output);
  forEachBuiltObject(inv, { validate: fieldValidation !== 'Ignore', verb: 'replacing', command: 'replace' }, (b) => {
    io.stdout(replaceOne(inv, b, dryRun, fieldValidation, output));
  });
  return 0;
}

function replaceOne(inv: Invocation, b: BuiltObject, dryRun: ReturnType<typeof dryRunStrategy>, fieldValidation: 'Strict' | 'Warn' | 'Ignore', output: string): string {
  if (dryRun === 'client') return objectOutput({ info: b.info, name: b.name, object: b.object, typed: false }, 'replaced', dryRun, output);
  const api = inv.ctx.api;
  const key = resourceKey(b.info);
  const ns = b.info.namespaced ? b.namespace : undefined;
  const body = JSON.parse(JSON.stringify(b.object));
  if (!body.metadata.resourceVersion) {
    const current = api.get(key, ns, b.name);
    body.metadata.resourceVersion = current.object.metadata.resourceVersion;
  }
  const res = api.update(key, ns, body, { fieldValidation, dryRun: dryRun === 'server' });
  inv.warn(res.warnings);
  return objectOutput({ info: b.info, name: b.name, object: res.object, typed: false }, 'replaced', dryRun, output);
}

export const replaceCommand: KubectlCommand = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    DRY_RUN_FLAG,
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'The files that contain the configurations to replace.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
    VALIDATE_FLAG,
  ],
  run,
};
