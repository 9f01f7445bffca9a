/**
 * kubectl set image (pkg/cmd/set/set_image.go): `TYPE NAME CONTAINER=IMAGE ...` (or `*=IMAGE`
 * for every container) changes the images in a pod spec or pod template through a strategic
 * merge patch. Prints `deployment.apps/NAME image updated`; nothing when every image was already
 * the one asked for.
 */
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { checkObjectOutput } from '../object-output.ts';
import { changeEachPodSpec, patchPodSpecChange } from '../pod-template.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../write-options.ts';
import { NO_RESOURCE_ARGS } from './set.ts';

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VALUE pairs (and KEY- removals). */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (isPair) pairs.push(a);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${a}`);
    else resources.push(a);
  }
  return { resources, pairs };
}

async function run(inv: Invocation): Promise<number> {
  const { flags } = inv;
  const dryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  checkObjectOutput(output);
  const { resources, pairs } = resourcesAndPairs(flags.args, 'image');
  if (resources.length === 0) throw new KubectlError(NO_RESOURCE_ARGS);
  const images = new Map<string, string>();
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq < 0) continue; // `name-` means nothing to set image
    images.set(p.slice(0, eq), p.slice(eq + 1));
  }
  if (images.size === 0) throw new KubectlError('at least one image update is required');
  changeEachPodSpec(inv, resources, (t, before, after, spec) => {
    const missing: string[] = [];
    for (const [container, image] of images) {
      let found = false;
      for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
        for (const c of (spec[list] as Record<string, unknown>[] | undefined) ?? []) {
          if (container === '*' || c.name === container) {
            c.image = image;
            found = true;
          }
        }
      }
      if (!found) missing.push(container);
    }
    if (missing.length > 0) return missing.map((m) => new KubectlError(`unable to find container named "${m}"`));
    patchPodSpecChange(inv, t, before, after, 'image updated', dryRun, output);
  });
  return 0;
}

export const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    DRY_RUN_FLAG,
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
  ],
  run,
};
